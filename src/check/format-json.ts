/** `--format json` (issue 4): `{"files":[{"file", "diagnostics":[…]}]}`, 1-based positions. */
import type { Grade } from './grade.js';
import type { FileReport } from './types.js';

export function toJson(reports: readonly FileReport[], grades?: ReadonlyMap<string, Grade>): string {
  const files = reports.map((r) => {
    const entry: Record<string, unknown> = {
      file: r.file,
      diagnostics: r.findings.map((f) => ({
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        severity: f.severity,
        code: f.code,
        message: f.message,
        suggestion: f.suggestion,
        note: f.note,
      })),
    };
    const g = grades?.get(r.file);
    if (g) entry.grade = g;
    return entry;
  });
  return JSON.stringify({ files }, null, 2) + '\n';
}
