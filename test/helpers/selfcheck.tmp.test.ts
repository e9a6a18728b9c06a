import { describe, it } from 'vitest';
import { runProcess } from '../../scripts/oracle/crmsh.js';
import { loadAllFixtures } from './fixtures.js';
import { expectSameAsCrmsh, runTcrmInProcess, type RunFn } from './golden.js';

const crmAsRun: RunFn = async (argv, io) => {
  const r = await runProcess('crm', argv, { cwd: io.cwd, env: { ...(io.env as Record<string, string>), PATH: process.env.PATH! }, stdin: io.stdin });
  io.stdout(r.stdout);
  io.stderr(r.stderr);
  return r.exit;
};
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : /./;
describe.concurrent('selfcheck', () => {
  for (const f of loadAllFixtures().filter((f) => only.test(f.name))) {
    it(f.name, async ({ expect }) => {
      expectSameAsCrmsh(await runTcrmInProcess(f, crmAsRun), f.expected!, expect);
    }, 120_000);
  }
});
