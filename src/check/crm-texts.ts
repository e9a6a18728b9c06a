/**
 * crmsh's own lines in French, for `tcrm check --lang fr` only (DECISIONS.md: the
 * crmsh-compatible lines translate only with an explicit `--lang fr`): the lines a student
 * meets most — "No such command", syntax errors and their hints, an invalid id, a monitor
 * without interval. A line not in the table stays as crmsh prints it.
 */
import { message, type Lang, type MessageCode } from '../messages/catalog.js';
import type { CheckFinding } from './types.js';

const HINTS: readonly MessageCode[] = ['TCRM2080', 'TCRM2081', 'TCRM2082', 'TCRM2083', 'TCRM2084', 'TCRM2085', 'TCRM2086', 'TCRM2087'];
const DETAILS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Unknown arguments: (.*)$/, (m) => message('TCRM2076', { args: m[1]! }, 'fr')],
  [/^expected <score>: <node> or <rule> \[<rule> \.\.\.\]$/, () => message('TCRM2078', {}, 'fr')],
  [/^Expected <score>:$/, () => message('TCRM2079', {}, 'fr')],
  [/^No closing quotation$/, () => message('TCRM2075', {}, 'fr')],
];

function frenchDetail(detail: string): string {
  for (const [re, tr] of DETAILS) {
    const m = re.exec(detail);
    if (m) return tr(m);
  }
  return detail;
}

/** One of crmsh's lines in French, or the line unchanged. */
export function frenchCrmLine(text: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^([\w.-]+): No such command$/.exec(text))) return message('TCRM2070', { context: m[1]! }, 'fr');
  if ((m = /^(\S+): invalid object id$/.exec(text))) return message('TCRM2071', { id: m[1]! }, 'fr');
  if ((m = /^(\S+): interval in (\S+) should be larger than 0, advised is (\S+)$/.exec(text))) return message('TCRM2077', { id: m[1]!, op: m[2]!, advised: m[3]! }, 'fr');
  if ((m = /^syntax in (\S+): (.*?)(?: near <(.*)>)? parsing '(.*)'$/s.exec(text))) {
    const parts = [message('TCRM2072', { context: m[1]!, detail: frenchDetail(m[2]!) }, 'fr')];
    if (m[3] !== undefined) parts.push(message('TCRM2073', { word: m[3] }, 'fr'));
    parts.push(message('TCRM2074', { text: m[4]! }, 'fr'));
    return parts.join(' ');
  }
  return frenchDetail(text);
}

/** The grammar's English hint in French (the same sentence in the catalogue), or unchanged. */
function frenchHint(note: string): string {
  const code = HINTS.find((c) => message(c, {}, 'en') === note);
  return code ? message(code, {}, 'fr') : note;
}

/** The findings with crmsh's lines and the grammar's hints in the user's language. */
export function localizeCrmLines(findings: CheckFinding[], lang: Lang): CheckFinding[] {
  if (lang !== 'fr') return findings;
  return findings.map((f) => {
    const out = { ...f, message: frenchCrmLine(f.message) };
    if (f.note) out.note = frenchCrmLine(frenchHint(f.note));
    return out;
  });
}
