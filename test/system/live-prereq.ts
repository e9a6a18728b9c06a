/** A system test whose tool is missing fails under CI and is skipped (loudly) elsewhere. */
import { spawnSync } from 'node:child_process';

export function requireTool(name: string): boolean {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name]).status === 0;
  if (found) return true;
  if (process.env.CI === 'true') throw new Error(`${name} is not installed: this system test needs it`);
  console.warn(`SKIPPED: ${name} is not installed`);
  return false;
}
