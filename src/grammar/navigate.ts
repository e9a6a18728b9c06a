/**
 * How one input line moves the user through the level tree, as a plan the session engine
 * executes. Pure: no CIB, no prompts.
 *
 * crmsh's rules (4.4.1):
 * - words are consumed left to right: a level word enters that level, the first command word
 *   stops the walk and gets the rest of the line as arguments;
 * - a line that entered levels and then ran a command ("in transit": `configure show`,
 *   `cib new x`) leaves those levels afterwards; leaving `configure` then commits without the
 *   pending-changes question (verification problems still ask `Do you still want to commit`);
 * - a line made only of level words stays in the last level (`configure`, `configure ra`);
 * - on any error the levels entered by the line are left again, except that every `cd` segment
 *   that moved is kept (`cd configure/foo` fails but stays in configure);
 * - `up`/`cd`/`quit` change the path themselves; after `up` or `cd` the new place is kept even
 *   when the line entered levels first (`configure cd ra` ends in configure/ra);
 * - any level left during a line that entered a level skips the pending-changes question
 *   (crmsh's in-transit flag); `quit` always runs the current level's exit hook with questions
 *   allowed, and only that level's hook.
 */
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import type { Word } from './words.js';
import { joinPath, levelSpecOf, pathSegments, qualifiedName, type CommandSpec } from './levels.js';
import { matchCommand, resolveWord } from './match-command.js';
import { arityError, unsupportedError as unsupported } from './shell-arity.js';

export type NavMove =
  /** Push a level (its path after the move). */
  | { op: 'enter'; path: string }
  /** Pop the current level, running its exit hook; `ask`: the pending-changes question may be asked. */
  | { op: 'leave'; from: string; ask: boolean }
  /** Run the current level's exit hook (questions allowed) and end the program. */
  | { op: 'quit'; from: string };

export interface NavRun {
  /** Level path where the command runs. */
  level: string;
  command: string;
  spec: CommandSpec;
  /** Index of the first argument word in the line. */
  argStart: number;
}

export interface NavPlan {
  ok: boolean;
  /** WARNING/INFO lines of the matched words, then at most one ERROR. */
  diagnostics: Diagnostic[];
  /** Level paths entered by level words, in order; each entered in transit. */
  enter: string[];
  /** The command at the end of the line, if any. */
  run?: NavRun;
  /** Path changes made by a navigation command (up, cd, quit), after `enter`. */
  moves: NavMove[];
  /** Levels to leave once the command has run (or failed): exit hooks run without questions. */
  leaveAfter: number;
  /** A level was entered by this line: leaving a level skips the pending-changes question. */
  transit: boolean;
  /** Where the user is after the line, if every step succeeds. */
  finalPath: string;
  /**
   * The words `run.argStart` indexes: the input words, except that crmsh rewrites
   * `… property -h` (or `--help`) into `… help property`.
   */
  words: WordLike[];
}

export type WordLike = string | Word;

const textOf = (w: WordLike): string => (typeof w === 'string' ? w : w.text);
const atOf = (w: WordLike): Position | undefined => (typeof w === 'string' ? undefined : w.at);

/**
 * Plan a line typed at level `path` ('' for the root, 'configure/ra' when nested). `input` is the
 * line's words; comment and empty lines are the caller's business.
 */
