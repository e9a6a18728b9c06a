/**
 * Real crm_verify output (a live node's, or this machine's with `--live`) read back into lines
 * with their own level, and merged with what tcrm already shows from its emulation of crm_verify
 * (src/commit/cluster-checks.ts): a line the emulation printed is not shown twice; a line only the
 * real crm_verify printed is shown with the level crm_verify gave it (`error:`/`warning:`), not
 * relabelled. Pure: the caller runs crm_verify.
 */
import { diag, type Diagnostic, type Severity } from '../diagnostic.js';

export interface CrmVerifyLine {
  text: string;
  level: Severity;
}

const PCMK = /^\(([^)]*)\)\s+(error|warning|notice|info):\s?(.*)$/;
/** crmsh's VALIDATE_RE (cibverify.py), whose `(\d)+` keeps the line number's last digit. */
const RELAXNG = /^Entity: line (\d)+: element (\w+): Relax-NG validity error : (.+)$/;
/** A schema line as crmsh (or tcrm's emulation) prints it: `element (line or id): text`. */
const PRETTY = /^(\w+) \([^)]*\): (.+)$/;

/** crmsh's _prettify: a libxml2 Relax-NG line as `element (line): text`. */
export function prettifySchemaLine(line: string): string {
  const m = RELAXNG.exec(line);
  return m ? `${m[2]} (${m[1]}): ${m[3]}` : line;
}

/** crm_verify's stderr as lines with levels; notices, info and the `-V may provide…` hint are dropped. */
export function parseCrmVerifyOutput(output: string): CrmVerifyLine[] {
  const lines: CrmVerifyLine[] = [];
  for (const raw of output.split('\n')) {
    const text = raw.replace(/\s+$/, '');
    if (text.trim() === '' || text.startsWith('-V may provide')) continue;
    const m = PCMK.exec(text);
    if (m) {
      if (m[2] === 'error' || m[2] === 'warning') lines.push({ text, level: m[2] });
      continue;
    }
    if (text.startsWith('crm_verify: Warnings found')) lines.push({ text, level: 'warning' });
    // crm_verify's closing error line, libxml2's Relax-NG lines and anything else it says on error
    else lines.push({ text, level: 'error' });
  }
  return lines;
}

/** What a line says, without where it was said: `(fn) \tlevel: text` → `text`; others trimmed. */
export function findingKey(text: string): string {
  const t = prettifySchemaLine(text.trim());
  const m = PCMK.exec(t);
  // schema lines: the element and the text (the emulation names an id where crmsh has a line)
  const s = PRETTY.exec(t);
  return (m ? m[3]! : s ? `${s[1]}: ${s[2]}` : t).replace(/\s+/g, ' ').trim();
}

/**
 * The real lines not already among `shown` (tcrm's diagnostics, e.g. the crmsh-labelled emulated
 * crm_verify lines), each once, with crm_verify's own level. Code 'CRM': crm_verify's own text.
 */
export function mergeCrmVerifyLines(real: CrmVerifyLine[], shown: Array<Pick<Diagnostic, 'message'>>): Diagnostic[] {
  const seen = new Set(shown.map((d) => findingKey(d.message)));
  const out: Diagnostic[] = [];
  for (const line of real) {
    const key = findingKey(line.text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diag('CRM', line.level, prettifySchemaLine(line.text.trim())));
  }
  return out;
}
