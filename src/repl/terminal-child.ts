/**
 * A program that takes over the terminal ($EDITOR, a pager). The command is the user's own
 * setting and may carry arguments (`EDITOR="vim -n"`), so it goes to `sh -c` as the program
 * part while the file is passed as `$1`, never spliced into the string.
 */
import { spawnSync, type StdioOptions } from 'node:child_process';

type Env = Record<string, string | undefined>;

/** The editor on `file`; its exit status (127 when it could not start). */
export function runOnTerminal(command: string, file: string, env: Env): number {
  return shellOnTerminal(['-c', `${command} "$1"`, 'sh', file], env);
}

/** A pager reading `text` on its stdin (it reads keys from the terminal itself); its exit status. */
export function pipeToTerminalProgram(command: string, text: string, env: Env): number {
  return shellOnTerminal(['-c', command], env, text);
}

/** `sh ARGS` with the terminal's stdout and stderr, and stdin too unless `input` is given. */
function shellOnTerminal(args: string[], env: Env, input?: string): number {
  const stdio: StdioOptions = input === undefined ? 'inherit' : ['pipe', 'inherit', 'inherit'];
  const r = spawnSync('sh', args, { stdio, env: env as NodeJS.ProcessEnv, ...(input === undefined ? {} : { input }) });
  if (r.error) return 127;
  return r.status ?? 1;
}
