/**
 * Vitest helper for system suites that need a live cluster: call `useLabCluster()` at the top of
 * the test file. One cluster per file: it comes up in beforeAll, every test starts from the
 * baseline configuration (`cibadmin --replace`, not a restart), and it goes down in afterAll, or
 * on exit / SIGINT / SIGTERM of the worker if the run is interrupted.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { LabEnv } from './lab-env.js';
import { labDown, labDownSync, labUp, resetCluster } from './lab-control.js';
import { acquireLabLock, holdsLabLock, releaseLabLock } from './lab-lock.js';

// Covers waiting up to 30 min for another file's lab (lab-lock.ts) plus the bring-up.
const SETUP_TIMEOUT_MS = 40 * 60_000;

let teardownInstalled = false;
function onExit(): void {
  if (!holdsLabLock()) return;
  labDownSync();
  releaseLabLock();
}
function onSignal(signal: NodeJS.Signals): void {
  onExit();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Tears the lab down however this process ends. */
export function installExitTeardown(): void {
  if (teardownInstalled) return;
  teardownInstalled = true;
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export function removeExitTeardown(): void {
  if (!teardownInstalled) return;
  teardownInstalled = false;
  process.off('exit', onExit);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

/**
 * Takes the machine's lab for this file; a lab left over by a killed run is torn down first.
 * `onBringUp` is called once the lock is held, right before `lab.sh up` (to time the bring-up
 * without the wait for other files' labs).
 */
export async function startOwnLab(nodeCount: 1 | 2, onBringUp?: () => void): Promise<LabEnv> {
  await acquireLabLock();
  installExitTeardown();
  await labDown(); // we hold the lock, so anything there is a leftover
  onBringUp?.();
  return labUp(nodeCount);
}

export async function stopOwnLab(): Promise<void> {
  if (!holdsLabLock()) return; // never tear down a lab another file owns
  try {
    await labDown();
  } finally {
    releaseLabLock();
    removeExitTeardown();
  }
}

export function useLabCluster(nodeCount: 1 | 2 = 2): () => LabEnv {
  let env: LabEnv | undefined;
  beforeAll(async () => {
    env = await startOwnLab(nodeCount);
  }, SETUP_TIMEOUT_MS);
  beforeEach(async () => {
    if (env) await resetCluster(env);
  }, SETUP_TIMEOUT_MS);
  afterAll(stopOwnLab, SETUP_TIMEOUT_MS);
  return () => {
    if (!env) throw new Error('the lab cluster is not up (its beforeAll failed)');
    return env;
  };
}
