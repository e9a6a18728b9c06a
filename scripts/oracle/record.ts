/**
 * Records the golden corpus from the real crmsh:
 *   node --import tsx scripts/oracle/record.ts [-j N] [NAME|NNN …]
 * With no names, every fixture under fixtures/crm is (re)recorded. A name is a fixture
 * directory name or its three-digit number. Needs crmsh 4.4.1 and Pacemaker's CLI tools.
 */
import { listFixtureNames, loadFixture } from '../../test/helpers/fixtures.js';
import { findCrm, runCrmsh, writeExpected } from './crmsh.js';

function parseArgs(argv: string[]): { jobs: number; names: string[] } {
  let jobs = 2;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-j') jobs = Math.max(1, Number(argv[++i]) || 1);
    else names.push(argv[i]!);
  }
  return { jobs, names };
}

function select(all: string[], wanted: string[]): string[] {
  if (wanted.length === 0) return all;
  return wanted.map((w) => {
    const hit = all.find((n) => n === w || n.startsWith(`${w}-`));
    if (!hit) throw new Error(`no fixture named ${w}`);
    return hit;
  });
}

async function main(): Promise<number> {
  const { jobs, names } = parseArgs(process.argv.slice(2));
  const crm = await findCrm();
  if (!crm) {
    process.stderr.write('record: crm (crmsh) not found; install crmsh, pacemaker-cli-utils and resource-agents\n');
    return 2;
  }
  const queue = select(listFixtureNames(), names);
  let failed = 0;
  async function worker(): Promise<void> {
    for (let name = queue.shift(); name; name = queue.shift()) {
      try {
        const fixture = loadFixture(name);
        const outcome = await runCrmsh(fixture, crm!);
        writeExpected(fixture, outcome);
        process.stdout.write(`${name}: exit ${outcome.exit}\n`);
      } catch (e) {
        failed++;
        process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  }
  await Promise.all(Array.from({ length: jobs }, () => worker()));
  return failed ? 1 : 0;
}

process.exitCode = await main();
