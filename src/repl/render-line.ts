/**
 * What the live area shows for an input state: the prompt and the line (coloured by the
 * highlighter's spans), the invalid-line marker and hint, and where the terminal cursor goes.
 * Pure, so that it is tested without Ink.
 */
import type { HighlightResult, HighlightStyle } from '../completion/types.js';
import { CONTINUATION_PROMPT } from './prompt.js';
import { listQuestion, type InputState } from './input-reducer.js';

export type Paint = (style: HighlightStyle | 'prompt' | 'hint' | 'marker', text: string) => string;

export const noPaint: Paint = (_s, t) => t;

export interface LiveView {
  /** The prompt row(s), one string (Ink wraps it). */
  line: string;
  /** Under the prompt: the invalid-line hint or the search status, already painted. */
  hint?: string;
  /** Where the real cursor goes, relative to the live area's origin. */
  cursor: { x: number; y: number };
}

/** Terminal columns a string takes (no ANSI codes in it); wide characters are rare in crm input. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Paints `text` (which starts at `offset` of the highlighted line) with the spans. */
export function paintSpans(text: string, offset: number, spans: HighlightResult['spans'], paint: Paint): string {
  let out = '';
  let pos = 0;
  for (const sp of spans) {
    const from = Math.max(0, sp.from - offset);
    const to = Math.min(text.length, sp.to - offset);
    if (to <= from || from < pos) continue;
    out += text.slice(pos, from) + (sp.style === 'plain' ? text.slice(from, to) : paint(sp.style, text.slice(from, to)));
    pos = to;
  }
  return out + text.slice(pos);
}

export interface ViewInput {
  state: InputState;
  prompt: string;
  /** A question from the session (`There are changes pending… (y/n)? `) replaces the prompt. */
  question?: string;
  /** Shown under the question (dim). */
  questionHint?: string;
  highlight?: HighlightResult;
  /** Offset of `state.buffer` inside the highlighted text (the joined continuation lines). */
  highlightOffset?: number;
  columns: number;
  /** Terminal rows: the live area stays below them (Ink clears the scrollback otherwise). */
  rows?: number;
  paint: Paint;
}

function position(width: number, columns: number): { x: number; y: number } {
  const cols = Math.max(1, columns);
  return { x: width % cols, y: Math.floor(width / cols) };
}

export function liveView(v: ViewInput): LiveView {
  const { state, paint } = v;
  const shown = state.buffer.replace(/\t/g, ' ');
  const before = shown.slice(0, state.cursor);
  if (state.confirmList) {
    const q = listQuestion(state.confirmList.length);
    return { line: q, cursor: position(displayWidth(q) + 1, v.columns) };
  }
  if (state.search) {
    const s = state.search;
    const match = s.match >= 0 ? state.history[s.match]!.replace(/\t/g, ' ') : '';
    const head = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    const at = s.match >= 0 ? Math.max(0, match.indexOf(s.query)) : 0;
    return { line: head + match, cursor: position(displayWidth(head) + displayWidth(match.slice(0, at)), v.columns) };
  }
  const promptText = v.question ?? (state.pending.length > 0 ? CONTINUATION_PROMPT : v.prompt);
  const maxRows = Math.max(1, (v.rows ?? 24) - 3);
  if (Math.floor((displayWidth(promptText) + displayWidth(shown)) / Math.max(1, v.columns)) + 1 > maxRows) {
    return scrolled(promptText, v.question ? promptText : paint('prompt', promptText), shown, state.cursor, v.columns);
  }
  const painted = v.question ? promptText : paint('prompt', promptText);
  const spans = v.highlight?.spans ?? [];
  const off = v.highlightOffset ?? 0;
  const line = painted + (v.question ? shown : paintSpans(shown, off, spans, paint));
  let hint: string | undefined;
  const err = v.question ? undefined : v.highlight?.error;
  const fullLength = off + shown.length;
  if (err && err.from === err.to && err.to >= fullLength) {
    // Incomplete, not wrong (more words or a closing quote needed): a quiet hint, no marker.
    hint = ' '.repeat(displayWidth(promptText) + displayWidth(shown)) + paint('hint', err.hint);
    if (displayWidth(hint.replace(/\x1b\[[0-9;]*m/g, '')) > v.columns) hint = paint('hint', err.hint);
  } else if (err) {
    const from = Math.max(0, err.from - off);
    // The marker: a caret row under the bad word, then the hint, both on one row to keep the
    // live area small ("^ hint").
    const pad = ' '.repeat(displayWidth(promptText) + displayWidth(shown.slice(0, from)));
    const width = Math.max(1, err.to - err.from);
    hint = pad + paint('marker', '^'.repeat(Math.min(width, 40))) + ' ' + paint('hint', err.hint);
    if (displayWidth(hint.replace(/\x1b\[[0-9;]*m/g, '')) > v.columns) hint = paint('marker', '^') + ' ' + paint('hint', err.hint);
  }
  if (v.question && v.questionHint) hint = paint('hint', v.questionHint);
  return { line, hint, cursor: position(displayWidth(promptText) + displayWidth(before), v.columns) };
}

/**
 * A line too long for the screen scrolls horizontally on one row (notes/ink-repl.md: a live area
 * as tall as the terminal makes Ink clear the scrollback): a window around the cursor, `<` and
 * `>` where text is cut off, no highlighting.
 */
function scrolled(promptText: string, paintedPrompt: string, shown: string, cursor: number, columns: number): LiveView {
  const chars = [...shown];
  const at = [...shown.slice(0, cursor)].length;
  const room = Math.max(10, columns - displayWidth(promptText) - 3);
  let start = Math.max(0, at - Math.floor(room / 2));
  start = Math.min(start, Math.max(0, chars.length - room));
  const end = Math.min(chars.length, start + room);
  const left = start > 0 ? '<' : ' ';
  const right = end < chars.length ? '>' : '';
  const line = paintedPrompt + left + chars.slice(start, end).join('') + right;
  return { line, cursor: { x: displayWidth(promptText) + 1 + (at - start), y: 0 } };
}
