/**
 * Replacing a file so that a crash or error at any point leaves either the old or the new
 * content, never a mix: write a temporary file in the same directory, fsync it, give it the old
 * file's owner and mode, rename it over the old one, fsync the directory.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteHooks {
  /** Replaces fs.rename (tests inject a failure here). */
  rename?: (from: string, to: string) => Promise<void>;
}

export async function writeFileAtomically(path: string, content: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = dirname(path);
  const old = await fs.stat(path).catch(() => null);
  const mode = old ? old.mode & 0o7777 : 0o644;
  const temp = join(dir, `.${basename(path)}.tcrm-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.chmod(mode); // the umask may have narrowed the mode given to open()
      if (old && (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())) {
        await handle.chown(old.uid, old.gid);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await (hooks.rename ?? fs.rename)(temp, path);
    renamed = true;
    await syncDirectory(dir);
  } finally {
    if (!renamed) await fs.rm(temp, { force: true });
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
