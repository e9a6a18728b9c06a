/**
 * One lab per machine (fixed namespace and bridge names), so test files that need it take turns:
 * an exclusive directory next to the lab directory, owned by a PID, taken over when that PID is
 * dead (a run killed with SIGKILL).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { labDir } from './lab-env.js';

const lockDir = (): string => `${labDir()}.lock`;

function ownerAlive(): boolean {
  try {
    process.kill(Number(readFileSync(`${lockDir()}/owner`, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireLabLock(timeoutMs = 30 * 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir());
      writeFileSync(`${lockDir()}/owner`, String(process.pid));
      return;
    } catch {
      // Taken; the owner file may not be written yet, so give a fresh lock a moment before judging.
      if (Date.now() - started > 2_000 && !ownerAlive()) rmSync(lockDir(), { recursive: true, force: true });
    }
    if (Date.now() - started > timeoutMs) throw new Error(`lab lock ${lockDir()} still held after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export function holdsLabLock(): boolean {
  try {
    return Number(readFileSync(`${lockDir()}/owner`, 'utf8')) === process.pid;
  } catch {
    return false;
  }
}

export function releaseLabLock(): void {
  if (!holdsLabLock()) return;
  rmSync(lockDir(), { recursive: true, force: true });
}
