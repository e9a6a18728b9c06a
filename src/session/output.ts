/**
 * How a session's results reach the user: plain text and diagnostics. crmsh's convention is kept:
 * `ERROR:` lines go to stderr, `WARNING:`/`INFO:` lines and command output to stdout. tcrm's
 * position and hint follow an error or a warning on lines indented by two spaces (crmsh never
 * prints such a line right after a message, so readers of crm's output can tell them apart).
 */
import type { Diagnostic } from '../diagnostic.js';

export interface Output {
  /** Command output (show, lists …): printed as is, a newline added. */
  print(text: string): void;
  report(d: Diagnostic): void;
  /** A one-line notice for the user that is not command output (stderr). */
  notice(text: string): void;
}

export interface Styler {
  label(level: 'ERROR' | 'WARNING' | 'INFO'): string;
}

export const plainStyler: Styler = { label: (l) => l };

const LABEL = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

/** The lines of a diagnostic as printed: the crm line, then `  at FILE:LINE:COL: hint`. */
export function formatDiagnostic(d: Diagnostic, styler: Styler = plainStyler): string[] {
  const lines = [`${styler.label(LABEL[d.severity])}: ${d.message}`];
  if (d.severity === 'info') return lines;
  if (d.at) {
    const where = `${d.at.file}:${d.at.line}:${d.at.col}`;
    lines.push(`  at ${where}` + (d.hint ? `: ${d.hint}` : ''));
  } else if (d.hint) {
    lines.push(`  ${d.hint}`);
  }
  return lines;
}

export function streamOutput(
  stdout: (text: string) => void,
  stderr: (text: string) => void,
  styler: Styler = plainStyler,
): Output {
  return {
    print: (text) => stdout(text + '\n'),
    notice: (text) => stderr(text + '\n'),
    report: (d) => {
      const text = formatDiagnostic(d, styler).join('\n') + '\n';
      if (d.severity === 'error') stderr(text);
      else stdout(text);
    },
  };
}
