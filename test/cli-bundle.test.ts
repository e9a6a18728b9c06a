/** A few checks through the shipped bundle (`npm test` builds it first). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from './helpers/run-tcrm.js';

const BUNDLE = new URL('../dist/tcrm.js', import.meta.url).pathname;
const BASE = readFileSync(new URL('../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

function tcrm(args: string[], opts: { dir: string; input?: string; env?: Record<string, string> }) {
  return spawnSync(process.execPath, [BUNDLE, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: opts.dir,
      XDG_STATE_HOME: join(opts.dir, 'state'),
      XDG_CONFIG_HOME: join(opts.dir, 'config'),
      TCRM_NO_LOCAL_CLUSTER: '1',
      NO_COLOR: '1',
      ...opts.env,
    },
  });
}

describe('the built bundle', () => {
  it('exists (npm test builds it)', () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it('prints its version', () => {
    const r = tcrm(['--version'], { dir: scratchDir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tcrm \d+\.\d+\.\d+/);
  });

  it('runs piped commands against CIB_file and commits on leaving configure', () => {
    const dir = scratchDir();
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, BASE);
    const r = tcrm([], {
      dir,
      env: { CIB_file: cib },
      input: 'configure\nproperty stonith-enabled=false\nprimitive d Dummy\nshow d\n',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // crmsh's line, then tcrm's pointer at the property that causes it.
    expect(r.stdout).toBe('primitive d Dummy\nWARNING: (unpack_config) \twarning: Blind faith: not fencing unseen nodes\n  at <stdin>:2:10\n');
    const xml = readFileSync(cib, 'utf8');
    expect(xml).toContain('<primitive id="d" class="ocf" provider="heartbeat" type="Dummy"/>');
    expect(xml).toMatch(/epoch="4"/);
  });

  it('exits 1 after a bad line and still runs the rest', () => {
    const dir = scratchDir();
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, BASE);
    const r = tcrm(['-f', '-'], {
      dir,
      env: { CIB_file: cib },
      input: 'configure\nfrobnicate l1 d 100: Lubuntu\nproperty stonith-enabled=false\n',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ERROR: configure.frobnicate: No such command');
    expect(r.stderr).toContain('<stdin>:2:1');
    expect(readFileSync(cib, 'utf8')).toContain('stonith-enabled');
  });
});
