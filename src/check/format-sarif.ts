/** `--format sarif`: SARIF 2.1.0, one run, one result per finding (columns 1-based, end exclusive). */
import type { FileReport } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(reports: readonly FileReport[], version: string): string {
  const rules = new Map<string, { id: string }>();
  const results = reports.flatMap((r) =>
    r.findings.map((f) => {
      rules.set(f.code, { id: f.code });
      const result: Record<string, unknown> = {
        ruleId: f.code,
        level: LEVEL[f.severity],
        message: { text: (f.suggestion ? `${f.message} (did you mean "${f.suggestion}"?)` : f.message) + (f.note ? `\n${f.note}` : '') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.file },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
      };
      const properties = { ...(f.suggestion ? { suggestion: f.suggestion } : {}), ...(f.note ? { note: f.note } : {}) };
      if (Object.keys(properties).length > 0) result.properties = properties;
      return result;
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tcrm check', version, rules: [...rules.values()] } },
        artifacts: reports.map((r) => ({ location: { uri: r.file } })),
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
