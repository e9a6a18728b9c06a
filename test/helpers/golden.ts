/**
 * Comparing a tcrm run with crmsh's recorded result for one golden fixture.
 *
 * What is compared, after normalisation (below):
 *   - exit status: equal;
 *   - the resulting CIB's canonical `<configuration>` (expected.cib.xml): equal;
 *   - `configure show` on the resulting CIB (expected.show.txt): equal;
 *   - standard output: every line, in order (so `show` inside a script is compared too),
 *     except crm_verify lines (see below);
 *   - standard error: the message lines (`ERROR:` / `WARNING:` / `INFO:`), in order, except
 *     crm_verify lines; other stderr text (a tool's own chatter, Python tracebacks) is not
 *     compared;
 *   - crm_verify lines, from both streams: compared on the text after the level word, as a
 *     sorted list (DECISIONS.md "Checks at commit": crmsh relabels pacemaker's levels, which
 *     also moves lines between stdout and stderr); "lack of quorum" lines are exempt (offline,
 *     tcrm counts the CIB as quorate; crmsh's base CIB has no have-quorum).
 *
 * Normalisation, applied to both sides:
 *   - ANSI colour codes stripped, CRLF → LF, the run's temp dir replaced by `<TMP>`;
 *   - tcrm's extra lines dropped: a line that starts with two spaces and directly follows a
 *     message line (or another such extra line) is tcrm's own position / hint text under a
 *     crmsh message. crmsh never prints such a line on stdout in the corpus (`show xml` lines
 *     start with two spaces too, but never right after a message line); the differential test
 *     checks that the recording keeps it that way. On stderr crmsh does (cibadmin's numbered
 *     XML dump before a traceback), but stderr is compared on message lines only.
 */
import { expect as globalExpect, type ExpectStatic } from 'vitest';
import type { RunIO } from '../../src/cli/io.js';
import {
  fixtureArgv,
  fixtureEnv,
  fixtureStdin,
  normaliseOutput,
  prepareRunDir,
  removeRunDir,
  resultingConfiguration,
  type Fixture,
  type Outcome,
} from './fixtures.js';

export type RunFn = (argv: string[], io: RunIO) => Promise<number>;

/** Values of meta.needs: the later feature a fixture's crmsh result depends on. */
export const NEEDS_VOCABULARY: Record<string, string> = {
  verify: "agent metadata and crmsh's semantic checks at commit (unknown or missing parameters, advised timeouts, missing agents, references to unknown resources or nodes, option values)",
  schema: 'RelaxNG validation at commit: the crm_verify schema lines (DECISIONS.md compares them by element and id, not yet done here)',
  'crmsh-bug': 'crmsh 4.4.1 crashes with a Python traceback here; what tcrm prints instead is decided per case',
  cascade: 'cascading edits (delete, rename, modgroup, erase, load)',
  set: 'the configure set command',
  shadow: 'shadow CIBs (cib new / use / commit)',
  live: 'a live cluster',
  divergence: 'tcrm departs from crmsh here on purpose (the note says why)',
};

export function skipReason(fixture: Fixture): string | undefined {
  const needs = fixture.meta.needs ?? [];
  if (needs.length === 0) return undefined;
  const note = fixture.meta.note ? ` — ${fixture.meta.note}` : '';
  return `needs ${needs.join(', ')}${note}`;
}

const MESSAGE = /^(ERROR|WARNING|INFO): /;
const LEVEL_PREFIX = /^(ERROR|WARNING|INFO): ?/;

/** The text after the level word of a message line. */
function afterLevel(line: string): string {
  return line.replace(LEVEL_PREFIX, '');
}

/**
 * Lines that come from crm_verify (pacemaker), not from crmsh itself: `(function) \tlevel: …`,
 * `crm_verify: …`, libxml2's validity errors and crmsh's rewrite of Relax-NG lines
 * (`op (4): …`, indented from the second line on; tcrm's own schema lines say `op (p1-monitor-10s): …`).
 */
export function isVerifyLine(line: string): boolean {
  if (!MESSAGE.test(line)) return false;
  const text = afterLevel(line);
  return (
    /^\(\w+\)\s/.test(text) ||
    text.startsWith('crm_verify:') ||
    /validity error/.test(text) ||
    // crmsh writes the last digit of the schema line number in the parentheses; tcrm, which
    // has no line numbers, writes the element's id there (`in ID` for an element without one).
    /^\s*[\w-]+ \((?:in )?[^()\s]*\): /.test(text)
  );
}

