/**
 * tcrm's checks against crmsh's own `configure verify` lines, recorded by
 * record-fixtures.ts from the installed crmsh 4.4.1 (cases/NAME.crm → fixtures/NAME.xml, .out).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBundledCatalog } from '../../src/agents/bundled-catalog.js';
import { parseXml } from '../../src/shadow-cib/xml.js';
import { changedObjectIds } from '../../src/verify/changed-objects.js';
import { runChecks } from '../../src/verify/run-checks.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const catalog = createBundledCatalog();
const names = readdirSync(fixtures).filter((f) => f.endsWith('.out')).map((f) => f.slice(0, -4));
const read = (file: string) => readFileSync(join(fixtures, file), 'utf8');
const expectedLines = (name: string) => read(`${name}.out`).split('\n').filter((l) => l !== '');
const shown = (d: { severity: string; message: string }) => `${d.severity.toUpperCase()}: ${d.message}`;

describe('configure verify: crmsh lines', () => {
  it.each(names.filter((n) => !existsSync(join(fixtures, `${n}.base.xml`))))('%s', (name) => {
    const doc = parseXml(read(`${name}.xml`));
    const { diagnostics } = runChecks(doc, { catalog, checkMode: 'strict' });
    expect(diagnostics.map(shown)).toEqual(expectedLines(name));
  });
});

// crm's exit code: verify fails when crm_verify finds errors or the worst check weighs 2
describe('configure verify: exit code in strict and relaxed mode', () => {
  it.each(names.filter((n) => existsSync(join(fixtures, `${n}.rc.json`))))('%s', (name) => {
    const doc = parseXml(read(`${name}.xml`));
    const rc = JSON.parse(read(`${name}.rc.json`)) as { strict: number; relaxed: number; crmVerifyErrors: boolean };
    const exit = (mode: 'strict' | 'relaxed') =>
      rc.crmVerifyErrors || runChecks(doc, { catalog, checkMode: mode }).worst >= 2 ? 1 : 0;
    expect({ strict: exit('strict'), relaxed: exit('relaxed') }).toEqual({ strict: rc.strict, relaxed: rc.relaxed });
  });
});

// a commit checks the changed objects only, and nothing when there is no primitive
describe('configure commit: crmsh lines', () => {
  it.each(names.filter((n) => existsSync(join(fixtures, `${n}.base.xml`))))('%s', (name) => {
    const doc = parseXml(read(`${name}.xml`));
    const only = changedObjectIds(parseXml(read(`${name}.base.xml`)), doc);
    const { diagnostics } = runChecks(doc, { catalog, checkMode: 'strict', only });
    expect(diagnostics.map(shown)).toEqual(expectedLines(name));
  });
});
