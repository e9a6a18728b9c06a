/**
 * Differential tests against the installed crmsh (the oracle):
 *  1. re-runs crm on every golden fixture and asserts the committed expected files are still
 *     exactly what crmsh produces (so the corpus cannot drift from the real tool);
 *  2. runs tcrm's shipped bundle (dist/tcrm.js, built by `npm run build`) on a few fixtures and
 *     compares it with crmsh's recorded result the way the hermetic golden test does.
 * crm missing is a failure, never a skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCrm, runCrmsh, runFixtureProcess } from '../../scripts/oracle/crmsh.js';
import {
  loadAllFixtures,
  REPO_ROOT,
  type Fixture,
  type Outcome,
} from '../helpers/fixtures.js';
import { dropExtraLines, expectSameAsCrmsh, skipReason } from '../helpers/golden.js';

const INSTALL_HINT =
  'crmsh is not installed: install the Debian packages crmsh, pacemaker-cli-utils and resource-agents ' +
  '(apt-get install crmsh pacemaker-cli-utils resource-agents; .ci/run does this in CI), ' +
  'or run only the hermetic tests with `npm test`.';

// TCRM_DIFF_ONLY=<regex> narrows the crmsh re-run to matching fixture names while developing
// (a full run costs two crm invocations, ~2.5 s of CPU, per fixture).
const only = process.env.TCRM_DIFF_ONLY ? new RegExp(process.env.TCRM_DIFF_ONLY) : undefined;
const fixtures = loadAllFixtures();
let crm: string | undefined;

beforeAll(async () => {
  crm = await findCrm();
});

function requireCrm(): string {
  if (!crm) {
    const where = process.env.CI ? 'CI=true: the system test environment must provide crm. ' : '';
    throw new Error(where + INSTALL_HINT);
  }
  return crm;
}

describe('crmsh still produces the recorded golden files', () => {
  it('crm is installed', () => {
    requireCrm();
  });

  describe.concurrent('fixtures', () => {
    for (const fixture of fixtures.filter((f) => !only || only.test(f.name))) {
      it(fixture.name, async ({ expect }) => {
        const crmPath = requireCrm();
        expect(fixture.expected, `${fixture.name} was never recorded`).toBeDefined();
        const now = await runCrmsh(fixture, crmPath);
        const recorded = fixture.expected!;
        expect.soft(now.exit, 'expected.exit').toBe(recorded.exit);
        expect.soft(now.cib, 'expected.cib.xml').toBe(recorded.cib);
        expect.soft(now.show, 'expected.show.txt').toBe(recorded.show);
        expect.soft(now.stdout, 'expected.stdout').toBe(recorded.stdout);
        expect.soft(now.stderr, 'expected.stderr').toBe(recorded.stderr);
        // The golden comparison drops indented lines right under a message line of stdout as
        // tcrm's own hints: crmsh must never print such a line there, or it would escape the
        // comparison. (stderr is compared on message lines only, so it needs no such check.)
        const stdoutLines = recorded.stdout.split('\n');
        expect.soft(dropExtraLines(stdoutLines), 'crmsh stdout has an indented line under a message').toEqual(stdoutLines);
      });
    }
  });
});

/** Runs the shipped bundle the way a user runs it, then `configure show` with it. */
function runBundle(fixture: Fixture, bundle: string): Promise<Outcome> {
  return runFixtureProcess(fixture, [process.execPath, bundle], 'tcrm-bundle-');
}

// A handful of fixtures covering a commit, a syntax error, show inside a script, the lab and a
// one-shot argv: enough to catch a bundle that differs from the sources.
const BUNDLE_SAMPLE = [
  '001-primitive-minimal',
  '325-one-bad-line-among-good',
  '340-show-in-script',
  '390-lab-part1-ipaddr',
  '401-oneshot-property',
];

describe('the built bundle matches crmsh', () => {
  const bundle = join(REPO_ROOT, 'dist', 'tcrm.js');
  for (const name of BUNDLE_SAMPLE) {
    const fixture = fixtures.find((f) => f.name === name);
    it(name, async () => {
      expect(fixture, `fixture ${name} is missing from fixtures/crm`).toBeDefined();
      expect(skipReason(fixture!), `${name} must not depend on a later feature`).toBeUndefined();
      expect(existsSync(bundle), 'dist/tcrm.js is missing: run `npm run build`').toBe(true);
      const actual = await runBundle(fixture!, bundle);
      expectSameAsCrmsh(actual, fixture!.expected!);
    });
  }
});