export function planLine(path: string, input: readonly WordLike[]): NavPlan {
  const start = pathSegments(path);
  let segs = [...start];
  const words = propertyHelpRewrite(input);
  const plan: NavPlan = { ok: true, diagnostics: [], enter: [], moves: [], leaveAfter: 0, transit: false, finalPath: joinPath(start), words };
  const fail = (d: Diagnostic): NavPlan => {
    plan.diagnostics.push(d);
    plan.ok = false;
    plan.leaveAfter = Math.max(0, segs.length - start.length);
    plan.finalPath = joinPath(segs.slice(0, Math.min(segs.length, start.length)));
    return plan;
  };

  for (let i = 0; i < words.length; i++) {
    const here = joinPath(segs);
    const m = matchCommand(here, textOf(words[i]), atOf(words[i]));
    plan.diagnostics.push(...m.diagnostics);
    if (!m.ok) return fail(plan.diagnostics.pop()!);
    if (!m.spec.supported) return fail(unsupported(here, m.spec, atOf(words[i])));
    if (m.spec.kind === 'level') {
      segs = [...segs, m.spec.name];
      plan.enter.push(joinPath(segs));
      plan.transit = true;
      continue;
    }
    plan.run = { level: here, command: m.spec.name, spec: m.spec, argStart: i + 1 };
    const args = words.slice(i + 1).map(textOf);
    if (m.spec.name === 'up' || m.spec.name === 'cd' || m.spec.name === 'quit') {
      return planNavigation(plan, start, segs, m.spec, args, atOf(words[i]));
    }
    plan.leaveAfter = segs.length - start.length;
    plan.finalPath = joinPath(start);
    return plan;
  }
  plan.finalPath = joinPath(segs);
  return plan;
}

/** crmsh turns `property -h` / `property --help` (as the last two words) into `help property`. */
function propertyHelpRewrite(words: readonly WordLike[]): WordLike[] {
  const n = words.length;
  if (n < 2 || textOf(words[n - 2]) !== 'property') return [...words];
  const last = words[n - 1];
  if (textOf(last) !== '-h' && textOf(last) !== '--help') return [...words];
  const help: WordLike = typeof last === 'string' ? 'help' : { ...last, text: 'help' };
  return [...words.slice(0, n - 2), help, words[n - 2]];
}

function planNavigation(
  plan: NavPlan,
  start: string[],
  entered: string[],
  spec: CommandSpec,
  args: string[],
  at?: Position,
): NavPlan {
  let segs = [...entered];
  const here = joinPath(segs);
  const finish = (): NavPlan => {
    plan.finalPath = joinPath(segs);
    return plan;
  };
  // crmsh saves the level stack after every `cd` segment that moved, so only a failure in the
  // first segment backs out the levels the line entered before `cd`.
  let moved = false;
  const fail = (d: Diagnostic): NavPlan => {
    plan.ok = false;
    plan.diagnostics.push(d);
    plan.leaveAfter = moved ? 0 : Math.max(0, segs.length - start.length);
    plan.finalPath = joinPath(moved ? segs : segs.slice(0, Math.min(segs.length, start.length)));
    return plan;
  };
  const arity = arityError(here, spec, args.length, at);
  if (arity) return fail(arity);

  const leave = (): void => {
    moved = true;
    if (segs.length === 0) return;
    plan.moves.push({ op: 'leave', from: joinPath(segs), ask: !plan.transit });
    segs = segs.slice(0, -1);
  };

  if (spec.name === 'quit') {
    plan.moves.push({ op: 'quit', from: here });
    return finish();
  }
  if (spec.name === 'up') {
    leave();
    return finish();
  }
  // cd: `a/b/c` is a, then b, then c; `..` goes up, `.` and empty stay.
  const target = args[0] ?? '..';
  for (const part of target.split('/')) {
    if (part === '..') {
      leave();
      continue;
    }
    if (part === '.' || part === '') continue;
    const now = joinPath(segs);
    const found = resolveWord(now, part);
    if ('error' in found) return fail(diag('CRM', 'error', `${qualifiedName(now, 'cd')}: ${found.error}`, at));
    const child = 'spec' in found ? found.spec : undefined;
    if (!child || child.kind !== 'level') {
      const levelName = levelSpecOf(now)?.name ?? 'root';
      return fail(diag('CRM', 'error', `${qualifiedName(now, 'cd')}: ${part} not found in ${levelName}`, at));
    }
    if (!child.supported) return fail(unsupported(now, child, at));
    segs = [...segs, child.name];
    moved = true;
    plan.moves.push({ op: 'enter', path: joinPath(segs) });
    plan.transit = true;
  }
  return finish();
}
