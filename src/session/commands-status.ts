/**
 * `status` (commands.md §3): crmsh runs `crm_mon -1` with mapped options and prints its text.
 * tcrm renders crm_mon's XML itself for the default view (`inactive`, `failcounts`), so the
 * output is the same over SSH and can be coloured on a terminal; any other option goes to
 * crm_mon unchanged, as crmsh does. `watch[=SECONDS]` (tcrm's) refreshes until interrupted.
 */
import { Chalk } from 'chalk';
import { message } from '../messages/catalog.js';
import { renderStatus, type StatusPaint } from '../ops/status/render-text.js';
import { crmMonState, reportCrmMonFailure } from '../ops/status/crm-mon.js';
import { printToolResult, runTool } from '../ops/session-ops.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';

/** Options tcrm renders itself; anything else is crm_mon's business. */
const RENDERED = new Set(['-r', '-f', '-c']);

function painter(session: Session): StatusPaint | undefined {
  if (!session.opts.colour) return undefined;
  const chalk = new Chalk({ level: 1 });
  const paint = { good: chalk.green, warn: chalk.yellow, bad: chalk.red } as const;
  return (word, text) => paint[word](text);
}

async function statusOnce(session: Session, crmMonArgs: string[]): Promise<boolean> {
  if (crmMonArgs.every((a) => RENDERED.has(a))) {
    const state = await crmMonState(session);
    if (!state) return false;
    const lines = renderStatus(state, {
      inactive: crmMonArgs.includes('-r'),
      failcounts: crmMonArgs.includes('-f'),
      tickets: crmMonArgs.includes('-c'),
      ...(painter(session) ? { paint: painter(session)! } : {}),
    });
    session.out.print(lines.join('\n'));
    return true;
  }
  const r = await runTool(session, ['crm_mon', '-1', ...crmMonArgs]);
  if (!r) return false;
  if (r.code !== 0) {
    reportCrmMonFailure(session, r.code, r.stderr);
    return false;
  }
  printToolResult(session, { stdout: r.stdout, stderr: '' });
  return true;
}

/** Waits `ms`, or less if the user interrupts: true when the whole wait ran. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve(!signal.aborted);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export const STATUS_HANDLERS: HandlerTable = {
  'root.status': async (session, cmd) => {
    const watchAt = cmd.options.findIndex((o) => o === 'watch' || o.startsWith('watch='));
    if (watchAt < 0) return statusOnce(session, cmd.crmMonArgs);
    const word = cmd.options[watchAt]!;
    const seconds = Math.max(1, Number.parseInt(word.split('=')[1] ?? '5', 10) || 5);
    const args = cmd.crmMonArgs.filter((_, i) => i !== watchAt);
    const rest = args.length === 0 ? ['-r'] : args;
    // TCRM_WATCH_COUNT bounds the refreshes (tests, scripts); otherwise until interrupted.
    const limit = Number.parseInt(session.env.TCRM_WATCH_COUNT ?? '', 10) || Infinity;
    session.notice(message('TCRM6009', { seconds }));
    // Ctrl-C is how a watch normally ends: the command then succeeds.
    for (let i = 0; i < limit; i++) {
      if (i > 0) {
        if (!(await pause(seconds * 1000, session.interrupted))) return true;
        session.out.print('');
      }
      if (!(await statusOnce(session, rest))) return session.interrupted.aborted;
    }
    return true;
  },
};
