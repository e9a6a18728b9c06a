/**
 * tcrm's own messages, one catalogue with stable codes (crmsh's texts are not here: they are
 * reproduced verbatim where they are produced), in English and French: every code has both
 * (test/messages/areas.test.ts).
 */
import * as transport from './areas/transport.js';
import * as liveCommit from './areas/live-commit.js';
import * as ops from './areas/ops.js';
import * as check from './areas/check.js';
import * as repl from './areas/repl.js';
import * as configureEdits from './areas/configure-edits.js';
import * as completion from './areas/completion.js';
import * as agentsLive from './areas/agents-live.js';

export type Lang = 'en' | 'fr';

// Each area keeps its own codes in `areas/` (one range per area); this table adds the core's.
const CORE_EN = {
  TCRM0001: 'offline: working on {path} (no cluster on this machine; set CIB_file or CIB_shadow to choose another CIB)',
  TCRM0002: 'usage: tcrm [-f FILE] [-c CIB] [-F] [-n] [-w] [-D plain|color|color-always] [-o section.name=value] [--lang en|fr] [--hosts USER@HOST[:PORT],… | -C PROFILE] [--accept-new-host-key] [--live] [LEVEL COMMAND ARGS...]\n       tcrm check [--mode script|configure|transcript] [--format text|json|sarif] [--strict] [--nodes N1,N2] [--expect SOLUTION [--ignore-ids]] [--live] FILE...',
  TCRM0003: 'option {option} needs a value',
  TCRM0004: 'unknown option {option}',
  TCRM0005: 'cannot read {path}: {reason}',
  TCRM0006: 'internal error while running {command}: {reason} (please report it)',
  TCRM0007: 'interactive mode needs a terminal; use -f FILE or pipe commands on standard input',
  TCRM0008: '{level} is not supported by tcrm yet',
  TCRM0009: 'nothing changed: the CIB is left as it was',
  TCRM0010: '{file}:{line}: the input ends inside this statement (its last line ends with \\): it was not run, as crm does not run it',
  TCRM3010: 'the schema {schema} is not bundled with tcrm: the CIB is not validated against it',
  TCRM4001: 'commit refused: the CIB is left untouched',
  TCRM4002: '{path} changed since it was loaded and the same object was changed on both sides: {objects}',
  TCRM4003: '{name} has no known base; use -F to replace the configuration with it',
  TCRM4010: '{object}: changed here and in the CIB meanwhile',
  TCRM4011: '{path} is locked by another process',
  TCRM4012: 'writing {path} failed: the file is unchanged',
} as const;

const EN = {
  ...CORE_EN,
  ...transport.EN,
  ...liveCommit.EN,
  ...ops.EN,
  ...check.EN,
  ...repl.EN,
  ...configureEdits.EN,
  ...completion.EN,
  ...agentsLive.EN,
} as const;

export type MessageCode = keyof typeof EN;

const FR: Partial<Record<MessageCode, string>> = {
  ...transport.FR,
  ...liveCommit.FR,
  ...ops.FR,
  ...check.FR,
  ...repl.FR,
  ...configureEdits.FR,
  ...completion.FR,
  ...agentsLive.FR,
  TCRM0001: 'hors ligne : travail sur {path} (pas de cluster sur cette machine ; CIB_file ou CIB_shadow choisissent un autre CIB)',
  TCRM0005: 'impossible de lire {path} : {reason}',
  TCRM0007: 'le mode interactif demande un terminal ; utilisez -f FICHIER ou envoyez les commandes sur l\'entrée standard',
  TCRM4001: 'validation refusée : le CIB reste inchangé',
  TCRM0002: CORE_EN.TCRM0002, // a synopsis is syntax: the same in every language
  TCRM0003: "l'option {option} demande une valeur",
  TCRM0004: 'option inconnue {option}',
  TCRM0006: 'erreur interne pendant {command} : {reason} (merci de la signaler)',
  TCRM0008: "{level} n'est pas encore pris en charge par tcrm",
  TCRM0009: 'rien n\'a changé : le CIB reste tel quel',
  TCRM0010: "{file}:{line} : l'entrée se termine dans cette instruction (sa dernière ligne finit par \\) : elle n'a pas été exécutée, comme crm ne l'exécute pas",
  TCRM3010: "le schéma {schema} n'est pas fourni avec tcrm : le CIB n'est pas validé avec lui",
  TCRM4002: "{path} a changé depuis son chargement et le même objet a été modifié des deux côtés : {objects}",
  TCRM4003: "{name} n'a pas de base connue ; utilisez -F pour remplacer la configuration par lui",
  TCRM4010: '{object} : modifié ici et dans le CIB entre-temps',
  TCRM4011: '{path} est verrouillé par un autre processus',
  TCRM4012: "l'écriture de {path} a échoué : le fichier est inchangé",
};

const TABLES: Record<Lang, Partial<Record<MessageCode, string>>> = { en: EN, fr: FR };

/** Codes with no text in `lang` (they fall back to English); kept empty by test/messages. */
export function untranslated(lang: Lang): MessageCode[] {
  return (Object.keys(EN) as MessageCode[]).filter((code) => TABLES[lang][code] === undefined);
}

/** The message text for a code, with `{name}` placeholders filled in. */
export function message(code: MessageCode, params: Record<string, string | number> = {}, lang: Lang = 'en'): string {
  const template = TABLES[lang][code] ?? EN[code];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** --lang, else LC_ALL, LC_MESSAGES, LANG (DECISIONS.md "Messages and languages"). */
export function languageFrom(env: Record<string, string | undefined>, flag?: string): Lang {
  const pick = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return pick.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
