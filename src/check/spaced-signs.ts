/**
 * `property stonith-enabled = false`, `params ip = 172.31.0.100`, `location … 100 : Lubuntu`:
 * spaces around `=` or before a score's `:` make separate words, and crm answers with a syntax
 * error about "Unknown arguments" or a missing score. tcrm names the spaces, and checks the
 * statement with the words joined, as the student meant it.
 */
import type { LogicalLine, Word } from '../grammar/words.js';
import { message, type Lang } from '../messages/catalog.js';
import { findingAt } from './to-finding.js';
import { spanOf } from './tokens.js';
import type { CheckFinding } from './types.js';

/** Words a `:` makes a score (or an order kind) of. */
const SCORE = /^([-+]?(\d+|inf|infinity)|mandatory|optional|serialize)$/i;
const NAME = /^[A-Za-z_#$][\w.#$-]*$/;

const glue = (ws: Word[]): Word => ({ text: ws.map((w) => w.text).join(''), quoted: ws.some((w) => w.quoted), at: ws[0]!.at, end: ws[ws.length - 1]!.end });

export function joinSpacedSigns(line: LogicalLine, lang: Lang): { line: LogicalLine; findings: CheckFinding[] } {
  const findings: CheckFinding[] = [];
  const out: Word[] = [];
  const words = line.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = out[out.length - 1];
    const next = words[i + 1];
    const report = (sign: string, parts: Word[], at: Word): void => {
      const joined = parts.map((p) => p.text).join('');
      findings.push(findingAt(spanOf(at), 'error', 'TCRM2057', message('TCRM2057', { sign, words: parts.map((p) => p.text).join(' ') }, lang), joined));
    };
    // `name = value` and `name =value`
    if (!w.quoted && prev && !prev.quoted && NAME.test(prev.text) && out.length > 1) {
      if (w.text === '=' && next) {
        report('=', [prev, w, next], w);
        out[out.length - 1] = glue([prev, w, next]);
        i++;
        continue;
      }
      if (w.text.startsWith('=') && w.text.length > 1) {
        report('=', [prev, w], w);
        out[out.length - 1] = glue([prev, w]);
        continue;
      }
    }
    // `100 : Lubuntu`
    if (!w.quoted && w.text === ':' && prev && !prev.quoted && SCORE.test(prev.text)) {
      report(':', [prev, w], w);
      out[out.length - 1] = glue([prev, w]);
      continue;
    }
    out.push(w);
  }
  if (findings.length === 0) return { line, findings };
  return { line: { ...line, words: out, text: out.map((w) => w.text).join(' ') }, findings };
}
