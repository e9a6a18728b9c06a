/**
 * The configure commands of issue 10 through the whole CLI, in-process, on a CIB file in a temp
 * dir: files written atomically by save, tcrm's refusals (no Pacemaker tool, stdin, URL) with
 * their catalogue codes, and a filter program that fails.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';

const BASE = join(import.meta.dirname, '../../../fixtures/crm/420-delete-primitive-hanging-constraint/base.cib.xml');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function tcrm(script: string, env: Record<string, string> = {}): Promise<{ dir: string; out: string; err: string; exit: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-edit-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'cib.xml'), readFileSync(BASE, 'utf8'));
  writeFileSync(join(dir, 'in.crm'), script);
  let out = '';
  let err = '';
  const exit = await run(['-f', 'in.crm'], {
    stdin: '',
    stdinIsTTY: false,
    stdoutIsTTY: false,
    env: { CIB_file: join(dir, 'cib.xml'), HOME: dir, XDG_STATE_HOME: dir, XDG_CONFIG_HOME: dir, NO_COLOR: '1', LANG: 'C', PATH: '/usr/bin:/bin', ...env },
    cwd: dir,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { dir, out, err, exit };
}

describe('save and load files', () => {
  it('save writes the show text and a newline, leaving no temp file behind', async () => {
    const r = await tcrm('configure\nsave a b two.crm\nsave xml a a.xml\n');
    expect(r.exit).toBe(0);
    expect(readFileSync(join(r.dir, 'two.crm'), 'utf8')).toBe('primitive a Dummy\nprimitive b Dummy\n');
    expect(readFileSync(join(r.dir, 'a.xml'), 'utf8')).toMatch(/^<\?xml version="1.0" \?>\n<cib [^]*<primitive id="a"[^]*<\/cib>\n\n$/);
    expect(readdirSync(r.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('load reports a missing file with Python\'s words, as crmsh does (549)', async () => {
    const r = await tcrm('configure\nload update nosuch.crm\n');
    expect(r.exit).toBe(1);
    expect(r.err).toContain("ERROR: could not open nosuch.crm: [Errno 2] No such file or directory: 'nosuch.crm'");
  });

  it('refuses URLs with its own code (standard input: test/session/load-stdin.test.ts)', async () => {
    const r = await tcrm('configure\nload update http://example.com/x.crm\n');
    expect(r.exit).toBe(1);
    expect(r.err).toContain('http://example.com/x.crm: URLs are not read by tcrm');
  });
});

describe('external programs', () => {
  it('a failing filter changes nothing and fails (553)', async () => {
    const r = await tcrm('configure\nfilter "exit 3" a\nshow a\n');
    expect(r.exit).toBe(1);
    expect(r.out).toContain('primitive a Dummy');
  });

  it('the filter program gets the objects on stdin, one per line, in the session directory', async () => {
    const r = await tcrm('configure\nfilter "tee seen.txt" a b\n');
    expect(r.exit).toBe(0);
    expect(readFileSync(join(r.dir, 'seen.txt'), 'utf8')).toBe('primitive a Dummy\nprimitive b Dummy\n');
  });

  it('ptest and upgrade force refuse clearly where Pacemaker is not installed', async () => {
    const r = await tcrm('configure\nptest nograph\nupgrade force\n', { PATH: '/nonexistent' });
    expect(r.exit).toBe(1);
    expect(r.err).toContain('simulate: crm_simulate is not installed on this machine');
    expect(r.err).toContain('upgrade: cibadmin is not installed on this machine');
  });
});
