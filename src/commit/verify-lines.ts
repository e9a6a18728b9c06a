/**
 * The lines `crm_verify` prints, as data, and how crmsh relabels them when it relays them.
 * tcrm emulates crm_verify offline; the emulation produces these lines, and only
 * `crmshLabelled` decides which level word each one gets in crm-compatible output.
 */
import { diag, type Diagnostic, type Severity } from '../diagnostic.js';

export interface VerifyLine {
  /** The text crm_verify prints, e.g. `(unpack_config) \twarning: Blind faith: not fencing unseen nodes`,
   *  or for a schema error the form crmsh rewrites it to: `op (d-monitor-10s): Expecting …`. */
  text: string;
  /** The line's own level (a Pacemaker `error:`/`warning:` or libxml2's error). */
  level: Severity;
  /** Pacemaker counts this line as a configuration error or warning: either makes crm_verify
   *  exit 78, which crmsh treats as a failed check. */
  config?: 'error' | 'warning';
  /** A Relax-NG line that crmsh prettifies (and indents when it is not the first line). */
  schemaElement?: boolean;
  /** tcrm's own explanation, where crm_verify says too little. */
  hint?: string;
}

export const SCHEMA_FAILED = '(main) \terror: CIB did not pass schema validation';
export const ERRORS_FOUND = 'crm_verify: Errors found during check: config not valid';
export const WARNINGS_FOUND = 'crm_verify: Warnings found during check: config may not be valid';

/** A Pacemaker log line as crm_verify prints it: `(function) <TAB>level: text`. */
export function pcmkLine(fn: string, level: 'error' | 'warning', text: string, config?: 'error' | 'warning'): VerifyLine {
  const line: VerifyLine = { text: `(${fn}) \t${level}: ${text}`, level };
  if (config) line.config = config;
  return line;
}

/** crm_verify's closing line and exit code for a set of lines. */
export function summarise(lines: VerifyLine[]): { lines: VerifyLine[]; rc: 0 | 78 } {
  if (lines.some((l) => l.config === 'error')) {
    return { lines: [...lines, { text: ERRORS_FOUND, level: 'error' }], rc: 78 };
  }
  if (lines.some((l) => l.config === 'warning')) {
    return { lines: [...lines, { text: WARNINGS_FOUND, level: 'warning' }], rc: 78 };
  }
  return { lines, rc: 0 };
}

/**
 * crmsh's rendering: the first line is a WARNING if it contains `warning:`, else an ERROR; every
 * later line is an ERROR, and later prettified schema lines are indented by 7 spaces.
 */
export function crmshLabelled(lines: VerifyLine[]): Diagnostic[] {
  return lines.map((line, i) => {
    const severity: Severity = i === 0 && line.text.includes('warning:') ? 'warning' : 'error';
    const text = i > 0 && line.schemaElement ? ' '.repeat(7) + line.text : line.text;
    return diag('CRM', severity, text, undefined, line.hint);
  });
}

/** The lines as plain diagnostics, each with its own level (no crmsh relabelling). */
export function asDiagnostics(lines: VerifyLine[]): Diagnostic[] {
  return lines.map((l) => diag('CRM', l.level, l.text, undefined, l.hint));
}
