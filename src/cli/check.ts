/** `tcrm check FILE…` — placeholder until issue 4 lands (owned by the check work). */
import type { RunIO } from './io.js';

export async function runCheck(_argv: string[], io: RunIO, _opts: { lang: string }): Promise<number> {
  io.stderr('ERROR: tcrm check: not implemented yet\n');
  return 2;
}
