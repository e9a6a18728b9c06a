/**
 * The framed transfer's gate, run by the real `sh` with a stand-in `cibadmin` first on PATH
 * that copies the file it is given (the real cibadmin is in test/system/live-commit.test.ts):
 * the command is constant, arguments are validated before use, and cibadmin runs only on
 * exactly the announced bytes.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMED_SCRIPT, framedCommand, runFramed } from '../../src/commit/framed.js';
import { LocalTransport } from '../../src/transport/local.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-framed-'));
  const bin = join(dir, 'bin');
  const tmp = join(dir, 'tmp');
  for (const d of [bin, tmp]) mkdirSync(d);
  const seen = join(dir, 'seen');
  // Records its arguments and the file's content, as cibadmin would read it.
  writeFileSync(join(bin, 'cibadmin'), `#!/bin/sh\necho "$@" > "${seen}.args"\nfor a; do f=$a; done\ncat "$f" > "${seen}"\nexit 0\n`);
  chmodSync(join(bin, 'cibadmin'), 0o755);
  const t = new LocalTransport({ PATH: `${bin}:${process.env.PATH}`, TMPDIR: tmp });
  return { t, seen, tmp };
}

const payload = '<diff format="2"><change operation="delete" path="/cib/configuration/resources/primitive[@id=\'$(touch x)\']"/></diff>\n';

describe('framed transfer', () => {
  it('is one constant command: user data only on stdin, length and digest as separate arguments', () => {
    const a = framedCommand('patch', payload);
    const b = framedCommand('replace', 'other');
    expect(a.argv.slice(0, 5)).toEqual(['sh', '-c', FRAMED_SCRIPT, 'tcrm-framed', '--']);
    expect(b.argv[2]).toBe(a.argv[2]);
    expect(a.argv.slice(5)).toEqual(['patch', String(Buffer.byteLength(payload)), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(a.argv.join(' ')).not.toContain('touch');
  });

  it('runs cibadmin --patch on exactly the bytes sent, then removes its temporary file', async () => {
    const { t, seen, tmp } = setup();
    const r = await runFramed(t, 'patch', payload);
    expect(r).toMatchObject({ code: 0 });
    expect(readFileSync(seen, 'utf8')).toBe(payload);
    expect(readFileSync(`${seen}.args`, 'utf8')).toMatch(/^--patch --xml-file \S+\/tcrm-commit\.\w+\n$/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('uses --replace --scope configuration for a replace', async () => {
    const { t, seen } = setup();
    expect((await runFramed(t, 'replace', '<configuration/>')).code).toBe(0);
    expect(readFileSync(`${seen}.args`, 'utf8')).toMatch(/^--replace --scope configuration --xml-file /);
  });

  it('refuses a short stream (93), a changed one (94) and bad arguments (90) without running cibadmin', async () => {
    const { t, seen, tmp } = setup();
    const full = Buffer.from(payload);
    expect((await runFramed(t, 'patch', full, { stdinOverride: full.subarray(0, 40) })).code).toBe(93);
    const changed = Buffer.from(full);
    changed[10] = changed[10]! ^ 0x20;
    expect((await runFramed(t, 'patch', full, { stdinOverride: changed })).code).toBe(94);
    const f = framedCommand('patch', full);
    for (const bad of [
      ['--', 'patch', '12;touch x', f.argv[7]!],
      ['--', 'patch', String(full.length), 'ZZ'],
      ['--', 'rm', String(full.length), f.argv[7]!],
      ['patch', String(full.length), f.argv[7]!],
    ]) {
      expect((await t.exec(['sh', '-c', FRAMED_SCRIPT, 'tcrm-framed', ...bad], { stdin: full })).code).toBe(90);
    }
    expect(existsSync(seen)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
