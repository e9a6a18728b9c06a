/** Small file helpers for the session: creating state files safely. */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../commit/atomic-write.js';

/** Creates `path` with `content` unless it exists; returns true when it was created. */
export async function ensureFile(path: string, content: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Writes a state or shadow file atomically, creating its directory first. */
export async function writeStateFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomically(path, content);
}
