/**
 * Characters a word processor puts in place of the ASCII ones (the handout is a .docx/PDF):
 * curly quotes “ ” ‘ ’ „ « », dashes – —, non-breaking spaces. crm takes them literally
 * (`interval=”60s”` is not a duration, `params ip=…` glued by a non-breaking space is one
 * word), which ends in schema errors far from the cause. tcrm reports each such character in a
 * command at its place, and reads the text with the ASCII character instead (same column), so
 * the rest of the answer is checked as the student meant it.
 */
import { message, type Lang } from '../messages/catalog.js';
import type { InputCommand } from './commands.js';
import type { CheckFinding } from './types.js';
import { endsInsideQuotes } from './tokens.js';

const REPLACEMENTS: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'",
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2007': ' ', '\u2009': ' ',
};
const TYPOGRAPHIC = new RegExp(`[${Object.keys(REPLACEMENTS).join('')}]`, 'g');

/** The text with each typographic character outside straight quotes replaced by its ASCII one
 *  (columns unchanged; quotes are followed line by line, as a description is quoted on one). */
export function plainText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(TYPOGRAPHIC, (c, index: number) => (endsInsideQuotes(line, index) ? c : REPLACEMENTS[c]!)))
    .join('\n');
}

export const hasTypography = (text: string): boolean => new RegExp(TYPOGRAPHIC.source).test(text);

/**
 * One finding per word holding typographic characters, inside a command's words (comments and transcript
 * output are not commands, so `l’adresse` in a comment says nothing). `original`: the file's
 * physical lines as written; the commands were read from the plain text.
 */
export function typographyFindings(commands: readonly InputCommand[], original: readonly string[], lang: Lang): CheckFinding[] {
  const out: CheckFinding[] = [];
  const seen = new Set<string>();
  for (const cmd of commands) {
    const words = cmd.line.words;
    // a non-breaking space sits between two words: look from each word's start to the next one's
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const next = words[i + 1];
      const line = original[w.at.line - 1] ?? '';
      const endCol = next && next.at.line === w.at.line ? next.at.col : w.end.line === w.at.line ? w.end.col : line.length + 1;
      const piece = line.slice(w.at.col - 1, endCol - 1);
      // one finding per word, at its first such character outside straight quotes (a dash or
      // an apostrophe in `description="… — …"` is text): the suggestion fixes them all
      for (const m of [...piece.matchAll(TYPOGRAPHIC)].filter((x) => !endsInsideQuotes(piece, x.index!)).slice(0, 1)) {
        const col = w.at.col + m.index!;
        const key = `${w.at.line}:${col}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const c = m[0];
        const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        const space = REPLACEMENTS[c] === ' ';
        const text = space ? message('TCRM2056', { code }, lang) : message('TCRM2055', { char: c, code, ascii: REPLACEMENTS[c]! }, lang);
        const fixed = plainText(line.slice(w.at.col - 1, w.end.line === w.at.line ? w.end.col - 1 : line.length)).trim();
        out.push({
          line: w.at.line, column: col, endLine: w.at.line, endColumn: col + 1, severity: 'error', code: space ? 'TCRM2056' : 'TCRM2055',
          message: text, suggestion: space || !fixed ? null : fixed,
        });
      }
    }
  }
  return out;
}

