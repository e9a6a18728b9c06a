/**
 * The cib level's diff and import on a CIB file (hermetic: tcrm in-process, no Pacemaker):
 * `cib diff` lists the shadow against the CIB it is committed to, in crm_shadow -d's form;
 * outside a shadow it says what crm_shadow says; `cib import` makes a shadow of a file and uses
 * it, and that shadow has no known base.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';

const BASE = readFileSync(new URL('../../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

describe('cib diff and cib import on a CIB file', () => {
  it('lists the shadow\'s changes like crm_shadow -d', async () => {
    const dir = scratchDir();
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, BASE);
    const script = writeScript(dir, 's.crm', ['cib diff', 'cib new work', 'configure', 'property stonith-enabled=false', 'primitive db ocf:heartbeat:Dummy', 'commit', 'up', 'cib diff'].join('\n'));
    const r = await runTcrm(['-f', script], { dir, env: { CIB_file: cib } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No active shadow configuration defined');
    expect(r.stdout).toContain('Diff: --- 0.');
    expect(r.stdout).toContain('++ /cib/configuration/resources:  <primitive id="db" class="ocf" provider="heartbeat" type="Dummy"/>');
  });

  it('imports a file as a shadow and uses it', async () => {
    const dir = scratchDir();
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, BASE);
    const other = join(dir, 'saved.xml.bz2x');
    writeFileSync(other, BASE.replace('<resources/>', '<resources><primitive id="x" class="ocf" provider="heartbeat" type="Dummy"/></resources>'));
    const script = writeScript(dir, 's.crm', [`cib import ${other} imp`, 'configure show', 'cib import /no/such/file', 'cib import 99999'].join('\n'));
    const r = await runTcrm(['-f', script], { dir, env: { CIB_file: cib } });
    expect(r.stdout).toContain('primitive x Dummy');
    expect(r.stderr).toContain('ERROR: cib.import: /no/such/file: no such file');
    expect(r.stderr).toContain('ERROR: cib.import: no 99999 pe input file');
    expect(readFileSync(join(dir, 'shadows', 'shadow.imp'), 'utf8')).toContain('id="x"');
  });
});
