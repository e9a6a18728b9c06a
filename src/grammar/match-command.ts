/**
 * crmsh's forgiving command-word matcher, per level.
 *
 * Order (crmsh 4.4.1, checked with `crm -f`):
 * 1. the word is exactly a name or an alias (case-sensitive);
 * 2. else it is a prefix, case-insensitively, of exactly one KEY (names and aliases are keys, so
 *    `col` at configure hits both `colocation` and its alias `collocation`: ambiguous);
 * 3. else its letters appear in order, starting at the first letter, in exactly one key
 *    (`cfg` → `configure`, `shw` → `show`).
 * Ambiguity is not reported as such: crmsh says `No such command`.
 * Messages, in crmsh's order: WARNING `This command '<alias>' is deprecated, please use '<name>'`
 * when the word is exactly an alias (not `-h`/`--help`), then INFO `"<typed>" is accepted as
 * "<name>"` whenever the word differs from the canonical name.
 *
 * crmsh builds its prefix and subsequence patterns as regular expressions from the raw word; we
 * match literally, which differs only for words containing regex characters (`.`, `*`, `[`).
 */
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import { levelSpecOf, qualifiedName, type CommandSpec } from './levels.js';

export type MatchResult =
  | {
      ok: true;
      spec: CommandSpec;
      /** The canonical name (`up` for `end`). */
      name: string;
      typed: string;
      /** The WARNING/INFO lines crmsh prints before running the command. */
      diagnostics: Diagnostic[];
    }
  | { ok: false; typed: string; diagnostics: Diagnostic[] };

interface Key {
  key: string;
  spec: CommandSpec;
}

function keysOf(path: string): Key[] {
  const spec = levelSpecOf(path);
  if (!spec) return [];
  const keys: Key[] = [];
  for (const c of spec.commands) {
    keys.push({ key: c.name, spec: c });
    for (const a of c.aliases) keys.push({ key: a.name, spec: c });
  }
  return keys;
}

function isSubsequenceFromStart(word: string, key: string): boolean {
  if (word.length === 0) return true;
  if (key[0] !== word[0]) return false;
  let i = 0;
  for (const ch of key) {
    if (ch === word[i]) i++;
    if (i === word.length) return true;
  }
  return false;
}

function unique(matches: Key[]): CommandSpec | undefined {
  return matches.length === 1 ? matches[0].spec : undefined;
}

/** Which command a typed word names at a level, without messages. */
export function resolveCommandWord(path: string, typed: string): CommandSpec | undefined {
  const keys = keysOf(path);
  const exact = keys.find((k) => k.key === typed);
  if (exact) return exact.spec;
  const lower = typed.toLowerCase();
  return (
    unique(keys.filter((k) => k.key.toLowerCase().startsWith(lower))) ??
    unique(keys.filter((k) => isSubsequenceFromStart(lower, k.key.toLowerCase())))
  );
}

/**
 * Match the first word of a command at level `path` ('' or 'root' for the root,
 * 'configure/ra' for nested levels). `at` positions the diagnostics.
 */
export function matchCommand(path: string, typed: string, at?: Position): MatchResult {
  const spec = resolveCommandWord(path, typed);
  if (!spec) {
    return {
      ok: false,
      typed,
      diagnostics: [diag('CRM', 'error', `${qualifiedName(path, typed)}: No such command`, at)],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const alias = spec.aliases.find((a) => a.name === typed);
  if (alias?.deprecated) {
    diagnostics.push(diag('CRM', 'warning', `This command '${typed}' is deprecated, please use '${spec.name}'`, at));
  }
  if (typed !== spec.name) {
    diagnostics.push(diag('CRM', 'info', `"${typed}" is accepted as "${spec.name}"`, at));
  }
  return { ok: true, spec, name: spec.name, typed, diagnostics };
}
