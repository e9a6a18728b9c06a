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

export async function runInteractive(session: Session, io: RunIO): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string): Promise<boolean> =>
    new Promise((resolveAnswer) => {
      const loop = (): void =>
        rl.question(`${q.replace(/\?$/, '')} (y/n)? `, (answer) => {
          const a = answer.trim().toLowerCase();
          if (a.startsWith('y')) resolveAnswer(true);
          else if (a.startsWith('n')) resolveAnswer(false);
          else loop();
        });
      loop();
    });
  (session.opts as { ask?: typeof ask }).ask = ask;
  let pending = '';
  rl.setPrompt(promptFor(session));
  rl.prompt();
  for await (const physical of rl) {
    const stripped = physical.trim();
    if (stripped.endsWith('\\')) {
      pending += stripped.replace(/\\+$/, '');
      rl.setPrompt('   > ');
      rl.prompt();
      continue;
    }
    const text = pending + stripped;
    pending = '';
    for (const line of splitLogicalLines(text, '<stdin>')) {
      await session.executeLine(line);
    }
    if (session.quitRequested) break;
    rl.setPrompt(promptFor(session));
    rl.prompt();
  }
  rl.close();
  await session.finish();
  io.stdout('bye\n');
  return session.failed ? 1 : 0;
}
