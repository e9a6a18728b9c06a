/**
 * Runs a program on this machine as a plain function (what the agent catalog and `check` take):
 * a thin view of the one local transport, so that argv handling, `LC_ALL=C`, timeouts and the
 * exit code of a missing program (127) are decided in one place, `src/transport/local.ts`.
 */
import { LocalTransport } from '../transport/local.js';
import type { ExecResult } from '../transport/types.js';

export type { ExecResult };

export function localExec(env: Record<string, string | undefined>, timeoutMs = 30_000) {
  const transport = new LocalTransport(env);
  return (argv: string[], opts: { stdin?: string } = {}): Promise<ExecResult> =>
    transport.exec(argv, { timeoutMs, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}) });
}
