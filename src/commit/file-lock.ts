/**
 * An advisory lock beside a CIB file (`<path>.tcrm-lock`), created O_EXCL and holding the
 * owner's pid, so that two tcrm processes committing to the same file take turns. A lock whose
 * pid is no longer running is stale and taken over.
 */
import { promises as fs } from 'node:fs';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  pollMs?: number;
}

export type LockOutcome = { ok: true; release: () => Promise<void> } | { ok: false; holder: number | null };

export function lockPathFor(path: string): string {
  return `${path}.tcrm-lock`;
}

export async function acquireFileLock(path: string, opts: LockOptions = {}): Promise<LockOutcome> {
  const lockPath = lockPathFor(path);
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  const poll = opts.pollMs ?? 25;
  const token = `${process.pid}\n`;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx', 0o644);
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return { ok: true, release: () => releaseIfOurs(lockPath, token) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await lockHolder(lockPath);
    if (holder.stale) {
      // Remove only the stale file we looked at; if someone replaced it meanwhile, retry.
      await fs.rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) return { ok: false, holder: holder.pid };
    await new Promise((r) => setTimeout(r, poll));
  }
}

async function lockHolder(lockPath: string): Promise<{ pid: number | null; stale: boolean }> {
  let text: string;
  let ageMs: number;
  try {
    text = await fs.readFile(lockPath, 'utf8');
    ageMs = Date.now() - (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return { pid: null, stale: false }; // gone already: the next attempt will create it
  }
  const pid = Number.parseInt(text.trim(), 10);
  // An empty lock is one being written right now, unless it has stayed empty for a while.
  if (!Number.isInteger(pid) || pid <= 0) return { pid: null, stale: ageMs > 2_000 };
  return { pid, stale: !processAlive(pid) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseIfOurs(lockPath: string, token: string): Promise<void> {
  try {
    if ((await fs.readFile(lockPath, 'utf8')) === token) await fs.rm(lockPath, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}
