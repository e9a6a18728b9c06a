/**
 * Messages of the configure-edits area: codes TCRM85xx. Both this area and completion were given
 * TCRM8xxx; completion took 80xx, so configure-edits uses 85xx to keep the codes unique.
 */
export const EN = {
  TCRM8501: "rename: '{id}' is not a valid id (a letter or _ first, then letters, digits, _, . or -); nothing was renamed",
  TCRM8502: '{command}: {tool} is not installed on this machine (it comes with Pacemaker); nothing was done',
  TCRM8506: 'load: {url}: URLs are not read by tcrm; download the file and load it',
  TCRM8507: 'save: cannot write {path}: {reason}',
  TCRM8511: '{file}: not a CIB in XML: {reason}',
  TCRM8512: 'load: standard input (-) is not available here (the commands are read from it, it is a terminal, or it was read already); save the configuration to a file and load that',
  TCRM8513: 'delete --force does not stop running resources in tcrm yet: stop them first (resource stop {ids}), then delete',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM8501: "rename : « {id} » n'est pas un identifiant valide (une lettre ou _ d'abord, puis lettres, chiffres, _, . ou -) ; rien n'a été renommé",
  TCRM8502: "{command} : {tool} n'est pas installé sur cette machine (il vient avec Pacemaker) ; rien n'a été fait",
  TCRM8506: "load : {url} : tcrm ne lit pas les URL ; téléchargez le fichier puis chargez-le",
  TCRM8507: "save : impossible d'écrire {path} : {reason}",
  TCRM8511: "{file} : pas un CIB en XML : {reason}",
  TCRM8512: "load : l'entrée standard (-) n'est pas disponible ici (les commandes y sont lues, c'est un terminal, ou elle a déjà été lue) ; enregistrez la configuration dans un fichier et chargez celui-ci",
  TCRM8513: "delete --force n'arrête pas encore les ressources actives dans tcrm : arrêtez-les d'abord (resource stop {ids}), puis supprimez",
};
