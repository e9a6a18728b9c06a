/** What a command's argument completer receives, and small candidate builders shared by them. */
import { message, type MessageCode } from '../messages/catalog.js';
import type { CibIndex } from './cib-index.js';
import type { Candidate, CandidateKind, CompletionContext } from './types.js';

export interface ArgContext {
  ctx: CompletionContext;
  ix: CibIndex;
  /** The level the command belongs to ('root', 'configure', 'resource', …). */
  level: string;
  /** The command's canonical name. */
  command: string;
  /** The complete words after the command word. */
  args: string[];
  /** The word being completed. */
  partial: string;
  /** Set by a completer that read something outside the CIB that may change at any time
   *  (shadow names, directory listings): its list is then not reused for later keystrokes. */
  volatile?: boolean;
}

/** A candidate as a completer offers it: `fallbackOnly` ones only take part in fuzzy matching. */
export type Offer = Candidate & { fallbackOnly?: boolean };

/**
 * A completer may read `a.partial` only up to its last `:`, `=` or `/` (and whether the name
 * after the last `/` starts with a dot): its result is reused while the user types the rest of
 * the word (complete.ts caches it), so each keystroke is a filter, not a rebuild.
 */
export type Completer = (a: ArgContext) => Offer[];

/** A description in the user's language. */
export const say = (a: ArgContext, code: MessageCode, params: Record<string, string> = {}): string =>
  message(code, params, a.ctx.lang ?? 'en');

const wordCache = new WeakMap<readonly string[], Map<string, Candidate[]>>();

/** Candidates from names; cached per list object, so the CIB index's 5,000 ids are wrapped once. */
export function words(list: readonly string[], kind: CandidateKind, description?: string): Candidate[] {
  let byKind = wordCache.get(list);
  if (!byKind) wordCache.set(list, (byKind = new Map()));
  const key = `${kind}\0${description ?? ''}`;
  let out = byKind.get(key);
  if (!out) {
    out = list.map((text) => (description ? { text, kind, description } : { text, kind }));
    byKind.set(key, out);
  }
  return out;
}

export const keys = (list: readonly string[], kind: CandidateKind, used: Set<string> = new Set()): Candidate[] =>
  list.filter((n) => !used.has(n)).map((n) => ({ text: `${n}=`, kind }));

/** The `name=` part already typed in `name=val`, or null. */
export function keyOf(partial: string): string | null {
  const eq = partial.indexOf('=');
  return eq > 0 ? partial.slice(0, eq) : null;
}

/** Node names: the live cluster's when the REPL knows them, else the CIB's. */
export function nodeNames(a: ArgContext): string[] {
  return a.ctx.nodes && a.ctx.nodes.length > 0 ? a.ctx.nodes : a.ix.nodes;
}

export const nodeCandidates = (a: ArgContext): Candidate[] => words(nodeNames(a), 'node');

/** File paths relative to the REPL's directory: `dir/` for directories (no space after them). */
export function fileCandidates(a: ArgContext): Candidate[] {
  const list = a.ctx.listDir;
  if (!list) return [];
  a.volatile = true;
  const partial = a.partial;
  const slash = partial.lastIndexOf('/');
  const head = slash >= 0 ? partial.slice(0, slash + 1) : '';
  const base = slash >= 0 ? partial.slice(slash + 1) : partial;
  const dir = head.startsWith('/') ? head || '/' : joinDir(a.ctx.cwd, head);
  const showHidden = base.startsWith('.');
  return list(dir)
    .filter((e) => showHidden || !e.name.startsWith('.'))
    .map((e) => ({ text: `${head}${e.name}${e.dir ? '/' : ''}`, kind: 'file' as const }));
}

function joinDir(cwd: string, rel: string): string {
  if (!rel) return cwd;
  return `${cwd.replace(/\/+$/, '')}/${rel}`;
}
