/** `tcrm check` through the shipped bundle (`npm test` builds it first): whole process, stdout, exit code. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLE = new URL('../../dist/tcrm.js', import.meta.url).pathname;
const ANSWERS = join(import.meta.dirname, '../../fixtures/answers');

describe('tcrm check (bundle)', () => {
  it('checks answers in one process: JSON on stdout, exit 2 on errors, French from LANG', () => {
    const r = spawnSync(process.execPath, [BUNDLE, 'check', '--nodes', 'Lubuntu,Lubuntu1', '--format', 'json', 'misspelt-id-location.crm', 'clean-configure.crm'], {
      cwd: ANSWERS,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', LANG: 'fr_FR.UTF-8' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: Array<{ line: number; code: string; message: string }> }> };
    expect(doc.files.map((f) => f.file)).toEqual(['misspelt-id-location.crm', 'clean-configure.crm']);
    expect(doc.files[0]!.diagnostics).toMatchObject([{ line: 3, code: 'TCRM2020', message: 'la ressource « failover_ip » n\'existe pas' }]);
    expect(doc.files[1]!.diagnostics).toEqual([]);
  });
});
