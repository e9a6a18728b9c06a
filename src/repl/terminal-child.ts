/**
 * A program that takes over the terminal ($EDITOR, a pager). The command is the user's own
 * setting and may carry arguments (`EDITOR="vim -n"`), so it goes to `sh -c` as the program
 * part while the file is passed as `$1`, never spliced into the string.
 */
import { spawnSync } from 'node:child_process';

/** A pager reading `text` on its stdin (it reads keys from the terminal itself); its exit status. */
export function pipeToTerminalProgram(command: string, text: string, env: Record<string, string | undefined>): number {
  const r = spawnSync('sh', ['-c', command], { input: text, stdio: ['pipe', 'inherit', 'inherit'], env: env as NodeJS.ProcessEnv });
  if (r.error) return 127;
  return r.status ?? 1;
}

export function runOnTerminal(command: string, file: string, env: Record<string, string | undefined>): number {
  const r = spawnSync('sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
  if (r.error) return 127;
  return r.status ?? 1;
}
