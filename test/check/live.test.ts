/**
 * `--live`: the local crm_verify's lines join the findings, each once, with its own level, on
 * the line naming the id it mentions. The tool is injected here (hermetic); without `--live`
 * it is never called, so the result is the same on every machine.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckCommand, type CheckIO } from '../../src/check/run-check.js';

const ANSWERS = join(import.meta.dirname, '../../fixtures/answers');

function io(calls: string[][]): CheckIO & { out: () => string } {
  let out = '';
  return {
    env: {},
    stdout: (t) => (out += t),
    stderr: (t) => (out += t),
    readFile: (p) => readFile(join(ANSWERS, p)),
    execWithInput: async (argv, stdin) => {
      calls.push(argv);
      expect(stdin).toContain('<cib');
      return {
        code: 78,
        stdout: '',
        stderr: 'crm_verify: warning: Resource failoverip: something odd\ncrm_verify: warning: Resource failoverip: something odd\n(unpack_config) \terror: Bad value\n',
      };
    },
    version: 'test',
    out: () => out,
  };
}

describe('check --live', () => {
  it('adds crm_verify lines once each, with their level and the line of the id they name', async () => {
    const calls: string[][] = [];
    const fake = io(calls);
    const code = await runCheckCommand(['--live', '--nodes', 'Lubuntu,Lubuntu1', '--format', 'json', 'clean-configure.crm'], fake, 'en');
    expect(calls).toEqual([['crm_verify', '-V', '--xml-pipe']]);
    const d = JSON.parse(fake.out()).files[0].diagnostics;
    expect(d.map((x: { line: number; column: number; severity: string; code: string }) => [x.line, x.column, x.severity, x.code])).toEqual([
      [1, 1, 'error', 'TCRM2035'],
      [1, 11, 'warning', 'TCRM2035'],
    ]);
    expect(code).toBe(2);
  });

  it('never runs a local tool without --live', async () => {
    const calls: string[][] = [];
    await runCheckCommand(['--nodes', 'Lubuntu,Lubuntu1', 'clean-configure.crm'], io(calls), 'en');
    expect(calls).toEqual([]);
  });
});
