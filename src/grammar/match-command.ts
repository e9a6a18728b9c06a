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
 * The word is used as a regular expression (shell-word-pattern.ts): `s.ow` matches `show`, and
 * `*` is an error (`configure.*: nothing to repeat at position 0`).
 * Messages, in crmsh's order: WARNING `This command '<alias>' is deprecated, please use '<name>'`
 * when the word is exactly an alias (not `-h`/`--help`), then INFO `"<typed>" is accepted as
 * "<name>"` whenever the word differs from the canonical name.
 */
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import { levelSpecOf, qualifiedName, type CommandSpec } from './levels.js';
import { compileWordPattern, crmshPatterns } from './shell-word-pattern.js';

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

export type WordResolution = { spec: CommandSpec } | { error: string } | { none: true };

/** Which command a typed word names at a level, or the pattern error crmsh reports for it. */
export function resolveWord(path: string, typed: string): WordResolution {
  const keys = keysOf(path);
  const exact = keys.find((k) => k.key === typed);
  if (exact) return { spec: exact.spec };
  const lower = typed.toLowerCase();
  const { prefix, subsequence } = crmshPatterns(typed);
  const byPrefix = compileWordPattern(prefix, (key) => key.toLowerCase().startsWith(lower));
  if (!byPrefix.ok) return { error: byPrefix.error };
  const p = unique(keys.filter((k) => byPrefix.test(k.key)));
  if (p) return { spec: p };
  const bySubsequence = compileWordPattern(subsequence, (key) => isSubsequenceFromStart(lower, key.toLowerCase()));
  if (!bySubsequence.ok) return { error: bySubsequence.error };
  const q = unique(keys.filter((k) => bySubsequence.test(k.key)));
  return q ? { spec: q } : { none: true };
}

/** Which command a typed word names at a level, without messages. */
export function resolveCommandWord(path: string, typed: string): CommandSpec | undefined {
  const r = resolveWord(path, typed);
  return 'spec' in r ? r.spec : undefined;
}

/**
 * Match the first word of a command at level `path` ('' or 'root' for the root,
 * 'configure/ra' for nested levels). `at` positions the diagnostics.
 */
export function matchCommand(path: string, typed: string, at?: Position): MatchResult {
  const r = resolveWord(path, typed);
  if (!('spec' in r)) {
    const problem = 'error' in r ? r.error : 'No such command';
    return { ok: false, typed, diagnostics: [diag('CRM', 'error', `${qualifiedName(path, typed)}: ${problem}`, at)] };
  }
  const spec = r.spec;
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
