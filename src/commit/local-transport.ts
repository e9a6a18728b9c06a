/**
 * Runs a program on this machine: argv only (never a shell string), stdin given as data, exit
 * code and output returned as values (a missing program is exit 127, not an exception).
 */
import { execFile } from 'node:child_process';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function localExec(env: Record<string, string | undefined>, timeoutMs = 30_000) {
  return (argv: string[], opts: { stdin?: string } = {}): Promise<ExecResult> =>
    new Promise((resolveResult) => {
      const child = execFile(
        argv[0]!,
        argv.slice(1),
        { env: { ...env, LC_ALL: 'C' } as NodeJS.ProcessEnv, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
          resolveResult({ code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
      if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
      else child.stdin?.end();
    });
}
