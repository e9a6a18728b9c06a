/** The local transport: Pacemaker's tools on this machine, through child_process, argv only. */
import { spawn } from 'node:child_process';
import { INTERRUPTED_CODE, type ExecOptions, type ExecResult, type Transport } from './types.js';

export class LocalTransport implements Transport {
  readonly where = 'local';
  nodeName?: string;

  constructor(private readonly baseEnv: Record<string, string | undefined>) {}

  exec(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return new Promise((resolveResult) => {
      const env = { ...this.baseEnv, LC_ALL: 'C', ...opts.env } as NodeJS.ProcessEnv;
      const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      let interrupted = false;
      const interrupt = (): void => {
        interrupted = true;
        child.kill('SIGKILL');
      };
      if (opts.signal?.aborted) interrupt();
      else opts.signal?.addEventListener('abort', interrupt, { once: true });
      if (opts.timeoutMs) {
        timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs);
      }
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.stdin.on('error', () => {});
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', interrupt);
        resolveResult({ code: 127, stdout: '', stderr: `${argv[0]}: ${e.code ?? e.message}\n` });
      });
      let settled = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', interrupt);
        const stdout = Buffer.concat(out).toString('utf8');
        if (interrupted) {
          resolveResult({ code: INTERRUPTED_CODE, stdout, stderr: Buffer.concat(err).toString('utf8') });
          return;
        }
        const stderr = Buffer.concat(err).toString('utf8') + (timedOut ? `${argv[0]}: timed out after ${opts.timeoutMs} ms\n` : '');
        resolveResult({ code: code ?? (signal ? 128 + 9 : 1), stdout, stderr });
      };
      // A program we killed may have left a child holding its output pipes open ('close' would
      // wait for that one too): its own end is enough.
      child.on('exit', (code, signal) => {
        if (!interrupted && !timedOut) return;
        child.stdout.destroy();
        child.stderr.destroy();
        finish(code, signal);
      });
      child.on('close', finish);
      child.stdin.end(opts.stdin ?? '');
    });
  }

  async close(): Promise<void> {}
}
