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
    const clean = [
      'clean-configure.crm', 'clean-no-params.crm', 'clean-script.crm', 'solution.crm', 'handout-spec.crm',
      // right, in other words or another order: INFINITY/+inf/-inf, Mandatory:/Optional:, False/no/0,
      // interval without unit, no agent class, tabs, a transcript full of crm's output
      'order-kinds.crm', 'stonith-False.crm', 'stonith-no.crm', 'stonith-zero.crm', 'interval-no-unit.crm', 'reordered-clean.crm',
      'agent-without-class.crm', 'tabs-everywhere.crm', 'transcript-output-mixed.crm', 'group-clean.crm', 'configure-with-commit.crm', 'script-crm-oneshots.crm', 'script-heredoc-clean.crm',
    ];
    for (const name of clean) {
      const r = checkText(readFileSync(join(DIR, name)), name, { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' });
      expect(r.findings.filter((f) => f.severity === 'error'), name).toEqual([]);
    }
  });

  it('covers the lab mistakes the issue lists', () => {
    const all = names.flatMap((n) => (JSON.parse(readFileSync(join(DIR, n.replace(/\.crm$/, '.expected.json')), 'utf8')) as Expected).diagnostics.map((d) => d.code));
    // ids, params, agents/providers, required params, ops, properties, score colon, quotes,
    // duplicate ids, nodes, IPv4 values, the STONITH rule, lab state
    // and the second round: encodings, forgotten or stray "\", "crm" typed inside crm, the
    // provider left out, op attributes, "Infinity:", commands of the wrong level, word-processor
    // characters, spaces around "=" and ":", mis-cased nodes, the command cap's neighbours
    const second = ['TCRM2009', 'TCRM2013', 'TCRM2014', 'TCRM2015', 'TCRM2016', 'TCRM2017', 'TCRM2019', 'TCRM2037', 'TCRM2049', 'TCRM2054', 'TCRM2055', 'TCRM2056', 'TCRM2057', 'TCRM2059'];
    for (const code of ['TCRM2020', 'TCRM2021', 'TCRM2022', 'TCRM2023', 'TCRM2024', 'TCRM2025', 'TCRM2026', 'TCRM1023', 'TCRM1001', 'TCRM2030', 'TCRM2028', 'TCRM2029', 'TCRM2031', 'TCRM2040', 'TCRM2041', 'TCRM2042', 'TCRM2043', 'TCRM2001', 'TCRM2002', ...second]) {
      expect(all, code).toContain(code);
    }
  });
});
