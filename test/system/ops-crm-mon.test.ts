/**
 * Differential checks of the ops renderers against the installed Pacemaker and crmsh: crm_mon's
 * text for the recorded CIB files (fixtures/crm-mon/*.cib.xml) against tcrm's rendering of
 * crm_mon's XML from the same run, and `crm ra info` against tcrm's `ra info` for a spread of
 * agents. Missing tools fail the file (CI=true installs them), never skip it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCrmMon } from '../../src/ops/status/model.js';
import { renderStatus } from '../../src/ops/status/render-text.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { runTcrm, scratchDir } from '../helpers/run-tcrm.js';

const DIR = join(REPO_ROOT, 'fixtures', 'crm-mon');
const need = ['crm_mon', 'crm', 'crm_resource'].filter((c) => spawnSync('bash', ['-c', `command -v ${c}`]).status !== 0);

function tool(argv: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', ...env } });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('ops renderers against Pacemaker and crmsh', () => {
  it('has its tools', () => expect(need, 'missing programs').toEqual([]));

  for (const cib of readdirSync(DIR).filter((f) => f.endsWith('.cib.xml'))) {
    for (const [flags, opts] of [
      [['-r'], { inactive: true, failcounts: false }],
      [['-rf'], { inactive: true, failcounts: true }],
      [[], { inactive: false, failcounts: false }],
      [['-rfc'], { inactive: true, failcounts: true, tickets: true }],
    ] as const) {
      it(`${cib} crm_mon -1 ${flags.join(' ')}`, () => {
        const env = { CIB_file: join(DIR, cib) };
        const xml = tool(['crm_mon', '-1', '-r', '--output-as=xml'], env);
        const text = tool(['crm_mon', '-1', ...flags], env);
        const state = parseCrmMon(xml);
        const expected = text.replace(/Last updated: .*/, `Last updated: ${state.lastUpdate}`);
        expect(renderStatus(state, opts).join('\n') + '\n').toBe(expected);
      });
    }
  }

  for (const agent of ['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:apache', 'ocf:pacemaker:Stateful', 'ocf:heartbeat:Filesystem', 'stonith:fence_dummy', 'pacemaker-schedulerd']) {
    it(`ra info ${agent}`, async () => {
      const crm = tool(['crm', 'ra', 'info', agent]);
      const dir = scratchDir('tcrm-ra-');
      const r = await runTcrm(['ra', 'info', agent], { dir, env: { PATH: process.env.PATH ?? '' } });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(crm);
    });
  }
});
