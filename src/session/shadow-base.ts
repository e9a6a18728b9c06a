/**
 * The CIB a shadow was made from, kept in tcrm's state directory (never beside the shadow, where
 * `cib list` would show it), keyed by the shadow's path, inode and mtime (DECISIONS.md): a
 * shadow replaced or edited by another program no longer matches its record and counts as
 * having no known base (committed only as a replace, after asking). tcrm's own writes to a
 * shadow carry the record over to the new inode and mtime (`keepShadowBase`).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stateDir } from './state-dir.js';
import { writeStateFile } from './files.js';

type Env = Record<string, string | undefined>;

function dirFor(env: Env, shadowPath: string): string {
  const key = createHash('sha256').update(resolve(shadowPath)).digest('hex').slice(0, 32);
  return join(stateDir(env), 'shadow-bases', key);
}

/** `<inode>-<mtime in ns>` of the shadow file now, or null when it does not exist. */
async function identity(shadowPath: string): Promise<string | null> {
  const s = await stat(shadowPath, { bigint: true }).catch(() => null);
  return s ? `${s.ino}-${s.mtimeNs}` : null;
}

export async function recordShadowBase(env: Env, shadowPath: string, xml: string): Promise<void> {
  const id = await identity(shadowPath);
  if (!id) return;
  const dir = dirFor(env, shadowPath);
  await clearOthers(dir, `${id}.xml`);
  await writeStateFile(join(dir, `${id}.xml`), xml);
}

export async function readShadowBase(env: Env, shadowPath: string): Promise<string | null> {
  const id = await identity(shadowPath);
  if (!id) return null;
  try {
    return await readFile(join(dirFor(env, shadowPath), `${id}.xml`), 'utf8');
  } catch {
    return null;
  }
}

export async function forgetShadowBase(env: Env, shadowPath: string): Promise<void> {
  await rm(dirFor(env, shadowPath), { recursive: true, force: true });
}

/**
 * Runs a write of the shadow by tcrm itself and moves its recorded base to the file's new
 * identity. `shadowPath` null: not a shadow, just run it.
 */
export async function keepShadowBase<T>(env: Env, shadowPath: string | null, write: () => Promise<T>): Promise<T> {
  if (!shadowPath) return write();
  const base = await readShadowBase(env, shadowPath);
  const result = await write();
  if (base !== null) await recordShadowBase(env, shadowPath, base);
  return result;
}

async function clearOthers(dir: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n !== keep).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}
