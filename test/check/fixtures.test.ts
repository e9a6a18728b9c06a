/**
 * The answer fixtures (fixtures/answers/NAME.crm + NAME.expected.json): each checked in-process
 * with the bundled agent data, its findings compared with the expected ones exactly (line,
 * column, code, severity, suggestion) — nothing missing, nothing extra.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';
import type { InputMode } from '../../src/check/types.js';

const DIR = join(import.meta.dirname, '../../fixtures/answers');

interface Expected {
  nodes: string[];
  mode: InputMode | null;
  diagnostics: Array<{ line: number; column: number; code: string; severity: string; suggestion?: string }>;
}

const names = readdirSync(DIR).filter((f) => f.endsWith('.crm')).sort();

describe('answer fixtures', () => {
  it('has at least 25 answers, each with its expected findings', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
    for (const n of names) expect(() => readFileSync(join(DIR, n.replace(/\.crm$/, '.expected.json')))).not.toThrow();
  });

  it.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.crm$/, '.expected.json')), 'utf8')) as Expected;
    const r = checkText(readFileSync(join(DIR, name)), name, { nodes: expected.nodes, catalog: bundledCatalog(), lang: 'en' });
    expect(r.mode).toBe(expected.mode);
    const got = r.findings.map((f) => ({ line: f.line, column: f.column, code: f.code, severity: f.severity, ...(f.suggestion ? { suggestion: f.suggestion } : {}) }));
    expect(got).toEqual(expected.diagnostics);
  });

  it('clean answers (also without "params") give no error', () => {
    for (const name of ['clean-configure.crm', 'clean-no-params.crm', 'clean-script.crm', 'solution.crm', 'handout-spec.crm']) {
      const r = checkText(readFileSync(join(DIR, name)), name, { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' });
      expect(r.findings.filter((f) => f.severity === 'error'), name).toEqual([]);
    }
  });

  it('covers the lab mistakes the issue lists', () => {
    const all = names.flatMap((n) => (JSON.parse(readFileSync(join(DIR, n.replace(/\.crm$/, '.expected.json')), 'utf8')) as Expected).diagnostics.map((d) => d.code));
    // ids, params, agents/providers, required params, ops, properties, score colon, quotes,
    // duplicate ids, nodes, IPv4 values, the STONITH rule, lab state
    for (const code of ['TCRM2020', 'TCRM2021', 'TCRM2022', 'TCRM2023', 'TCRM2024', 'TCRM2025', 'TCRM2026', 'TCRM1023', 'TCRM1001', 'TCRM2030', 'TCRM2028', 'TCRM2029', 'TCRM2031', 'TCRM2040', 'TCRM2041', 'TCRM2042', 'TCRM2043', 'TCRM2001', 'TCRM2002']) {
      expect(all, code).toContain(code);
    }
  });
});
