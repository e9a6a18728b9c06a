/**
 * The input line as a pure reducer: one key in, the next state and what the host must do out.
 * Everything readline does for crmsh lives here (editing, history, Ctrl-R, Tab and double Tab,
 * `\` continuation, bracketed paste), so it is tested without a terminal and several keys that
 * arrive in one chunk all apply to the latest state (stack.md pitfall 5).
 */
import type { Key } from './keys.js';
import type { Candidate, CompletionResult } from '../completion/types.js';

export interface SearchState {
  query: string;
  /** Index into history of the current match, or -1 when nothing matches. */
  match: number;
  failed: boolean;
}

export interface InputState {
  buffer: string;
  /** Offset into buffer (UTF-16 units, always on a code point boundary). */
  cursor: number;
  /** Physical lines typed before this one that ended in `\` (the continuation prompt shows). */
  pending: string[];
  /** Oldest first. */
  history: string[];
  /** Position while browsing with Up/Down: history.length means "the line being typed". */
  historyPos: number;
  /** The line being typed before Up was pressed. */
  draft: string;
  search: SearchState | null;
  /** Between the bracketed-paste markers: Tab is literal, Enter queues the line. */
  pasting: boolean;
  /** The previous key was a Tab that did not change the line (the next Tab lists). */
  tabArmed: boolean;
  /** "Display all N possibilities? (y or n)" is showing. */
  confirmList: Candidate[] | null;
  /** Text cut by Ctrl-K/U/W, yanked back by Ctrl-Y. */
  killRing: string;
}

export type InputEffect =
  /** A logical line is complete (continuations joined): echo it and run it. */
  | { type: 'submit'; text: string; echo: string[] }
  /** Ctrl-C: echo the abandoned line with `^C`, then show a fresh prompt. */
  | { type: 'interrupt'; echo: string[] }
  /** Ctrl-D on an empty line: leave the program (pending-changes question first). */
  | { type: 'eof' }
  /** Ctrl-Z: hand the terminal back to the shell. */
  | { type: 'suspend' }
  /** Ctrl-L */
  | { type: 'clearScreen' }
  /** Print the candidates above the prompt (double Tab), after `preface` when given. */
  | { type: 'list'; candidates: Candidate[]; preface?: string }
  /** Print a line above the prompt (the "Display all" question answered no). */
  | { type: 'note'; text: string }
  | { type: 'bell' };

export interface ReduceContext {
  /** The completion engine over the whole text typed so far. */
  complete?: (line: string, cursor: number) => CompletionResult;
  /** readline's threshold for asking before a long listing. */
  listQueryItems?: number;
}

export interface ReduceResult {
  state: InputState;
  effects: InputEffect[];
}

export const HISTORY_LIMIT = 1000;

export function initialInput(history: string[] = []): InputState {
  return {
    buffer: '',
    cursor: 0,
    pending: [],
    history,
    historyPos: history.length,
    draft: '',
    search: null,
    pasting: false,
    tabArmed: false,
    confirmList: null,
    killRing: '',
  };
}

// ── character and word boundaries ────────────────────────────────────────────

function prevCharStart(s: string, i: number): number {
  if (i <= 0) return 0;
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
}

