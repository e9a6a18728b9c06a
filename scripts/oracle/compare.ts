/**
 * Shows how tcrm (in-process) differs from crmsh's recording on some golden fixtures:
 *   node --import tsx scripts/oracle/compare.ts NNN|NAME …   (no names: every runnable fixture)
 * Prints, per fixture and compared aspect (see test/helpers/golden.ts), the first differing
 * line as crm=… tcrm=…; prints nothing for a fixture that matches. Exit 1 when any differs.
 */
import { run } from '../../src/cli/run.js';
import { listFixtureNames, loadFixture } from '../../test/helpers/fixtures.js';
import { comparable, runTcrmInProcess, skipReason, type ComparableOutcome } from '../../test/helpers/golden.js';

function asLines(value: ComparableOutcome[keyof ComparableOutcome]): string[] {
  return Array.isArray(value) ? value : String(value).split('\n');
}

const all = listFixtureNames();
const wanted = process.argv.slice(2);
const names = wanted.length
  ? wanted.map((w) => all.find((n) => n === w || n.startsWith(`${w}-`)) ?? w)
  : all.filter((n) => !skipReason(loadFixture(n)));

let differing = 0;
for (const name of names) {
  const fixture = loadFixture(name);
  if (!fixture.expected) {
    console.log(`${name}: not recorded`);
    continue;
  }
  const actual = comparable(await runTcrmInProcess(fixture, run));
  const expected = comparable(fixture.expected);
  for (const key of Object.keys(expected) as (keyof ComparableOutcome)[]) {
    const e = asLines(expected[key]);
    const a = asLines(actual[key]);
    if (JSON.stringify(e) === JSON.stringify(a)) continue;
    differing++;
    const i = Math.max(0, e.findIndex((line, j) => line !== a[j]));
    console.log(`${name} ${key} line ${i + 1}: crm=${JSON.stringify(e[i])} tcrm=${JSON.stringify(a[i])}`);
  }
}
process.exitCode = differing ? 1 : 0;
