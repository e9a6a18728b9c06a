/**
 * Compiler-style text: `file:line:col: severity: message — did you mean "x"? [CODE]`, the
 * source line, a caret under the token's first character and `~` under the rest; a summary
 * per file, and a table when several files were checked.
 */
import { message, type Lang } from '../messages/catalog.js';
import type { CheckFinding, FileReport } from './types.js';

export interface TextStyle {
  error: (s: string) => string;
  warning: (s: string) => string;
  info: (s: string) => string;
  bold: (s: string) => string;
}

export const plainStyle: TextStyle = { error: (s) => s, warning: (s) => s, info: (s) => s, bold: (s) => s };

const SEVERITY_WORD: Record<Lang, Record<CheckFinding['severity'], string>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  fr: { error: 'erreur', warning: 'avertissement', info: 'info' },
};

export function formatFinding(file: string, f: CheckFinding, lines: readonly string[], lang: Lang, style: TextStyle = plainStyle): string {
  const sev = style[f.severity](SEVERITY_WORD[lang][f.severity]);
  const meant = f.suggestion ? ` — ${message('TCRM2060', { name: f.suggestion }, lang)}` : '';
  const out = [`${style.bold(`${file}:${f.line}:${f.column}:`)} ${sev}: ${f.message}${meant} [${f.code}]`];
  const src = window(lines[f.line - 1], f.column);
  if (src !== undefined) {
    const gutter = String(f.line).padStart(4);
    out.push(`${gutter} | ${src.text}`);
    // keep the line's tabs so the caret lines up under a tab-indented token
    const column = f.column - src.skipped;
    const lead = [...src.text.slice(0, Math.max(0, column - 1))].map((c) => (c === '\t' ? '\t' : ' ')).join('');
    const width = Math.min(Math.max(1, src.text.length - column + 1), f.endLine === f.line ? Math.max(1, f.endColumn - f.column) : Math.max(1, src.text.length - column + 1));
    out.push(`${' '.repeat(gutter.length)} | ${lead}${style[f.severity]('^' + '~'.repeat(width - 1))}`);
  }
  if (f.note) out.push(`${' '.repeat(4)} = ${message('TCRM2066', {}, lang)}: ${f.note}`);
  return out.join('\n');
}

/** Source lines longer than this are shown as a window around the column. */
const MAX_SHOWN = 160;

function window(line: string | undefined, column: number): { text: string; skipped: number } | undefined {
  if (line === undefined) return undefined;
  if (line.length <= MAX_SHOWN) return { text: line, skipped: 0 };
  const skipped = Math.max(0, Math.min(column - 1 - 40, line.length - MAX_SHOWN));
  return { text: line.slice(skipped, skipped + MAX_SHOWN), skipped };
}

export const countOf = (r: FileReport, severity: CheckFinding['severity']): number => r.findings.filter((f) => f.severity === severity).length;

export function formatSummary(r: FileReport, lang: Lang): string {
  return message('TCRM2061', { file: r.file, errors: countOf(r, 'error'), warnings: countOf(r, 'warning') }, lang);
}

/** The several-files table: file, errors, warnings (and the score when grading). */
export function formatTable(reports: readonly FileReport[], lang: Lang, scores?: ReadonlyMap<string, number>): string {
  const head = [message('TCRM2062', {}, lang), message('TCRM2063', {}, lang), message('TCRM2064', {}, lang)];
  if (scores) head.push(message('TCRM2065', {}, lang));
  const rows = reports.map((r) => {
    const row = [r.file, String(countOf(r, 'error')), String(countOf(r, 'warning'))];
    if (scores) row.push(scores.has(r.file) ? String(scores.get(r.file)) : '-');
    return row;
  });
  const total = [message('TCRM2067', {}, lang), String(rows.reduce((n, r) => n + Number(r[1]), 0)), String(rows.reduce((n, r) => n + Number(r[2]), 0))];
  if (scores) total.push('');
  const all = [head, ...rows, total];
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(head), rule, ...rows.map(fmt), rule, fmt(total)].join('\n');
}
