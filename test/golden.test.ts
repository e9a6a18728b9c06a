/**
 * Golden tests: tcrm, run in-process, must do what crmsh 4.4.1 did on every fixture of
 * fixtures/crm (recorded by scripts/oracle/record.ts). See test/helpers/golden.ts for what is
 * compared and how output is normalised. Fixtures whose crmsh result depends on a feature not
 * built yet (meta.needs) are registered as skipped, with the reason in the test name.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { loadAllFixtures } from './helpers/fixtures.js';
import { expectSameAsCrmsh, NEEDS_VOCABULARY, runTcrmInProcess, skipReason } from './helpers/golden.js';

const fixtures = loadAllFixtures();

describe('golden corpus: tcrm matches crmsh', () => {
  it('every fixture is recorded and its meta.needs uses the known vocabulary', () => {
    for (const f of fixtures) {
      expect(f.expected, `${f.name}: no expected files`).toBeDefined();
      for (const need of f.meta.needs ?? []) {
        expect(Object.keys(NEEDS_VOCABULARY), `${f.name}: unknown need "${need}"`).toContain(need);
      }
    }
  });

  for (const fixture of fixtures) {
    const reason = skipReason(fixture);
    if (reason) {
      it.skip(`${fixture.name} [skipped: ${reason}]`, () => {});
      continue;
    }
    it(fixture.name, async () => {
      if (!fixture.expected) {
        throw new Error(`${fixture.name} has no expected files: run node --import tsx scripts/oracle/record.ts ${fixture.name}`);
      }
      const actual = await runTcrmInProcess(fixture, run);
      expectSameAsCrmsh(actual, fixture.expected);
    });
  }
});
