/**
 * `tcrm check` through `run(argv, io)`, in-process: exit codes, text/JSON/SARIF, languages,
 * grading against a solution, and hostile input (never a stack trace).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const ANSWERS = join(import.meta.dirname, '../../fixtures/answers');
const scratch = mkdtempSync(join(tmpdir(), 'tcrm-check-'));

async function tcrm(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdinIsTTY: false,
    stdoutIsTTY: false,
    env: { PATH: '', ...env },
    cwd: ANSWERS,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
}

const NODES = ['--nodes', 'Lubuntu,Lubuntu1'];

describe('tcrm check', () => {
  it('exits 0 on a clean answer, 2 on errors, 1 on warnings only with --strict', async () => {
    expect((await tcrm(['check', ...NODES, 'clean-configure.crm'])).code).toBe(0);
    expect((await tcrm(['check', ...NODES, 'misspelt-id-location.crm'])).code).toBe(2);
    expect((await tcrm(['check', ...NODES, 'advised-timeout.crm'])).code).toBe(0);
    expect((await tcrm(['check', ...NODES, '--strict', 'advised-timeout.crm'])).code).toBe(1);
  });

  it('prints compiler-style findings, a summary per file and a table for several files', async () => {
    const { out } = await tcrm(['check', ...NODES, 'misspelt-id-location.crm', 'clean-configure.crm']);
    expect(out).toContain('misspelt-id-location.crm:3:28: error: resource "failover_ip" does not exist — did you mean "failoverip"? [TCRM2020]');
    expect(out).toContain('misspelt-id-location.crm: 1 error(s), 0 warning(s)');
    expect(out).toMatch(/^file\s+errors\s+warnings$/m);
    expect(out).toMatch(/^clean-configure\.crm\s+0\s+0$/m);
  });

  it('writes the JSON document the issue specifies', async () => {
    const { out } = await tcrm(['check', ...NODES, '--format', 'json', 'misspelt-id-location.crm']);
    const doc = JSON.parse(out) as { files: Array<{ file: string; diagnostics: Array<Record<string, unknown>> }> };
    expect(doc.files[0]!.file).toBe('misspelt-id-location.crm');
    expect(doc.files[0]!.diagnostics).toEqual([
      { line: 3, column: 28, endLine: 3, endColumn: 39, severity: 'error', code: 'TCRM2020', message: 'resource "failover_ip" does not exist', suggestion: 'failoverip' },
    ]);
  });

  it('carries the note (cause and effect) in JSON and SARIF too', async () => {
    const json = await tcrm(['check', ...NODES, '--format', 'json', 'monitor-no-interval.crm']);
    const note = 'without interval=…, this monitor only runs once (a probe): the resource is never watched';
    expect((JSON.parse(json.out) as { files: Array<{ diagnostics: Array<{ note?: string }> }> }).files[0]!.diagnostics[0]!.note).toBe(note);
    const sarif = JSON.parse((await tcrm(['check', ...NODES, '--format', 'sarif', 'monitor-no-interval.crm'])).out);
    expect(sarif.runs[0].results[0].properties.note).toBe(note);
    expect(sarif.runs[0].results[0].message.text).toContain(note);
  });

  it('writes SARIF 2.1.0', async () => {
    const { out } = await tcrm(['check', ...NODES, '--format=sarif', 'misspelt-op.crm']);
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results[0];
    expect(result.ruleId).toBe('TCRM2024');
    expect(result.level).toBe('warning');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 70, endLine: 2, endColumn: 76 });
  });

  it('speaks French with --lang fr or LANG=fr_FR, keeping the codes', async () => {
    const byFlag = await tcrm(['check', ...NODES, '--lang', 'fr', 'misspelt-id-location.crm']);
    expect(byFlag.out).toContain('erreur: la ressource « failover_ip » n\'existe pas — vouliez-vous dire « failoverip » ? [TCRM2020]');
    const byEnv = await tcrm(['check', ...NODES, 'misspelt-id-location.crm'], { LANG: 'fr_FR.UTF-8' });
    expect(byEnv.out).toContain('la ressource « failover_ip » n\'existe pas');
    const lcAll = await tcrm(['check', ...NODES, 'misspelt-id-location.crm'], { LANG: 'fr_FR.UTF-8', LC_ALL: 'C' });
    expect(lcAll.out).toContain('resource "failover_ip" does not exist');
    const note = await tcrm(['check', ...NODES, '--lang', 'fr', 'misspelt-property.crm']);
    expect(note.out).toContain('= remarque: tel qu\'écrit, stonith-enabled garde sa valeur par défaut (true)');
  });

  it('warns about a node that is not declared', async () => {
    const { out } = await tcrm(['check', 'unknown-node-standby.crm']);
    expect(out).toContain('node "lubuntu" is not declared');
    expect(out).toContain('node "Lubuntu" is not declared');
  });

  it('grades answers against a solution by meaning, ids ignored on request', async () => {
    const same = await tcrm(['check', ...NODES, '--expect', 'solution.crm', '--format', 'json', 'clean-configure.crm']);
    const g = JSON.parse(same.out).files[0].grade;
    expect(g.score).toBe(100);
    expect(g.missing + g.extra + g.different).toBe(0);

    const renamed = await tcrm(['check', ...NODES, '--expect', 'solution.crm', '--format', 'json', 'clean-no-params.crm']);
    expect(JSON.parse(renamed.out).files[0].grade.score).toBeLessThan(50);
    const ignoring = await tcrm(['check', ...NODES, '--expect', 'solution.crm', '--ignore-ids', '--format', 'json', 'clean-no-params.crm']);
    const gi = JSON.parse(ignoring.out).files[0].grade;
    expect(gi.items.filter((i: { status: string }) => i.status !== 'same')).toEqual([
      { kind: 'primitive', id: 'apache', status: 'different', differences: ['op:start@0: timeout=40000 ≠ —'], answerId: 'web' },
    ]);
  });

  it('grades what reaches the live CIB, not what stays in a shadow', async () => {
    const { out } = await tcrm(['check', ...NODES, '--expect', 'solution.crm', 'shadow-not-committed.crm']);
    expect(out).toContain('changes made in shadow CIB "config" never reach the cluster');
    expect(out).toMatch(/primitive "failoverip" is missing/);
    expect(out).toMatch(/score 0\/100/);
  });

  it('reports hostile input clearly, never with a stack trace', async () => {
    const big = join(scratch, 'big.crm');
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024, 'a'));
    const junk = join(scratch, 'junk.crm');
    writeFileSync(junk, Buffer.from([0x70, 0x72, 0x69, 0xff, 0xfe, 0x00, 0x13, 0x37]));
    const badUtf8 = join(scratch, 'latin1.crm');
    writeFileSync(badUtf8, Buffer.from('primitive caf\xe9 Dummy\n', 'latin1'));
    const long = join(scratch, 'long.crm');
    writeFileSync(long, `configure\nprimitive p Dummy params state=${'x'.repeat(100_000)}\n`);
    const r = await tcrm(['check', big, junk, badUtf8, join(scratch, 'missing.crm'), 'empty.crm', long]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('more than the 2097152 bytes tcrm check reads');
    expect(r.out).toContain('junk.crm:1:4: error:');
    // not UTF-8 but readable as Windows-1252: read, with a warning at the first such byte
    expect(r.out).toContain('latin1.crm:1:14: warning: ');
    expect(r.out).toContain('latin1.crm:1:11: error: café: invalid object id');
    expect(r.out).toContain('cannot read');
    expect(r.out).toContain('is empty');
    expect(r.out).toContain('long.crm:2:26: error: a word of 100006 characters (more than 4096)');
    // a long source line is shown as a window, not whole
    expect(Math.max(...r.out.split('\n').map((l) => l.length))).toBeLessThan(400);
    expect(r.out + r.err).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('refuses bad options with the usage line', async () => {
    const r = await tcrm(['check', '--mode', 'nonsense', 'a.crm']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: tcrm check');
  });
});
