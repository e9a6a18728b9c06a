/**
 * `cib diff` against the real `crm_shadow -d` (which honours CIB_file for the "live" side):
 * the same lines for seeded random edits — created objects, deletions, attribute changes,
 * moves chosen by Pacemaker's own rule, comments.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchListing } from '../../src/commit/patch-listing.js';
import { parseXml } from '../../src/shadow-cib/xml.js';
import { CibMutator, startCib } from '../commit/live-mutator.js';
import { requireTool } from './live-prereq.js';

const ROUNDS = 60;

describe('cib diff lists like crm_shadow -d', () => {
  it(`matches crm_shadow -d line for line over ${ROUNDS} random edits`, () => {
    if (!requireTool('crm_shadow') || !requireTool('cibadmin')) return;
    const dir = mkdtempSync(join(tmpdir(), 'tcrm-cib-diff-'));
    mkdirSync(join(dir, 'shadows'));
    const live = join(dir, 'live.xml');
    writeFileSync(live, startCib());
    spawnSync('cibadmin', ['-M', '-X', '<cib admin_epoch="0"/>'], { env: { ...process.env, CIB_file: live } });
    const mutator = new CibMutator(11);
    for (let round = 0; round < ROUNDS; round++) {
      const before = readFileSync(live, 'utf8');
      const target = mutator.mutate(before).replace(/epoch="(\d+)"/, (_, e: string) => `epoch="${Number(e) + 1}"`);
      writeFileSync(join(dir, 'shadows', 'shadow.t'), target);
      const r = spawnSync('crm_shadow', ['-b', '-d'], {
        env: { ...process.env, CIB_shadow_dir: join(dir, 'shadows'), CIB_file: live, CIB_shadow: 't', LC_ALL: 'C' },
        encoding: 'utf8',
      });
      const ours = patchListing(parseXml(before), parseXml(target)).join('\n');
      expect(ours, `round ${round}`).toBe(r.stdout.trimEnd());
      writeFileSync(live, target);
    }
  });
});
