/**
 * A `\` forgotten at the end of a line: students write a primitive over several lines the way
 * the handout shows it, and one line lacks its `\`. crm then reads the next line (`op monitor …`,
 * `params …`, `cidr_netmask=16`) as a command of its own and gives a confusing message
 * (`"op" is accepted as "op_defaults"`). tcrm says what happened at that line and checks the
 * statement as the student meant it (both parts joined), so its other mistakes are found too.
 */
import { CONFIGURE_OBJECT_COMMANDS } from '../grammar/parse-configure.js';
import type { LogicalLine } from '../grammar/words.js';
import { message, type Lang } from '../messages/catalog.js';
import type { InputCommand } from './commands.js';
import { findingAt } from './to-finding.js';
import { spanOf } from './tokens.js';
import type { CheckFinding } from './types.js';

/** Words that only continue a statement: never a command of crm's configure level. */
const CONTINUING_WORDS = new Set(['params', 'op', 'meta', 'utilization', 'op_params', 'op_meta', 'attributes']);
const OBJECT_WORDS = new Set<string>(CONFIGURE_OBJECT_COMMANDS);
/** `name=value` as the first word: a parameter, never a command. */
const NVPAIR = /^[A-Za-z_][\w.-]*=/;

const continues = (line: LogicalLine): boolean => {
  const first = line.words[0];
  return first !== undefined && !first.quoted && (CONTINUING_WORDS.has(first.text) || NVPAIR.test(first.text));
};

/** Commands that never continue a statement: after a `\`, they start a new one the student meant. */
const STARTING_WORDS = new Set<string>([...CONFIGURE_OBJECT_COMMANDS, 'commit', 'verify', 'end', 'up', 'quit', 'exit', 'bye', 'show', 'cd', 'configure', 'cib']);

/**
 * The other way round: a `\` left at the end of a statement's last line glues the next
 * statement to it (crm then reads `location …` as op parameters of the primitive above, without
 * a word). Splits the line again where a physical line starts with a command word.
 */
export function splitExtraContinuations(commands: readonly InputCommand[], lang: Lang): { commands: InputCommand[]; findings: CheckFinding[] } {
  const out: InputCommand[] = [];
  const findings: CheckFinding[] = [];
  for (const cmd of commands) {
    if (cmd.kind !== 'line' || cmd.prompt || cmd.line.error || !statementWord(cmd.line)) {
      out.push(cmd);
      continue;
    }
    let words = cmd.line.words;
    let start = 0;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (w.quoted || w.at.line === words[i - 1]!.at.line || !STARTING_WORDS.has(w.text)) continue;
      findings.push(findingAt(spanOf(w), 'error', 'TCRM2068', message('TCRM2068', { line: words[i - 1]!.at.line, word: w.text }, lang)));
      const part = words.slice(start, i);
      out.push({ ...cmd, line: { ...cmd.line, words: part, text: part.map((x) => x.text).join(' '), lastLine: part[part.length - 1]!.end.line } });
      start = i;
    }
    if (start > 0) {
      words = words.slice(start);
      out.push({ ...cmd, answers: cmd.answers, line: { ...cmd.line, words, text: words.map((x) => x.text).join(' '), at: words[0]!.at } });
    } else out.push(cmd);
  }
  return { commands: out, findings };
}

/** Joins each such line to the statement above it; one error per forgotten `\`. */
export function joinMissingContinuations(commands: readonly InputCommand[], lang: Lang): { commands: InputCommand[]; findings: CheckFinding[] } {
  const out: InputCommand[] = [];
  const findings: CheckFinding[] = [];
  for (const cmd of commands) {
    const prev = out[out.length - 1];
    if (prev && cmd.kind === 'line' && prev.kind === 'line' && !cmd.prompt && !prev.prompt && !cmd.line.error && !prev.line.error && continues(cmd.line) && statementWord(prev.line)) {
      const first = cmd.line.words[0]!;
      findings.push(findingAt(spanOf(first), 'error', 'TCRM2014', message('TCRM2014', { line: prev.line.lastLine }, lang)));
      const line: LogicalLine = {
        ...prev.line,
        words: [...prev.line.words, ...cmd.line.words],
        text: `${prev.line.text} ${cmd.line.text}`,
        lastLine: cmd.line.lastLine,
      };
      out[out.length - 1] = { ...prev, line };
      continue;
    }
    out.push(cmd);
  }
  return { commands: out, findings };
}

/** The statement starts with an object word (`primitive`, `location`, `property` …), after
 *  `configure` when a script writes it on the same line. */
function statementWord(line: LogicalLine): boolean {
  const words = line.words.map((w) => w.text);
  const k = words[0] === 'configure' ? 1 : 0;
  return OBJECT_WORDS.has(words[k] ?? '') && words[k] !== 'node';
}