function nextCharEnd(s: string, i: number): number {
  if (i >= s.length) return s.length;
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? i + 2 : i + 1;
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** readline's backward-word: skip non-word characters, then the word. */
export function wordLeft(s: string, i: number): number {
  let j = i;
  while (j > 0 && !isWordChar(s[j - 1])) j--;
  while (j > 0 && isWordChar(s[j - 1])) j--;
  return j;
}

export function wordRight(s: string, i: number): number {
  let j = i;
  while (j < s.length && !isWordChar(s[j])) j++;
  while (j < s.length && isWordChar(s[j])) j++;
  return j;
}

/** Ctrl-W (unix-word-rubout): back to the previous whitespace. */
function whitespaceWordLeft(s: string, i: number): number {
  let j = i;
  while (j > 0 && /\s/.test(s[j - 1]!)) j--;
  while (j > 0 && !/\s/.test(s[j - 1]!)) j--;
  return j;
}

// ── helpers ─────────────────────────────────────────────────────────────────

function edit(state: InputState, buffer: string, cursor: number): InputState {
  return { ...state, buffer, cursor, tabArmed: false, historyPos: state.history.length, draft: '' };
}

function insert(state: InputState, text: string): InputState {
  const b = state.buffer;
  return edit(state, b.slice(0, state.cursor) + text + b.slice(state.cursor), state.cursor + text.length);
}

/** crmsh's joining rule: each physical line stripped, trailing backslashes removed, concatenated. */
export function joinContinuation(lines: string[]): string {
  return lines.map((l) => l.trim().replace(/\\+$/, '')).join('');
}

/** Adds a line to history the way readline does: no blanks, no immediate repeat, bounded. */
export function addHistory(history: string[], line: string): string[] {
  if (line.trim() === '' || history[history.length - 1] === line) return history;
  const next = [...history, line];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

function enter(state: InputState): ReduceResult {
  const line = state.buffer;
  if (line.trim().endsWith('\\')) {
    return { state: { ...edit(state, '', 0), pending: [...state.pending, line] }, effects: [] };
  }
  const physical = [...state.pending, line];
  const text = joinContinuation(physical);
  const history = addHistory(state.history, text);
  const next: InputState = { ...edit({ ...state, history }, '', 0), pending: [] };
  return { state: next, effects: [{ type: 'submit', text, echo: physical }] };
}

function searchFrom(history: string[], query: string, before: number): number {
  for (let i = Math.min(before, history.length - 1); i >= 0; i--) if (history[i]!.includes(query)) return i;
  return -1;
}

function reduceSearch(state: InputState, key: Key, ctx: ReduceContext): ReduceResult {
  const search = state.search!;
  const accept = (): InputState => {
    const text = search.match >= 0 ? state.history[search.match]! : state.buffer;
    return { ...edit(state, text, text.length), search: null };
  };
  if (key.kind === 'char') {
    const query = search.query + key.text;
    const from = search.match >= 0 ? search.match : state.history.length - 1;
    const match = searchFrom(state.history, query, from);
    return { state: { ...state, search: { query, match: match >= 0 ? match : search.match, failed: match < 0 } }, effects: match < 0 ? [{ type: 'bell' }] : [] };
  }
  if (key.kind === 'backspace') {
    const query = search.query.slice(0, prevCharStart(search.query, search.query.length));
    const match = query === '' ? -1 : searchFrom(state.history, query, state.history.length - 1);
    return { state: { ...state, search: { query, match, failed: false } }, effects: [] };
  }
  if (key.kind === 'ctrl' && key.letter === 'r') {
    const match = searchFrom(state.history, search.query, search.match - 1);
    if (match < 0) return { state: { ...state, search: { ...search, failed: true } }, effects: [{ type: 'bell' }] };
    return { state: { ...state, search: { ...search, match, failed: false } }, effects: [] };
  }
  if (key.kind === 'ctrl' && (key.letter === 'g' || key.letter === 'c')) {
    return { state: { ...state, search: null }, effects: [] };
  }
  if (key.kind === 'enter') return enter(accept());
  // Any other key ends the search with the match on the line, then acts as usual.
  return reduceInput(accept(), key, ctx);
}

export function listQuestion(count: number): string {
  return `Display all ${count} possibilities? (y or n)`;
}

function reduceConfirmList(state: InputState, key: Key): ReduceResult {
  const candidates = state.confirmList!;
  const cleared = { ...state, confirmList: null, tabArmed: false };
  const question = listQuestion(candidates.length);
  if ((key.kind === 'char' && /^[yY ]$/.test(key.text)) || key.kind === 'tab') {
    return { state: cleared, effects: [{ type: 'list', candidates, preface: `${question} y` }] };
  }
  if ((key.kind === 'char' && /^[nN]$/.test(key.text)) || key.kind === 'backspace' || key.kind === 'ctrl' || key.kind === 'escape') {
    return { state: cleared, effects: [{ type: 'note', text: `${question} n` }] };
  }
  return { state, effects: [{ type: 'bell' }] };
}

function tab(state: InputState, ctx: ReduceContext): ReduceResult {
  if (!ctx.complete) return { state, effects: [{ type: 'bell' }] };
  // The engine sees everything typed so far, continuation lines included.
  const prefix = joinContinuation(state.pending);
  const full = prefix + state.buffer;
  const result = ctx.complete(full, prefix.length + state.cursor);
  const from = result.from - prefix.length;
  const to = result.to - prefix.length;
  if (from < 0 || to < from || to > state.buffer.length || result.candidates.length === 0) {
    return { state: { ...state, tabArmed: false }, effects: [{ type: 'bell' }] };
  }
  const typed = state.buffer.slice(from, to);
  const exact = result.candidates.filter((c) => !c.fuzzy);
  let replacement: string | null = null;
  if (exact.length === 1 && result.complete) {
    // readline: a space follows a unique match only when the word already equals it or was empty.
    replacement = typed === exact[0]!.text || typed === '' ? exact[0]!.text + ' ' : exact[0]!.text;
    if (typed === exact[0]!.text && state.buffer[to] === ' ') replacement = typed;
  } else if (result.common.length > typed.length && result.common.startsWith(typed)) {
    replacement = result.common;
  } else if (exact.length === 1 && result.common === typed) {
    replacement = null;
  } else if (exact.length === 0 && result.candidates.length === 1) {
    // A single fuzzy match is offered by listing it, never inserted silently.
    replacement = null;
  }
  if (replacement !== null && replacement !== typed) {
    const buffer = state.buffer.slice(0, from) + replacement + state.buffer.slice(to);
    return { state: { ...edit(state, buffer, from + replacement.length), tabArmed: false }, effects: [] };
  }
  if (!state.tabArmed) return { state: { ...state, tabArmed: true }, effects: [{ type: 'bell' }] };
  const limit = ctx.listQueryItems ?? 100;
  if (result.candidates.length >= limit) {
    return { state: { ...state, tabArmed: false, confirmList: result.candidates }, effects: [] };
  }
  return { state: { ...state, tabArmed: false }, effects: [{ type: 'list', candidates: result.candidates }] };
}

function historyMove(state: InputState, delta: number): ReduceResult {
  const pos = state.historyPos + delta;
  if (pos < 0 || pos > state.history.length) return { state, effects: [{ type: 'bell' }] };
  const draft = state.historyPos === state.history.length ? state.buffer : state.draft;
  const text = pos === state.history.length ? draft : state.history[pos]!;
  return { state: { ...state, buffer: text, cursor: text.length, historyPos: pos, draft, tabArmed: false }, effects: [] };
}

function kill(state: InputState, from: number, to: number): InputState {
  if (from === to) return state;
  const b = state.buffer;
  return { ...edit(state, b.slice(0, from) + b.slice(to), from), killRing: b.slice(from, to) };
}

// ── the reducer ─────────────────────────────────────────────────────────────

export function reduceInput(state: InputState, key: Key, ctx: ReduceContext = {}): ReduceResult {
  if (key.kind === 'pasteStart') return { state: { ...state, pasting: true, tabArmed: false }, effects: [] };
  if (key.kind === 'pasteEnd') return { state: { ...state, pasting: false }, effects: [] };
  if (state.pasting) {
    // Pasted text is data: Tabs are literal, each line runs as it completes.
    if (key.kind === 'char') return { state: insert(state, key.text), effects: [] };
    if (key.kind === 'tab') return { state: insert(state, '\t'), effects: [] };
    if (key.kind === 'enter') return enter(state);
    return { state, effects: [] };
  }
  if (state.confirmList) return reduceConfirmList(state, key);
  if (state.search) return reduceSearch(state, key, ctx);

  const { buffer: b, cursor: c } = state;
  const same = (s: InputState): ReduceResult => ({ state: s, effects: [] });
  switch (key.kind) {
    case 'char':
      return same(insert(state, key.text));
    case 'enter':
      return enter(state);
    case 'tab':
      return tab(state, ctx);
    case 'backspace':
      return same(c === 0 ? state : edit(state, b.slice(0, prevCharStart(b, c)) + b.slice(c), prevCharStart(b, c)));
    case 'delete':
      return same(c >= b.length ? state : edit(state, b.slice(0, c) + b.slice(nextCharEnd(b, c)), c));
    case 'left':
      return same({ ...state, cursor: prevCharStart(b, c), tabArmed: false });
    case 'right':
      return same({ ...state, cursor: nextCharEnd(b, c), tabArmed: false });
    case 'home':
      return same({ ...state, cursor: 0, tabArmed: false });
    case 'end':
      return same({ ...state, cursor: b.length, tabArmed: false });
    case 'wordLeft':
      return same({ ...state, cursor: wordLeft(b, c), tabArmed: false });
    case 'wordRight':
      return same({ ...state, cursor: wordRight(b, c), tabArmed: false });
    case 'deleteWordLeft':
      return same(kill(state, wordLeft(b, c), c));
    case 'deleteWordRight':
      return same(kill(state, c, wordRight(b, c)));
    case 'up':
      return historyMove(state, -1);
    case 'down':
      return historyMove(state, +1);
    case 'ctrl':
      return reduceCtrl(state, key.letter);
    default:
      return same(state);
  }
}

function reduceCtrl(state: InputState, letter: string): ReduceResult {
  const { buffer: b, cursor: c } = state;
  const same = (s: InputState): ReduceResult => ({ state: s, effects: [] });
  switch (letter) {
    case 'a':
      return same({ ...state, cursor: 0 });
    case 'e':
      return same({ ...state, cursor: b.length });
    case 'b':
      return same({ ...state, cursor: prevCharStart(b, c) });
    case 'f':
      return same({ ...state, cursor: nextCharEnd(b, c) });
    case 'k':
      return same(kill(state, c, b.length));
    case 'u':
      return same(kill(state, 0, c));
    case 'w':
      return same(kill(state, whitespaceWordLeft(b, c), c));
    case 'y':
      return same(state.killRing ? insert(state, state.killRing) : state);
    case 'h':
      return reduceInput(state, { kind: 'backspace' });
    case 'p':
      return historyMove(state, -1);
    case 'n':
      return historyMove(state, +1);
    case 'r':
      return same({ ...state, search: { query: '', match: -1, failed: false }, tabArmed: false });
    case 'l':
      return { state, effects: [{ type: 'clearScreen' }] };
    case 'c': {
      const echo = [...state.pending, state.buffer];
      return { state: { ...edit(state, '', 0), pending: [] }, effects: [{ type: 'interrupt', echo }] };
    }
    case 'd':
      if (b === '' && state.pending.length === 0) return { state, effects: [{ type: 'eof' }] };
      return reduceInput(state, { kind: 'delete' });
    case 'z':
      return { state, effects: [{ type: 'suspend' }] };
    default:
      return same(state);
  }
}
