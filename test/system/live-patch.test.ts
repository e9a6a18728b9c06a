/**
 * Our in-process patch against Pacemaker's own: hundreds of seeded random edits, each patch
 * applied by the real `cibadmin --patch` to a CIB file must give exactly the target
 * configuration. crm_diff's patch is applied to the same base for comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPatch } from '../../src/commit/patch.js';
import { configurationAsStored } from '../../src/commit/live-confirm.js';
import { parseXml } from '../../src/shadow-cib/xml.js';
import { CibMutator, startCib } from '../commit/live-mutator.js';
import { requireTool } from './live-prereq.js';

const ROUNDS = Number(process.env.TCRM_PATCH_ROUNDS ?? 200);

function cibadmin(file: string, args: string[]): { code: number; stderr: string } {
  const r = spawnSync('cibadmin', args, { env: { ...process.env, CIB_file: file, LC_ALL: 'C' }, encoding: 'utf8' });
  return { code: r.status ?? -1, stderr: r.stderr };
}

describe('in-process patch applied by cibadmin --patch', () => {
  it(`gives exactly the target configuration over ${ROUNDS} random edits`, () => {
    if (!requireTool('cibadmin') || !requireTool('crm_diff')) return;
    const dir = mkdtempSync(join(tmpdir(), 'tcrm-live-patch-'));
    const cur = join(dir, 'cur.xml');
    writeFileSync(cur, startCib());
    const mutator = new CibMutator(7);
    let crmDiffExact = 0;
    let changes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const baseText = readFileSync(cur, 'utf8');
      const targetText = mutator.mutate(baseText);
      const base = parseXml(baseText);
      const target = parseXml(targetText);
      const patch = createPatch(base, target);
      changes += patch.changes.length;
      const patchFile = join(dir, 'p.xml');
      writeFileSync(patchFile, patch.xml);
      const ours = join(dir, 'ours.xml');
      copyFileSync(cur, ours);
      const r = cibadmin(ours, ['--patch', '--xml-file', patchFile]);
      if (r.code !== 0) {
        writeFileSync(join(dir, 'target.xml'), targetText);
        throw new Error(`round ${round}: cibadmin exit ${r.code}: ${r.stderr.slice(0, 500)}\npatch: ${patch.xml}\nfiles in ${dir}`);
      }
      const got = configurationAsStored(readFileSync(ours, 'utf8'));
      const want = configurationAsStored(target);
      if (got !== want) writeFileSync(join(dir, 'target.xml'), targetText);
      expect(got, `round ${round}, patch ${patch.xml}, files in ${dir}`).toBe(want);

      // crm_diff's patch, for comparison (not asserted: it is Pacemaker's, not ours).
      const targetFile = join(dir, 'target.xml');
      writeFileSync(targetFile, targetText);
      const theirs = spawnSync('crm_diff', ['--no-version', '-o', cur, '-n', targetFile], { encoding: 'utf8' }).stdout;
      const viaCrm = join(dir, 'crm.xml');
      copyFileSync(cur, viaCrm);
      writeFileSync(join(dir, 'crm-p.xml'), theirs);
      if (theirs.trim() && cibadmin(viaCrm, ['--patch', '--xml-file', join(dir, 'crm-p.xml')]).code === 0) {
        if (configurationAsStored(readFileSync(viaCrm, 'utf8')) === want) crmDiffExact++;
      }
      copyFileSync(ours, cur);
    }
    console.log(`live-patch: ${ROUNDS} rounds, ${changes} changes; crm_diff's patch gave the exact target in ${crmDiffExact}`);
  }, 600_000);
});
