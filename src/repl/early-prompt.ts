/**
 * The first prompt before anything heavy loads (notes/ink-repl.md "First prompt fast"): the
 * prompt string written straight away, the terminal put in raw mode without reading (keys typed
 * meanwhile wait in the terminal's buffer), then the rest of tcrm and Ink load. Imports nothing
 * but node builtins so that its chunk stays tiny.
 */
import { hostname } from 'node:os';

/** What the real prompt will say at the root level, from the environment alone. */
export function earlyPromptText(env: Record<string, string | undefined>): string {
  const label = env.CIB_shadow || 'live';
  return `crm(${label}/${hostname().split('.')[0]})# `;
}

export function showEarlyPrompt(env: Record<string, string | undefined>): void {
  const colour = (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
  const text = earlyPromptText(env);
  process.stdout.write(colour ? `\x1b[32m\x1b[1m${text}\x1b[22m\x1b[39m` : text);
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
}
