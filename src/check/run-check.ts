/**
 * `tcrm check FILE…` as a function of its arguments and injected IO: check each file, grade
 * it against a solution when asked, print text, JSON or SARIF; exit 0 clean, 1 warnings with
 * `--strict`, 2 errors.
 */
import { bundledCatalog, chooseCatalog } from '../agents/choose-catalog.js';
import type { AgentCatalog } from '../agents/types.js';
import type { Exec } from '../agents/command-catalog.js';
import { languageFrom, message, type Lang } from '../messages/catalog.js';
import { checkText, type CheckedFile } from './check-file.js';
import { toJson } from './format-json.js';
import { toSarif } from './format-sarif.js';
import { countOf, formatFinding, formatSummary, formatTable, plainStyle, type TextStyle } from './format-text.js';
import { grade, type Grade } from './grade.js';
import { parseCheckArgs } from './options.js';
import type { CheckFinding } from './types.js';
import { serializeDocument } from '../shadow-cib/xml.js';

export interface CheckIO {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file's bytes; throws an errno error when it cannot. */
  readFile: (path: string) => Promise<Uint8Array>;
  /** Local Pacemaker tools for `--live` (absent: bundled data only). */
  exec?: Exec;
  /** Runs a local tool with data on its stdin (`--live`: crm_verify on the CIB an answer leaves). */
  execWithInput?: (argv: string[], stdin: string) => Promise<{ code: number; stdout: string; stderr: string }>;
  style?: TextStyle;
  version: string;
}

const LAB_STATE = new Set(['TCRM2040', 'TCRM2041', 'TCRM2042', 'TCRM2043', 'TCRM2044']);

export async function runCheckCommand(argv: readonly string[], io: CheckIO, defaultLang: Lang): Promise<number> {
  const args = parseCheckArgs(argv);
  const lang = args.lang ? languageFrom(io.env, args.lang) : defaultLang;
  if (args.help) {
    io.stdout(message('TCRM2007', {}, lang) + '\n');
    return 0;
  }
  if (args.problems.length > 0) {
    for (const p of args.problems) io.stderr(`ERROR: ${message('TCRM2006', { problem: p }, lang)}\n`);
    io.stderr(message('TCRM2007', {}, lang) + '\n');
    return 2;
  }
  let catalog: AgentCatalog = bundledCatalog();
  if (args.live && io.exec) catalog = (await chooseCatalog({ exec: io.exec, env: io.env })).catalog;
  const opts = { mode: args.mode, nodes: args.nodes, catalog, lang };

  const load = async (file: string): Promise<CheckedFile> => {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? String(e);
      const text = message('TCRM2004', { file, reason }, lang);
      return { file, mode: null, lines: [], live: null, findings: [{ line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'TCRM2004', message: text, suggestion: null }] };
    }
    return checkText(bytes, file, opts);
  };

  let solution: CheckedFile | null = null;
  if (args.expect) {
    solution = await load(args.expect);
    if (!solution.live || countOf(solution, 'error') > 0) {
      for (const f of solution.findings.filter((x) => x.severity === 'error')) io.stderr(formatFinding(solution.file, f, solution.lines, lang) + '\n');
      if (!solution.live) return 2;
    }
  }

  const reports: CheckedFile[] = [];
  for (const file of args.files) reports.push(await load(file));
  if (args.live && io.execWithInput) {
    for (const r of reports) {
      if (!r.live) continue;
      r.findings.push(...(await crmVerifyFindings(r, io.execWithInput, lang)));
      r.findings.sort((a, b) => a.line - b.line || a.column - b.column);
    }
  }
  const grades = new Map<string, Grade>();
  if (solution?.live) {
    for (const r of reports) {
      if (!r.live) continue;
      const g = grade(solution.live, r.live, { ignoreIds: args.ignoreIds });
      const labState = r.findings.filter((f) => LAB_STATE.has(f.code)).map((f) => ({ code: f.code, line: f.line, message: f.message }));
      grades.set(r.file, { ...g, labState });
    }
  }

  if (args.format === 'json') io.stdout(toJson(reports, grades));
  else if (args.format === 'sarif') io.stdout(toSarif(reports, io.version));
  else io.stdout(textReport(reports, grades, lang, io.style ?? plainStyle));

  const errors = reports.some((r) => countOf(r, 'error') > 0);
  const warnings = reports.some((r) => countOf(r, 'warning') > 0);
  return errors ? 2 : args.strict && warnings ? 1 : 0;
}

/**
 * `--live`: the local crm_verify's own opinion of the CIB the answer leaves, each line once with
 * its real level, on the first line of the file that names an id the line mentions.
 */
async function crmVerifyFindings(
  r: CheckedFile,
  exec: NonNullable<CheckIO['execWithInput']>,
  lang: Lang,
): Promise<CheckFinding[]> {
  let result;
  try {
    result = await exec(['crm_verify', '-V', '--xml-pipe'], serializeDocument(r.live!));
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: CheckFinding[] = [];
  for (const raw of `${result.stdout}\n${result.stderr}`.split('\n')) {
    const m = /\b(error|warning):\s*(.*)$/.exec(raw);
    if (!m || seen.has(m[2]!)) continue;
    seen.add(m[2]!);
    const ids = (m[2]!.match(/[\w.-]{3,}/g) ?? []).filter((w) => !/^(error|warning|resource|Resource|the|and|with)$/.test(w));
    let line = 1;
    let column = 1;
    let width = 1;
    search: for (let i = 0; i < r.lines.length; i++) {
      for (const id of ids) {
        const at = new RegExp(`(^|[\\s:=])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s=,])`).exec(r.lines[i]!);
        if (at) {
          line = i + 1;
          column = at.index + at[1]!.length + 1;
          width = id.length;
          break search;
        }
      }
    }
    const severity = m[1] === 'error' ? 'error' : 'warning';
    out.push({ line, column, endLine: line, endColumn: column + width, severity, code: 'TCRM2035', message: message('TCRM2035', { detail: m[2]! }, lang), suggestion: null });
  }
  return out;
}

function textReport(reports: readonly CheckedFile[], grades: ReadonlyMap<string, Grade>, lang: Lang, style: TextStyle): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) out.push(formatFinding(r.file, f, r.lines, lang, style));
    const g = grades.get(r.file);
    if (g) {
      for (const item of g.items) {
        const params = { kind: item.kind, id: item.answerId ? `${item.id}/${item.answerId}` : item.id };
        if (item.status === 'missing') out.push(`${r.file}: ${message('TCRM2050', params, lang)} [TCRM2050]`);
        else if (item.status === 'extra') out.push(`${r.file}: ${message('TCRM2051', params, lang)} [TCRM2051]`);
        else if (item.status === 'different') out.push(`${r.file}: ${message('TCRM2052', { ...params, detail: (item.differences ?? []).join('; ') }, lang)} [TCRM2052]`);
      }
      out.push(`${r.file}: ${message('TCRM2053', { score: g.score, same: g.same, expected: g.expected, different: g.different, missing: g.missing, extra: g.extra }, lang)}`);
    }
    out.push(formatSummary(r, lang));
    out.push('');
  }
  if (reports.length > 1) {
    const scores = grades.size > 0 ? new Map([...grades].map(([f, g]) => [f, g.score])) : undefined;
    out.push(formatTable(reports, lang, scores));
    out.push('');
  }
  return out.join('\n');
}
