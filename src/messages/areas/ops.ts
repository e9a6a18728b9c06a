/** Messages of the ops area: codes TCRM6xxx (ops owns this range). */
export const EN = {
  TCRM6001: '{path} is locked by another process{who}; nothing was changed',
  TCRM6002: 'writing {path} failed: {reason}; the file is unchanged',
  TCRM6003: '{tool} did not answer within {seconds} s on {where}; the command may or may not have taken effect',
  TCRM6004: 'waiting for the cluster to settle (timeout {seconds} s)…',
  TCRM6005: 'the cluster did not settle within {seconds} s',
  TCRM6006: 'this command needs a live cluster (it runs {tool}); the CIB in use is {kind}',
  TCRM6007: 'no agent metadata for {agent} (live metadata unavailable and nothing bundled)',
  TCRM6008: 'could not read crm_mon\'s XML: {reason}',
  TCRM6009: 'refreshing every {seconds} s; press Ctrl-C to stop',
  TCRM6010: 'could not run {tool} on the cluster ({where}): {reason}',
  TCRM6011: 'the connection to {where} failed while {tool} ran, so it may or may not have taken effect: {reason}',
  TCRM6012: 'interrupted: tcrm stopped waiting for {tool} on {where}',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM6001: '{path} est verrouillé par un autre processus{who} ; rien n\'a été modifié',
  TCRM6002: 'l\'écriture de {path} a échoué : {reason} ; le fichier est inchangé',
  TCRM6003: '{tool} n\'a pas répondu en {seconds} s sur {where} ; la commande a pu prendre effet ou non',
  TCRM6004: 'attente de la stabilisation du cluster (délai {seconds} s)…',
  TCRM6005: 'le cluster ne s\'est pas stabilisé en {seconds} s',
  TCRM6006: 'cette commande demande un cluster actif (elle lance {tool}) ; le CIB utilisé est {kind}',
  TCRM6007: 'pas de métadonnées pour {agent} (pas de métadonnées en direct ni de données embarquées)',
  TCRM6008: 'XML de crm_mon illisible : {reason}',
  TCRM6009: 'actualisation toutes les {seconds} s ; Ctrl-C pour arrêter',
  TCRM6010: 'impossible de lancer {tool} sur le cluster ({where}) : {reason}',
  TCRM6011: 'la connexion à {where} a échoué pendant {tool} : la commande a pu prendre effet ou non : {reason}',
  TCRM6012: 'interrompu : tcrm n\'attend plus {tool} sur {where}',
};
