/**
 * A command assembled from pieces of several physical lines (a transcript's prompt line and its
 * soft-wrapped continuations), split into words whose positions point back into the file.
 */
import type { Position } from '../diagnostic.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import type { LogicalLine, Word } from '../grammar/words.js';

/** Text taken from one physical line, starting at a 1-based column. */
export interface Piece {
  text: string;
  line: number;
  column: number;
}

interface Placed extends Piece {
  /** Where this piece starts in the joined text. */
  start: number;
}

export class PieceText {
  readonly file: string;
  private placed: Placed[] = [];
  private joined = '';

  constructor(file: string, first: Piece) {
    this.file = file;
    this.add(first, '');
  }

  get text(): string {
    return this.joined;
  }

  /** Appends a piece after `separator` (a space, or nothing when the break fell inside a word). */
  add(piece: Piece, separator: string): void {
    this.joined += separator;
    this.placed.push({ ...piece, start: this.joined.length });
    this.joined += piece.text;
  }

  /** Removes a continuation backslash from the end (the spaces before it stay, as in crmsh). */
  dropTrailingBackslash(): void {
    const kept = this.joined.replace(/\\+\s*$/, '');
    const last = this.placed[this.placed.length - 1]!;
    last.text = last.text.slice(0, Math.max(0, kept.length - last.start));
    this.joined = kept;
  }

  /** The text with another piece appended, without changing this one. */
  tryJoin(piece: Piece, separator: string): string {
    return this.joined + separator + piece.text;
  }

  /** The file position of an index of the joined text. */
  positionAt(index: number): Position {
    let p = this.placed[0]!;
    for (const q of this.placed) {
      if (q.start <= index) p = q;
      else break;
    }
    const delta = Math.max(0, index - p.start);
    return { file: this.file, line: p.line, col: p.column + delta, offset: index };
  }

  /** The joined text as one logical line whose words point into the file. */
  logicalLine(): LogicalLine | null {
    const lines = splitLogicalLines(this.joined, this.file);
    const line = lines[0];
    if (!line) return null;
    const remap = (at: Position): Position => this.positionAt(at.col - 1);
    const remapEnd = (end: Position): Position => {
      const last = this.positionAt(end.col - 2);
      return { ...last, col: last.col + 1 };
    };
    const words: Word[] = line.words.map((w) => ({ ...w, at: remap(w.at), end: remapEnd(w.end) }));
    const out: LogicalLine = { words, text: line.text, at: remap(line.at), lastLine: this.placed[this.placed.length - 1]!.line };
    if (line.error) out.error = { message: line.error.message, at: remap(line.error.at) };
    return out;
  }
}
