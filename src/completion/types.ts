/**
 * The completion engine's public API, called by the Ink REPL (src/repl). Pure: no Ink, no IO
 * except through the context's callbacks (file paths are read through `listDir`).
 */
import type { Document } from '../shadow-cib/xml.js';
import type { AgentCatalog } from '../agents/types.js';
import type { Lang } from '../messages/catalog.js';

export type CandidateKind =
  | 'command'
  | 'level'
  | 'id'
  | 'agent'
  | 'param'
  | 'keyword'
  | 'value'
  | 'node'
  | 'file'
  | 'shadow'
  | 'property'
  | 'meta'
  | 'op'
  | 'other';

export interface Candidate {
  /** The whole word as it replaces line.slice(from, to) (`ocf:heartbeat:IPaddr2`, `ip=`). */
  text: string;
  /** One-line description (parameter shortdesc, command summary), when one exists. */
  description?: string;
  /** A required agent parameter (the REPL marks it, crmsh prints `ip*`). */
  required?: boolean;
  /** Matched by fuzzysort, not by prefix: shown marked, never inserted by a single Tab's common prefix. */
  fuzzy?: boolean;
  kind: CandidateKind;
}

export interface CompletionResult {
  /** Replace line.slice(from, to) with the chosen candidate's text (or with `common`). */
  from: number;
  to: number;
  /**
   * Either prefix matches, sorted alphabetically as readline shows them, or — only when nothing
   * matches the prefix — fuzzy matches (all marked `fuzzy`), best first, at most 30.
   */
  candidates: Candidate[];
  /** Longest common prefix of the prefix matches: what one Tab inserts ('' when only fuzzy ones). */
  common: string;
  /** True when exactly one (non-fuzzy) candidate matched and a space should follow it (not after `=`, `:` or `/`). */
  complete: boolean;
}

/** A directory entry for file-path completion. */
export interface DirEntry {
  name: string;
  dir: boolean;
}

export interface CompletionContext {
  /** The current level path as segments: [] at the root, ['configure'], ['configure', 'ra']. */
  levels: string[];
  /**
   * The working CIB in configure (or the CIB in use elsewhere). Indexes and candidate lists are
   * cached per Document object and `cibVersion`; a fresh context object per keystroke is fine.
   */
  cib?: Document;
  /**
   * Bumped by the caller whenever `cib` is edited in place (same Document object), so cached
   * indexes are rebuilt. Omit if a new Document is passed after each change.
   */
  cibVersion?: number;
  agents: AgentCatalog;
  /** Shadow CIB names (without the `shadow.` prefix). */
  shadows(): string[];
  /** Node names when known from elsewhere (live cluster); else taken from the CIB. */
  nodes?: string[];
  /** For file-path completion (`load update FILE`, `cib import FILE`). */
  cwd: string;
  /** Lists a directory (absolute path); return [] when unreadable. Without it, no file candidates. */
  listDir?(dir: string): DirEntry[];
  /** The language of candidate descriptions (default 'en'). */
  lang?: Lang;
}

export type HighlightStyle = 'keyword' | 'id' | 'agent' | 'value' | 'score' | 'string' | 'error' | 'comment' | 'plain';

export interface HighlightSpan {
  from: number;
  to: number;
  style: HighlightStyle;
}

export interface HighlightResult {
  /** Non-overlapping, in order; gaps are plain (whitespace). */
  spans: HighlightSpan[];
  /**
   * The first problem of an invalid line: marker range and a one-line hint for under the prompt.
   * An empty range at the very end of the line (from === to === line.length) means the line is
   * incomplete (more words or a closing quote needed), not wrong: show it quietly, if at all.
   */
  error?: { from: number; to: number; hint: string };
}

// Implemented in complete.ts and highlight.ts:
//   export function complete(ctx: CompletionContext, line: string, cursor: number): CompletionResult
//   export function highlight(levels: string[], line: string, lang?: Lang): HighlightResult
