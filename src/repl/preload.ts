/**
 * The early start of a bare `tcrm` on a terminal: the REPL is mounted and takes keys before the
 * rest of tcrm (grammar, CIB, schema) has loaded; lines typed meanwhile run once the session is
 * attached by `runInkRepl`. Nothing here is reached on the batch path.
 */
import { mountRepl, type MountedRepl } from './mount-repl.js';

let preloaded: MountedRepl | null = null;

export async function preloadRepl(env: Record<string, string | undefined>): Promise<void> {
  preloaded = await mountRepl(env, {});
}

/** The early REPL, handed over once (to `runInkRepl`). */
export function takePreloaded(): MountedRepl | null {
  const p = preloaded;
  preloaded = null;
  return p;
}

/** When tcrm ended without starting the REPL (an error before it), release the terminal. */
export function releasePreloaded(): void {
  const p = takePreloaded();
  p?.terminal.exit(0);
}
