/** Messages of the agents-over-the-transport area (live agent data, crm_verify on live): codes TCRM32xx. */
export const EN = {
  TCRM3202: 'crm_resource is not available on {where}: the bundled agent data is used instead',
  TCRM3203: 'crm_verify could not run on {where}: {reason}',
  TCRM3204: 'crm_verify could not run: {reason}',
  TCRM3205: 'the node names could not be read from {where}: {reason}',
  TCRM3206: 'crm_verify is not installed on {where} (Pacemaker\'s pacemaker-cli-utils): only tcrm\'s own checks ran',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM3202: 'crm_resource n’est pas disponible sur {where} : les données d’agents intégrées sont utilisées',
  TCRM3203: 'crm_verify n’a pas pu s’exécuter sur {where} : {reason}',
  TCRM3204: 'crm_verify n’a pas pu s’exécuter : {reason}',
  TCRM3205: 'les noms des nœuds n’ont pas pu être lus sur {where} : {reason}',
  TCRM3206: 'crm_verify n’est pas installé sur {where} (pacemaker-cli-utils de Pacemaker) : seules les vérifications de tcrm ont eu lieu',
};
