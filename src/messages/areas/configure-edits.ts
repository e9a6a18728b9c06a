/**
 * Messages of the configure-edits area: codes TCRM85xx. Both this area and completion were given
 * TCRM8xxx; completion took 80xx, so configure-edits uses 85xx to keep the codes unique.
 */
export const EN = {
  TCRM8501: "rename: '{id}' is not a valid id (a letter or _ first, then letters, digits, _, . or -); nothing was renamed",
  TCRM8502: '{command}: {tool} is not installed on this machine (it comes with Pacemaker); nothing was done',
  TCRM8503: '{command}: works only on a CIB file or a shadow here; on a live cluster use the cluster tools',
  TCRM8504: 'filter: {program} exited with status {code}; nothing was changed',
  TCRM8505: 'filter: {program} could not be run: {reason}',
  TCRM8506: 'load: {url}: URLs are not read by tcrm; download the file and load it',
  TCRM8507: 'save: cannot write {path}: {reason}',
  TCRM8508: '{command}: {tool} failed (exit status {code}); nothing was changed',
  TCRM8509: 'upgrade: the CIB already validates with {schema}; "upgrade force" runs cibadmin --upgrade anyway',
  TCRM8510: 'modgroup: {id} is not a primitive or group that can join a group',
  TCRM8511: '{file}: not a CIB in XML: {reason}',
  TCRM8512: 'load: reading the configuration from standard input (-) is not supported by tcrm yet; save it to a file and load that',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM8501: "rename : « {id} » n'est pas un identifiant valide (une lettre ou _ d'abord, puis lettres, chiffres, _, . ou -) ; rien n'a été renommé",
  TCRM8502: "{command} : {tool} n'est pas installé sur cette machine (il vient avec Pacemaker) ; rien n'a été fait",
  TCRM8503: "{command} : ne fonctionne ici que sur un fichier CIB ou un shadow ; sur un cluster en marche, utilisez les outils du cluster",
  TCRM8504: 'filter : {program} a terminé avec le code {code} ; rien n’a changé',
  TCRM8505: "filter : {program} n'a pas pu être lancé : {reason}",
  TCRM8506: "load : {url} : tcrm ne lit pas les URL ; téléchargez le fichier puis chargez-le",
  TCRM8507: "save : impossible d'écrire {path} : {reason}",
  TCRM8508: '{command} : {tool} a échoué (code {code}) ; rien n’a changé',
  TCRM8509: 'upgrade : le CIB est déjà validé par {schema} ; « upgrade force » lance quand même cibadmin --upgrade',
  TCRM8510: "modgroup : {id} n'est ni une primitive ni un groupe pouvant entrer dans un groupe",
  TCRM8511: "{file} : pas un CIB en XML : {reason}",
  TCRM8512: "load : lire la configuration sur l'entrée standard (-) n'est pas encore possible avec tcrm ; enregistrez-la dans un fichier et chargez celui-ci",
};
