/**
 * Splits the text before the cursor into shell-style words with their offsets in the line, the
 * way readline hands crmsh the line on Tab: quotes group, backslash escapes, a `\` + newline
 * continuation joins. The last word is the one being completed ('' after a space).
 */

export interface LineWord {
  /** After quote removal. */
  text: string;
  /** Offsets in the line: [from, to). */
  from: number;
  to: number;
  quoted: boolean;
}

export interface SplitBeforeCursor {
  /** Complete words before the one being completed. */
  words: LineWord[];
  /** The word under the cursor (possibly empty, from === to === cursor). */
  current: LineWord;
  /** An unterminated quote is open at the cursor. */
  inQuote: boolean;
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

export function splitBeforeCursor(line: string, cursor: number): SplitBeforeCursor {
  const end = Math.max(0, Math.min(cursor, line.length));
  const words: LineWord[] = [];
  let cur: LineWord | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < end; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < end && (line[i + 1] === '"' || line[i + 1] === '\\')) cur!.text += line[++i];
      else cur!.text += ch;
      cur!.to = i + 1;
      continue;
    }
    if (ch === '\\' && i + 1 < end && line[i + 1] === '\n') {
      i++; // a continuation: nothing between the two physical lines
      continue;
    }
    if (isSpace(ch)) {
      if (cur) words.push(cur);
      cur = null;
      continue;
    }
    cur ??= { text: '', from: i, to: i, quoted: false };
    if (ch === '"' || ch === "'") {
      quote = ch;
      cur.quoted = true;
    } else if (ch === '\\' && i + 1 < end) {
      cur.text += line[++i];
      cur.quoted = true;
    } else cur.text += ch;
    cur.to = i + 1;
  }
  const current = cur ?? { text: '', from: end, to: end, quoted: false };
  current.to = end;
  return { words, current, inQuote: quote !== null };
}
