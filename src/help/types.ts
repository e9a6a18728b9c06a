/**
 * tcrm's own help text for one command (not crmsh's manual): what it does in a paragraph and one
 * example that works on the lab. The usage line comes from the level tree (grammar/levels.ts), so
 * that help and the argument checks cannot drift apart.
 */
export interface HelpText {
  text: string;
  example: string;
}

/** Keyed `level.command` (`configure.primitive`), `*.command` for what every level has. */
export type HelpTable = Record<string, HelpText>;
