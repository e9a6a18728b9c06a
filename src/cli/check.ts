/** `tcrm check FILE…` (issue 4): the process side of src/check/run-check.ts. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runCheckCommand } from '../check/run-check.js';
import { localExec } from '../commit/local-transport.js';
import type { Lang } from '../messages/catalog.js';
import { colourWanted, linePainter } from './colour.js';
import type { RunIO } from './io.js';
import { VERSION } from './run.js';

export async function runCheck(argv: string[], io: RunIO, opts: { lang: string }): Promise<number> {
  const colour = colourWanted({ env: io.env, isTTY: io.stdoutIsTTY });
  const paint = linePainter(() => colour);
  const style = colour
    ? { error: (s: string) => paint('marker', s), warning: (s: string) => paint('id', s), info: (s: string) => paint('value', s), bold: (s: string) => s }
    : undefined;
  return runCheckCommand(
    argv,
    {
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      readFile: async (p) => readFile(resolve(io.cwd, p)),
      exec: io.env.PATH ? localExec(io.env) : undefined,
      execWithInput: io.env.PATH ? (argv, stdin) => localExec(io.env)(argv, { stdin }) : undefined,
      style,
      version: VERSION,
    },
    opts.lang as Lang,
  );
}
