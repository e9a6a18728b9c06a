/** Where the bundled agent data lives: `TCRM_DATA_DIR/agents`, else the first `data/agents`
 *  found walking up from this module (src/agents/ in development, dist/ in the bundle). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

export function agentDataDir(): string {
  if (found) return found;
  if (process.env.TCRM_DATA_DIR) return (found = join(process.env.TCRM_DATA_DIR, 'agents'));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'data', 'agents');
    if (existsSync(join(candidate, 'index.json'))) return (found = candidate);
    dir = resolve(dir, '..');
  }
  throw new Error('tcrm data directory (data/agents) not found');
}
