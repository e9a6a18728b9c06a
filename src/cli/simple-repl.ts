/**
 * A plain line-editing prompt (node:readline) used until the Ink REPL lands: crmsh's prompt,
 * continuation lines, yes/no questions. It feeds the same Session as batch mode.
 */
import { createInterface } from 'node:readline';
import { hostname } from 'node:os';
import type { RunIO } from './io.js';
import type { Session } from '../session/session.js';
import { splitLogicalLines } from '../grammar/split-words.js';

export function promptFor(session: Session, host = hostname().split('.')[0]): string {
  const levels = session.levels.join(' ');
  return `crm(${session.source.label}/${host})${levels}# `;
}

/** Lines typed at the terminal, one at a time, each read after showing its prompt. */
class LineSource {
  private readonly queue: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;

  constructor(private readonly rl: ReturnType<typeof createInterface>) {
    rl.on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.queue.push(line);
    });
    rl.on('close', () => {
      this.closed = true;
      this.waiting?.(null);
      this.waiting = null;
    });
  }

  next(prompt: string): Promise<string | null> {
    this.rl.setPrompt(prompt);
    this.rl.prompt();
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolveLine) => (this.waiting = resolveLine));
  }
}

export async function runInteractive(session: Session, io: RunIO): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const lines = new LineSource(rl);
  session.opts.ask = async (question) => {
    for (;;) {
      const answer = await lines.next(`${question.replace(/\?$/, '')} (y/n)? `);
      if (answer === null) return false;
      const a = answer.trim().toLowerCase();
      if (a.startsWith('y')) return true;
      if (a.startsWith('n')) return false;
    }
  };
  let pending = '';
  for (;;) {
    const physical = await lines.next(pending ? '   > ' : promptFor(session));
    if (physical === null) break;
    const stripped = physical.trim();
    if (stripped.endsWith('\\')) {
      pending += stripped.replace(/\\+$/, '');
      continue;
    }
    const text = pending + stripped;
    pending = '';
    for (const line of splitLogicalLines(text, '<stdin>')) await session.executeLine(line);
    if (session.quitRequested) break;
  }
  if (!session.quitRequested) await session.finish();
  rl.close();
  io.stdout('bye\n');
  return session.failed ? 1 : 0;
}