/**
 * DECISIONS.md: schema errors match by element (and id), not by crmsh's text: crmsh writes the
 * last digit of the schema line number in the parentheses (and indents later lines), tcrm the
 * element's id; libxml2 may list one dangling reference twice. So the parenthesis is dropped and
 * duplicates count once.
 */
function schemaLineKey(text: string): string {
  const m = /^\s*([\w-]+) \((?:in )?[^()\s]*\): (.*)$/.exec(text);
  return m ? `${m[1]} (…): ${m[2]}` : text.trim();
}

export function isLackOfQuorum(line: string): boolean {
  return line.includes('due to lack of quorum');
}

function toLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Drops tcrm's extra indented lines that follow a message line. */
export function dropExtraLines(lines: string[]): string[] {
  const out: string[] = [];
  let underMessage = false;
  for (const line of lines) {
    if (underMessage && line.startsWith('  ')) continue;
    underMessage = MESSAGE.test(line);
    out.push(line);
  }
  return out;
}

/** One side of the comparison, as plain data so a failing test prints a readable diff. */
export interface ComparableOutcome {
  exit: number;
  cib: string;
  show: string;
  stdout: string[];
  stderrMessages: string[];
  verifyLines: string[];
}

export function comparable(outcome: Outcome): ComparableOutcome {
  const out = dropExtraLines(toLines(stripCr(outcome.stdout)));
  const err = dropExtraLines(toLines(stripCr(outcome.stderr)));
  const verifyLines = [
    ...new Set(
      [...out, ...err]
        .filter((l) => isVerifyLine(l) && !isLackOfQuorum(l))
        .map((l) => schemaLineKey(afterLevel(l))),
    ),
  ].sort();
  return {
    exit: outcome.exit,
    cib: outcome.cib,
    show: stripCr(outcome.show),
    stdout: out.filter((l) => !isVerifyLine(l)),
    stderrMessages: err.filter((l) => MESSAGE.test(l) && !isVerifyLine(l)),
    verifyLines,
  };
}

function stripCr(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** Collects what a run writes. */
function collector(): { io: (tmp: string, stdin: string) => RunIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: (tmp, stdin) => ({
      stdin,
      stdinIsTTY: false,
      stdoutIsTTY: false,
      env: fixtureEnv(tmp),
      cwd: tmp,
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        err += t;
      },
    }),
    out: () => out,
    err: () => err,
  };
}

/**
 * Runs tcrm in-process on a fixture exactly as the recorder ran crm: a fresh temp dir holding
 * `cib.xml` (CIB_file) and `input.crm`, cwd = that dir, argv `-f input.crm` (relative, as crm
 * got it) or meta.argv; then `configure show` on the result.
 */
export async function runTcrmInProcess(fixture: Fixture, run: RunFn): Promise<Outcome> {
  const tmp = prepareRunDir(fixture);
  try {
    const main = collector();
    const exit = await run(fixtureArgv(fixture), main.io(tmp, fixtureStdin(fixture)));
    const show = collector();
    await run(['configure', 'show'], show.io(tmp, ''));
    return {
      exit,
      stdout: normaliseOutput(main.out(), tmp),
      stderr: normaliseOutput(main.err(), tmp),
      show: normaliseOutput(show.out(), tmp),
      cib: resultingConfiguration(tmp),
    };
  } finally {
    removeRunDir(tmp);
  }
}

/**
 * Asserts every compared aspect, softly, so one failure shows all the differences. Concurrent
 * tests must pass their context's `expect`.
 */
export function expectSameAsCrmsh(actual: Outcome, expected: Outcome, expect: ExpectStatic = globalExpect): void {
  const a = comparable(actual);
  const e = comparable(expected);
  expect.soft(a.exit, 'exit status').toBe(e.exit);
  expect.soft(a.cib, 'resulting CIB configuration').toBe(e.cib);
  expect.soft(a.show, 'configure show on the result').toBe(e.show);
  expect.soft(a.stdout, 'stdout lines').toEqual(e.stdout);
  expect.soft(a.stderrMessages, 'stderr message lines').toEqual(e.stderrMessages);
  expect.soft(a.verifyLines, 'crm_verify lines (text after the level word)').toEqual(e.verifyLines);
}
