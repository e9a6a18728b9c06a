import type { Position } from '../diagnostic.js';

/** One shell-style word of a logical line, with where it starts in the file. */
export interface Word {
  /** The word after quote removal and escape processing. */
  text: string;
  /** True when any part of the word was quoted or escaped (so `"params"` is not a keyword). */
  quoted: boolean;
  at: Position;
  /** Position just after the word's last character (same file). */
  end: Position;
}

/** A logical line: physical lines joined by trailing backslashes, split into words. */
export interface LogicalLine {
  words: Word[];
  /** The joined text (continuations glued with nothing in between), as crmsh sees it. */
  text: string;
  /** Where the logical line starts. */
  at: Position;
  /** Physical line numbers this logical line covers (first..last). */
  lastLine: number;
  /** Set when the word splitter found an unterminated quote. */
  error?: { message: string; at: Position };
}
