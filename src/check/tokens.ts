/**
 * Finding the token a finding is about, in the statements that defined an object: `cidr` in
 * `params … cidr netmask=16`, `timeout="40s"` after `op stop`, `failover_ip` in a location.
 */
import type { Position } from '../diagnostic.js';
import type { LogicalLine, Word } from '../grammar/words.js';

export interface Span {
  at: Position;
  end: Position;
}

export const spanOf = (w: Word): Span => ({ at: w.at, end: w.end });

/** The span of a whole statement's first word (the fallback when nothing better is known). */
export function statementSpan(line: LogicalLine, index = 0): Span {
  const w = line.words[Math.min(index, line.words.length - 1)];
  return w ? spanOf(w) : { at: line.at, end: { ...line.at, col: line.at.col + 1 } };
}

const nameOf = (text: string): string => {
  const eq = text.indexOf('=');
  return eq > 0 ? text.slice(0, eq) : text;
};
const valueOf = (text: string): string | undefined => {
  const eq = text.indexOf('=');
  return eq > 0 ? text.slice(eq + 1) : undefined;
};

/**
 * The word naming `candidate` in the statements (latest first): the word itself, a
 * `candidate=value` word, or failing that a `name=candidate` word; exact case first.
 * `from`: skip the statement's first words (the command word and the id).
 */
export function findToken(lines: readonly LogicalLine[], candidate: string, from = 1): Span | null {
  const tries: Array<(w: Word) => boolean> = [
    (w) => w.text === candidate || nameOf(w.text) === candidate,
    (w) => valueOf(w.text) === candidate,
    (w) => w.text.toLowerCase() === candidate.toLowerCase() || nameOf(w.text).toLowerCase() === candidate.toLowerCase(),
  ];
  for (const test of tries) {
    for (let k = lines.length - 1; k >= 0; k--) {
      const words = lines[k]!.words;
      for (let i = from; i < words.length; i++) if (test(words[i]!)) return spanOf(words[i]!);
    }
  }
  return null;
}

/** In `op NAME attr=value …`, the word for `attr` (or the op's name word when the attribute is absent). */
export function findOpToken(lines: readonly LogicalLine[], op: string, attr?: string): Span | null {
  for (let k = lines.length - 1; k >= 0; k--) {
    const words = lines[k]!.words;
    for (let i = 0; i + 1 < words.length; i++) {
      if (words[i]!.text !== 'op' || words[i + 1]!.text !== op) continue;
      if (attr) {
        for (let j = i + 2; j < words.length && words[j]!.text !== 'op'; j++) {
          if (nameOf(words[j]!.text) === attr) return spanOf(words[j]!);
        }
      }
      return spanOf(words[i + 1]!);
    }
  }
  return null;
}

/** Whether `text` (up to `end`) stops inside a quoted word: an unclosed, unescaped ' or ". */
export function endsInsideQuotes(text: string, end = text.length): boolean {
  let quote: string | null = null;
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
  }
  return quote !== null;
}
