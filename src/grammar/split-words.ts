/**
 * The input front end: text → logical lines → shell-style words, each word keeping the physical
 * position of its first character. crmsh reads lines, glues `\` continuations with nothing in
 * between, then splits with POSIX shell rules (Python's shlex.split without comments); tcrm does
 * the same but never loses where a word came from, so every diagnostic can point into the file.
 *
 * Non-ASCII text is kept as written. (crmsh turns it into XML character references before
 * parsing, `café` → `caf&#233;`; that conversion, where wanted, belongs to the lowering step.)
 */
import type { Position } from '../diagnostic.js';
import type { LogicalLine, Word } from './words.js';

export interface SplitOptions {
  /** Return comment lines as `words: []` lines (load/edit attach them to the next object). */
  keepComments?: boolean;
  /**
   * Drop a last line whose continuation the text's end cut off. crmsh's input loop (`-f FILE`,
   * piped stdin: utils.multi_input) hits the end of input before the line is complete and never
   * runs it; `load` and `edit` text (utils.lines2cli) keep it, so that is the default.
   */
  dropUnfinished?: boolean;
}

/** One physical piece of a logical line: where its kept text starts in the joined text and in the file. */
interface Piece {
  joinedStart: number;
  line: number;
  col: number;
  offset: number;
}

/** Maps an index of the joined logical text back to a physical position. */
class PositionMap {
  constructor(
    private readonly file: string,
    private readonly pieces: Piece[],
  ) {}

  at(index: number): Position {
    let piece = this.pieces[0];
    for (const p of this.pieces) {
      if (p.joinedStart <= index) piece = p;
      else break;
    }
    const delta = index - piece.joinedStart;
    return { file: this.file, line: piece.line, col: piece.col + delta, offset: piece.offset + delta };
  }

  /** The position just after the character at `index`. */
  after(index: number): Position {
    const p = this.at(index);
    return { ...p, col: p.col + 1, offset: p.offset + 1 };
  }
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;

const isShellSpace = (c: number): boolean => c === SPACE || c === TAB || c === LF || c === CR;

interface SplitResult {
  words: Word[];
  error?: { message: string; at: Position };
}

/** POSIX-shell word splitting of one joined logical line (shlex.split semantics, no comments). */
function splitWords(text: string, map: PositionMap): SplitResult {
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isShellSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let value = '';
    let quoted = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isShellSpace(c)) break;
      if (c === SQUOTE || c === DQUOTE) {
        quoted = true;
        const open = i;
        i++;
        let runStart = i;
        while (i < n && text.charCodeAt(i) !== c) {
          // Inside double quotes a backslash only escapes `"` and `\` (shlex, posix mode).
          if (c === DQUOTE && text.charCodeAt(i) === BACKSLASH && i + 1 < n) {
            const next = text.charCodeAt(i + 1);
            if (next === DQUOTE || next === BACKSLASH) {
              value += text.slice(runStart, i) + text[i + 1];
              i += 2;
              runStart = i;
              continue;
            }
          }
          i++;
        }
        if (i >= n) return { words, error: { message: 'No closing quotation', at: map.at(open) } };
        value += text.slice(runStart, i);
        i++;
        continue;
      }
      if (c === BACKSLASH) {
        quoted = true;
        if (i + 1 >= n) return { words, error: { message: 'No escaped character', at: map.at(i) } };
        value += text[i + 1];
        i += 2;
        continue;
      }
      const runStart = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isShellSpace(d) || d === SQUOTE || d === DQUOTE || d === BACKSLASH) break;
        i++;
      }
      value += text.slice(runStart, i);
    }
    words.push({ text: value, quoted, at: map.at(start), end: map.after(i - 1) });
  }
  return { words };
}

interface PhysicalLine {
  text: string;
  line: number;
  offset: number;
}

function physicalLines(text: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (offset <= text.length) {
    let nl = text.indexOf('\n', offset);
    if (nl < 0) nl = text.length;
    let endOfText = nl;
    if (endOfText > offset && text[endOfText - 1] === '\r') endOfText--;
    out.push({ text: text.slice(offset, endOfText), line, offset });
    offset = nl + 1;
    line++;
  }
  return out;
}

/** Leading whitespace as Python's str.strip() sees it (spaces, tabs, form feeds, …). */
const LEADING = /^\s*/;

/**
 * Splits a whole text (a `-f` file, `load` input, one interactive line) into logical lines.
 * A line whose stripped text ends in `\` continues on the next: each piece is stripped, its
 * trailing backslashes dropped, and the pieces glued with nothing in between (crmsh does so).
 */
export function splitLogicalLines(text: string, file: string, opts: SplitOptions = {}): LogicalLine[] {
  const lines = physicalLines(text);
  const out: LogicalLine[] = [];
  let k = 0;
  while (k < lines.length) {
    const pieces: Piece[] = [];
    let joined = '';
    const first = lines[k];
    let last = first;
    let unfinished = false;
    for (;;) {
      const phys = lines[k];
      last = phys;
      k++;
      const lead = LEADING.exec(phys.text)![0].length;
      let kept = phys.text.trim();
      const continues = kept.endsWith('\\');
      if (continues) kept = kept.replace(/\\+$/, '');
      pieces.push({ joinedStart: joined.length, line: phys.line, col: lead + 1, offset: phys.offset + lead });
      joined += kept;
      if (!continues) break;
      // The text's end, or only the empty piece after its final newline, is left.
      if (k >= lines.length || (k === lines.length - 1 && lines[k]!.text === '' && text.endsWith('\n'))) {
        unfinished = true;
        if (opts.dropUnfinished || k >= lines.length) break;
      }
    }
    if (joined.length === 0 || (unfinished && opts.dropUnfinished)) continue;
    const map = new PositionMap(file, pieces);
    const at = map.at(0);
    if (joined.startsWith('#')) {
      if (opts.keepComments) out.push({ words: [], text: joined, at, lastLine: last.line });
      continue;
    }
    const { words, error } = splitWords(joined, map);
    const logical: LogicalLine = { words, text: joined, at, lastLine: last.line };
    if (error) logical.error = error;
    out.push(logical);
  }
  return out;
}
