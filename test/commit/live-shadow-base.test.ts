/**
 * Shadow bases keyed by the shadow's path, inode and mtime (DECISIONS.md): found while the
 * shadow is as tcrm left it, carried over tcrm's own writes, lost when another program rewrote
 * the shadow (then it has no known base and a commit asks before replacing).
 */
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/commit/atomic-write.js';
import { forgetShadowBase, keepShadowBase, readShadowBase, recordShadowBase } from '../../src/session/shadow-base.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-shadow-base-'));
  const env = { XDG_STATE_HOME: join(dir, 'state') };
  const shadow = join(dir, 'shadow.work');
  writeFileSync(shadow, '<cib epoch="1"/>');
  return { dir, env, shadow };
}

describe('shadow bases', () => {
  it('are found while the shadow is unchanged and forgotten on request', async () => {
    const { env, shadow } = setup();
    await recordShadowBase(env, shadow, '<cib base="1"/>');
    expect(await readShadowBase(env, shadow)).toBe('<cib base="1"/>');
    await forgetShadowBase(env, shadow);
    expect(await readShadowBase(env, shadow)).toBeNull();
  });

  it('follow tcrm\'s own atomic writes of the shadow', async () => {
    const { env, shadow } = setup();
    await recordShadowBase(env, shadow, '<cib base="1"/>');
    await keepShadowBase(env, shadow, () => writeFileAtomically(shadow, '<cib epoch="2"/>'));
    expect(await readShadowBase(env, shadow)).toBe('<cib base="1"/>');
  });

  it('are not trusted once another program replaced the shadow (new inode)', async () => {
    const { dir, env, shadow } = setup();
    await recordShadowBase(env, shadow, '<cib base="1"/>');
    const other = join(dir, 'other');
    writeFileSync(other, '<cib epoch="7"/>');
    renameSync(other, shadow);
    expect(await readShadowBase(env, shadow)).toBeNull();
  });
});
