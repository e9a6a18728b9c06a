/**
 * Runs one logical line: the navigation plan from the grammar (levels entered, moves, the
 * command), then the command itself — a configure object statement or a shell command — then
 * the levels a line "in transit" entered are left again (committing without the question).
 */
import { diag } from '../diagnostic.js';
import { planLine, type NavMove, type NavRun } from '../grammar/navigate.js';
import { parseConfigureStatement } from '../grammar/parse-configure.js';
import { pathSegments } from '../grammar/levels.js';
import type { LogicalLine, Word } from '../grammar/words.js';
import { runShellCommand } from './commands.js';
import type { Session } from './session.js';

export async function dispatchLine(session: Session, line: LogicalLine): Promise<boolean> {
  const plan = planLine(session.levels.join('/'), line.words);
  const lastEntered = plan.enter[plan.enter.length - 1];
  const matched = plan.run?.command ?? (lastEntered ? pathSegments(lastEntered).pop() : undefined);
  if (matched) session.lastCommand = matched;
  const problems = plan.diagnostics.filter((d) => d.severity === 'error');
  for (const d of plan.diagnostics) if (d.severity !== 'error') session.report(d);

  let entered = 0;
  let ok = true;
  for (const path of plan.enter) {
    if (!(await enterLevel(session, path))) {
      ok = false;
      break;
    }
    entered++;
  }
  if (ok) {
    for (const move of plan.moves) {
      if (!(await applyMove(session, move))) {
        ok = false;
        break;
      }
    }
  }
  if (ok && problems.length === 0 && plan.run) {
    // crmsh rewrites some words (`property -h` → `help property`): run what the plan says.
    const words = plan.words.filter((w): w is Word => typeof w !== 'string');
    const planned = words.length === plan.words.length ? { ...line, words } : line;
    ok = await runCommand(session, plan.run, planned);
  }
  for (const d of problems) session.report(d);
  if (problems.length > 0) ok = false;

  // Leave what this line entered (in transit: configure commits without asking).
  const toLeave = plan.run || !plan.ok ? Math.min(plan.leaveAfter, entered) : 0;
  for (let i = 0; i < toLeave; i++) {
    if (!(await session.leaveLevel({ transit: true }))) ok = false;
  }
  // Staying after `cancel` to the pending-changes question is the user's choice, not a failure.
  return ok || session.leaveCancelled;
}

async function enterLevel(session: Session, path: string): Promise<boolean> {
  const segs = pathSegments(path);
  const name = segs[segs.length - 1]!;
  if (name === 'configure' && !session.configure) {
    if (!(await session.enterConfigure())) return false;
  }
  session.levels = segs;
  return true;
}

async function applyMove(session: Session, move: NavMove): Promise<boolean> {
  switch (move.op) {
    case 'enter':
      return enterLevel(session, move.path);
    case 'leave':
      return session.leaveLevel({ transit: !move.ask });
    case 'quit': {
      const ok = session.levels.length > 0 ? await session.leaveLevel({ transit: false }) : true;
      // `cancel` to the pending-changes question: stay, do not quit.
      if (session.leaveCancelled) return false;
      session.quitRequested = true;
      return ok;
    }
  }
}

async function runCommand(session: Session, run: NavRun, line: LogicalLine): Promise<boolean> {
  if (run.spec.kind === 'object') {
    const cfg = session.configure;
    if (!cfg) {
      session.report(diag('TCRM0010', 'error', `${run.command}: not in a configure session`, line.words[run.argStart - 1]?.at));
      return false;
    }
    const sub = commandLine(line, run.argStart - 1);
    const { stmt, diagnostics } = parseConfigureStatement(sub, run.command);
    if (!session.reportAll(diagnostics) || !stmt) return false;
    const { diagnostics: lowered, failed } = cfg.apply(stmt, sub);
    for (const d of lowered) session.report(d);
    return !failed;
  }
  return runShellCommand(session, run, line);
}

/** The part of a line from word `from` on: what crmsh echoes in `parsing '…'`. */
export function commandLine(line: LogicalLine, from: number): LogicalLine {
  if (from <= 0) return line;
  const words = line.words.slice(from);
  return { ...line, words, text: words.map((w) => w.text).join(' '), at: words[0]?.at ?? line.at };
}
