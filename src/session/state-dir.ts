import { join } from 'node:path';

/** `$XDG_STATE_HOME/tcrm` (default `~/.local/state/tcrm`): offline CIB, workstation shadows, history. */
export function stateDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_STATE_HOME || join(env.HOME || '/tmp', '.local', 'state');
  return join(base, 'tcrm');
}

/** `$XDG_CONFIG_HOME/tcrm` (default `~/.config/tcrm`): options and cluster profiles. */
export function configDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || '/tmp', '.config');
  return join(base, 'tcrm');
}
