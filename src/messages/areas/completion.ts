/** Messages of the completion area: codes TCRM8xxx (completion owns this range). Candidate
 *  descriptions shown beside double-Tab lists, and the highlighter's hints. */
export const EN = {
  TCRM8001: 'the new object’s id',
  TCRM8002: 'score',
  TCRM8003: 'advised by the agent',
  TCRM8004: 'resource template',
  TCRM8005: 'default',
  TCRM8006: 'node attribute',
  TCRM8007: 'help topic',
  TCRM8008: 'the level above',
  TCRM8009: 'interval:timeout',
  TCRM8010: 'kind or score',
  TCRM8011: 'default {value}',
  TCRM8012: 'deprecated, use {name}',
  TCRM8013: 'deprecated',
  TCRM8014: 'unique',
  TCRM8015: 'incomplete: {hint}',
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
  TCRM8001: 'l’identifiant du nouvel objet',
  TCRM8002: 'score',
  TCRM8003: 'conseillé par l’agent',
  TCRM8004: 'modèle de ressource',
  TCRM8005: 'par défaut',
  TCRM8006: 'attribut de nœud',
  TCRM8007: 'rubrique d’aide',
  TCRM8008: 'le niveau au-dessus',
  TCRM8009: 'intervalle:délai',
  TCRM8010: 'type ou score',
  TCRM8011: 'par défaut {value}',
  TCRM8012: 'obsolète, utiliser {name}',
  TCRM8013: 'obsolète',
  TCRM8014: 'unique',
  TCRM8015: 'incomplet : {hint}',
};
