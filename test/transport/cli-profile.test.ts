/** The command line's cluster options reach the profile parser, and their errors stop tcrm at once. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir } from '../helpers/run-tcrm.js';

describe('tcrm cluster options', () => {
  it('a bad --hosts is an error, exit 1, before anything runs', async () => {
    const dir = scratchDir();
    const r = await runTcrm(['--hosts', 'root@node:99999', 'configure', 'show'], { dir });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ERROR: invalid host root@node:99999 in --hosts (expected [user@]host[:port], comma-separated)\n',
    });
  });

  it('-C with no such profile names the file looked in', async () => {
    const dir = scratchDir();
    const r = await runTcrm(['-C', 'prod', 'configure', 'show'], { dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ERROR: no cluster profile named prod in ${join(dir, 'config', 'tcrm', 'clusters.conf')}\n`);
  });

  it('a clusters.conf error names file and line', async () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'config', 'tcrm'), { recursive: true });
    writeFileSync(join(dir, 'config', 'tcrm', 'clusters.conf'), '[lab]\nhosts = a\nsudo = sometimes\n');
    const r = await runTcrm(['--cluster', 'lab', 'configure', 'show'], { dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/clusters\.conf:3: sudo must be yes or no, not "sometimes"\n$/);
  });

  it('a bad TCRM_HOSTS is reported as such', async () => {
    const dir = scratchDir();
    const r = await runTcrm(['configure', 'show'], { dir, env: { TCRM_HOSTS: 'a,b c' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid host b c in TCRM_HOSTS');
  });
});

describe('tcrm when the cluster cannot be reached', () => {
  it('each command that needs it reports one clear error and tries again (no key to offer here)', async () => {
    const dir = scratchDir();
    const r = await runTcrm(['--hosts', 'root@127.0.0.1:1'], { dir, stdin: 'configure show\nconfigure show\n' });
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('ERROR:'));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const e of errors) {
      expect(e).toContain('no SSH key to offer to root@127.0.0.1:1');
      expect(e).toContain('(the next command connects again)');
    }
    expect(r.stderr).not.toContain('internal error');
  });
});
