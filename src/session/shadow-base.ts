/**
 * The CIB a shadow was made from, kept in tcrm's state directory (never beside the shadow, where
 * `cib list` would show it), keyed by the shadow's absolute path.
 */
import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stateDir } from './state-dir.js';
import { writeStateFile } from './files.js';

function basePath(env: Record<string, string | undefined>, shadowPath: string): string {
  const key = createHash('sha256').update(resolve(shadowPath)).digest('hex').slice(0, 32);
  return join(stateDir(env), 'shadow-bases', `${key}.xml`);
}

export async function recordShadowBase(env: Record<string, string | undefined>, shadowPath: string, xml: string): Promise<void> {
  await writeStateFile(basePath(env, shadowPath), xml);
}

export async function readShadowBase(env: Record<string, string | undefined>, shadowPath: string): Promise<string | null> {
  try {
    return await readFile(basePath(env, shadowPath), 'utf8');
  } catch {
    return null;
  }
}

export async function forgetShadowBase(env: Record<string, string | undefined>, shadowPath: string): Promise<void> {
  await unlink(basePath(env, shadowPath)).catch(() => undefined);
}
