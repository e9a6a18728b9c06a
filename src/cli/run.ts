/**
 * The whole program as a function: `run(argv, io) → exit code`. The bin wrapper and the tests
 * call it; nothing here touches process.* directly.
 */
import { parseArgs } from './args.js';
import type { RunIO } from './io.js';
import { message, languageFrom } from '../messages/catalog.js';
import { streamOutput } from '../session/output.js';
import { colourWanted, labelStyler } from './colour.js';
import { Session } from '../session/session.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import { requoteArgv } from '../grammar/shell-requote.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { clusterOpener } from '../transport/from-args.js';

export const VERSION = '0.1.0';

export async function run(argv: string[], io: RunIO): Promise<number> {
  const args = parseArgs(argv);
  const lang = languageFrom(io.env, args.lang);
  if (args.errors.length > 0) {
    for (const e of args.errors) io.stderr(`ERROR: ${message(e.code, { option: e.option }, lang)}\n`);
    io.stderr(message('TCRM0002', {}, lang) + '\n');
    return 1;
  }
  if (args.version) {
    io.stdout(`tcrm ${VERSION} (crm 4.4.0 compatible)\n`);
    return 0;
  }
  if (args.help) {
    io.stdout(message('TCRM0002', {}, lang) + '\n');
    return 0;
  }

  if (args.rest[0] === 'check' && args.file === undefined) {
    // `tcrm check FILE…` (issue 4): offline checking and grading of lab answers.
    const { runCheck } = await import('./check.js');
    return runCheck(args.rest.slice(1), io, { lang });
  }

  const colour = colourWanted({ env: io.env, isTTY: io.stdoutIsTTY, display: args.display });
  const out = streamOutput(io.stdout, io.stderr, labelStyler(colour));
  const interactive = args.file === undefined && args.rest.length === 0 && io.stdinIsTTY;
  // --hosts, -C NAME or TCRM_HOSTS: the live cluster is reached over SSH (issue 7).
  // At a prompt an unknown host key is asked about, as ssh does (the session exists by then).
  const askUser = (): ((q: string) => Promise<boolean>) | undefined =>
    session.opts.interactive && session.opts.ask ? session.opts.ask : undefined;
  const cluster = clusterOpener(args, io.env, lang, (text) => io.stderr(text + '\n'), askUser);
  if (!cluster.ok) {
    io.stderr(`ERROR: ${cluster.error}\n`);
    return 1;
  }
  const session = new Session({
    ...(cluster.open ? { openTransport: cluster.open } : {}),
    env: io.env,
    cwd: io.cwd,
    out,
    interactive,
    force: args.force,
    answerNo: args.answerNo,
    colour,
    live: args.live,
    // Standard input is free for `load update -` when the commands come from a file or argv.
    ...((args.file !== undefined && args.file !== '-') || args.rest.length > 0
      ? { readStdin: io.stdin !== undefined ? async () => io.stdin! : io.readStdin }
      : {}),
  });

  for (const [key, value] of args.options) session.settings.set(key.replace(/-/g, '_'), value);
  // -w/--wait: wait for the cluster to settle after each change (options wait yes does the same).
  if (args.wait) session.settings.set('core.wait', 'yes');

  if (args.cib) {
    const ok = await session.executeLine(splitLogicalLines(`cib use ${args.cib}`, '<argv>')[0]!);
    if (!ok) return 1;
  }

  let text: string;
  let file: string;
  if (args.rest.length > 0 && args.file !== undefined) {
    // `crm -f FILE configure`: the words name the level the file's lines start in.
    const start = splitLogicalLines(requoteArgv(args.rest), '<argv>')[0];
    if (start && !(await session.executeLine(start))) return 1;
  }
  const levelStart =
    args.rest.length > 0 && args.file === undefined && io.stdinIsTTY && io.stdoutIsTTY
      ? (await import('../repl/level-start.js')).levelStartLine(requoteArgv(args.rest))
      : undefined;
  if (levelStart) {
    // `tcrm configure` on a terminal: an interactive session already inside that level.
    session.opts.interactive = true;
    if (!(await session.executeLine(levelStart))) return 1;
    const { runInkRepl } = await import('../repl/start.js');
    return runInkRepl(session, io, { display: args.display });
  }
  if (args.rest.length > 0 && args.file === undefined) {
    // One-shot: the words form one line; leaving the levels entered commits (in transit).
    text = requoteArgv(args.rest);
    file = '<argv>';
  } else if (args.file !== undefined && args.file !== '-') {
    file = args.file;
    try {
      text = await readFile(resolve(io.cwd, args.file), 'utf8');
    } catch (e) {
      const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e);
      io.stderr(`ERROR: ${message('TCRM0005', { path: args.file, reason }, lang)}\n`);
      return 1;
    }
  } else if (!interactive) {
    file = '<stdin>';
    text = io.stdin ?? '';
  } else if (io.stdoutIsTTY && io.env.TCRM_SIMPLE_PROMPT !== '1') {
    // A terminal on both ends: the Ink REPL (loaded only here, never on the batch path).
    const { runInkRepl } = await import('../repl/start.js');
    return runInkRepl(session, io, { display: args.display });
  } else {
    const { runInteractive } = await import('./simple-repl.js');
    return runInteractive(session, io);
  }

  // crm never runs a statement whose `\` continuation runs into the end of the input; tcrm does
  // the same, and says so (a plain notice, not one of crm's message lines).
  const lines = splitLogicalLines(text, file, { dropUnfinished: true });
  if (/\\[ \t]*\r?\n?$/.test(text)) {
    const unfinished = splitLogicalLines(text, file).at(-1);
    if (unfinished && unfinished.text !== lines.at(-1)?.text) {
      session.notice(message('TCRM0010', { file, line: unfinished.at.line }, lang));
    }
  }
  for (const line of lines) {
    await session.executeLine(line);
    if (session.quitRequested) break;
  }
  await session.finish();
  return session.failed ? 1 : 0;
}
