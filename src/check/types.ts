/** The shapes `tcrm check` passes between its steps: findings with file positions, modes. */
import type { Severity } from '../diagnostic.js';

export type InputMode = 'script' | 'configure' | 'transcript';

/** One finding as the user sees it; line and column 1-based, endColumn just after the token. */
export interface CheckFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  suggestion: string | null;
  /** Extra explanation (cause and effect), printed as a note under the source line. */
  note?: string;
}

/** The result of checking one file. */
export interface FileReport {
  file: string;
  mode: InputMode | null;
  findings: CheckFinding[];
  /** The file's physical lines, to print the source line under a finding. */
  lines: string[];
}
