/**
 * Diagnostics are data: a stable code, a severity, the text to print and where it points.
 * The grammar, the model and verify return them; only front ends print them.
 */
export type Severity = 'error' | 'warning' | 'info';

/** A physical position in an input file; line and column are 1-based, offset 0-based. */
export interface Position {
  file: string;
  line: number;
  col: number;
  offset: number;
}

export interface Diagnostic {
  /** `TCRM` + 4 digits (1xxx parse, 2xxx reference, 3xxx schema/RA, 4xxx commit, 5xxx transport),
   *  or `CRM` for a line that reproduces crmsh's own text verbatim. */
  code: string;
  severity: Severity;
  /** The text after the level word, exactly as crmsh prints it where crmsh has the message. */
  message: string;
  at?: Position;
  /** Extra explanation printed under the message (did-you-mean, expected tokens, …). */
  hint?: string;
}

export function diag(
  code: string,
  severity: Severity,
  message: string,
  at?: Position,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (at) d.at = at;
  if (hint) d.hint = hint;
  return d;
}

export const isError = (d: Diagnostic): boolean => d.severity === 'error';
