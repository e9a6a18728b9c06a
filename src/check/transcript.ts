/**
 * A pasted terminal transcript → the crm commands in it (issue 4):
 * - a line with a crm prompt (`crm(live)# `, `crm(config)configure# `,
 *   `crm(live/Lubuntu)configure# `) is a command; the next line after one ending in `\` continues
 *   it (after crmsh's continuation prompt `   > ` when there is one);
 * - `root@host:~# crm …` is a crm command from the shell; `root@host:~# crm_mon -l` is not;
 * - a line without a prompt after an object statement (which prints nothing but ERROR/WARNING/INFO
 *   lines) continues it: the terminal or the document wrapped it. It is joined without a space
 *   when the break fell inside a word, with one otherwise, choosing the join that parses;
 * - `… (y/n)? y` and `… Do you want to commit them? yes` answer crm's question;
 * - everything else is output.
 */
import { CONFIGURE_OBJECT_COMMANDS, parseConfigureStatement } from '../grammar/parse-configure.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import type { InputCommand } from './commands.js';
import { PieceText, type Piece } from './pieces.js';
import { physicalLines } from './read-input.js';
import { endsInsideQuotes } from './tokens.js';

/** An optional line number (`3 crm(live)node# …` in numbered listings) before the prompt. */
const NUMBER = String.raw`(?:\s*\d+\s+)?`;
const CRM_PROMPT = new RegExp(String.raw`^(${NUMBER}\s*crm\(([^)/]*)(?:/[^)]*)?\)([\w/-]*)# ?)(.*)$`);
const SHELL_PROMPT = new RegExp(String.raw`^(${NUMBER}\s*[\w.-]+@[\w.-]+:[^#$]*[#$] ?)(.*)$`);
const CRM_WORD = /^((?:sudo\s+(?:-\S+\s+)*)?crm)(?=\s|$)/;
const CONTINUATION_PROMPT = /^(\s*>\s?)(.*)$/;
const ANSWER = /(?:\(y\/n\)\?|\?)\s*(y|yes|n|no)\s*$/i;
const CRM_MESSAGE = /^\s*(ERROR|WARNING|INFO|NOTE|DEBUG|CRIT|bye\b)/;

const OBJECT_WORDS = new Set<string>(CONFIGURE_OBJECT_COMMANDS.filter((c) => c !== 'node'));

interface Open {
  text: PieceText;
  kind: InputCommand['kind'];
  prompt?: InputCommand['prompt'];
  answers: boolean[];
  /** Continuation lines may follow (an object statement, no output seen yet). */
  joinable: boolean;
}

export function transcriptCommands(text: string, file: string): InputCommand[] {
  const out: InputCommand[] = [];
  let open: Open | null = null;
  let last: InputCommand | null = null;

  const close = (): void => {
    if (!open) return;
    const line = open.text.logicalLine();
    if (line && line.words.length > 0) {
      last = { kind: open.kind, line, answers: open.answers };
      if (open.prompt) last.prompt = open.prompt;
      out.push(last);
    }
    open = null;
  };
  const start = (piece: Piece, kind: InputCommand['kind'], prompt?: InputCommand['prompt']): void => {
    close();
    const o: Open = { text: new PieceText(file, piece), kind, answers: [], joinable: false };
    if (prompt) o.prompt = prompt;
    o.joinable = isObjectStatement(piece.text);
    open = o;
  };

  const lines = physicalLines(text);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const crm = CRM_PROMPT.exec(raw);
    if (crm) {
      const command = crm[4]!;
      const column = crm[1]!.length + 1;
      if (command.trim() === '') {
        close();
        continue;
      }
      start(trimmed(command, lineNo, column), 'line', { cib: crm[2]!, level: crm[3]! });
      continue;
    }
    const shell = SHELL_PROMPT.exec(raw);
    if (shell) {
      const rest = shell[2]!;
      const m = CRM_WORD.exec(rest);
      close();
      if (m) start(trimmed(rest.slice(m[1]!.length), lineNo, shell[1]!.length + m[1]!.length + 1), 'shell');
      continue;
    }
    const current = open as Open | null;
    if (current && current.text.text.trimEnd().endsWith('\\')) {
      // a `\` continuation: crmsh's `   > ` prompt when typed, none when pasted from a document;
      // the pieces are glued with nothing in between, as crmsh does
      const cont = CONTINUATION_PROMPT.exec(raw);
      const piece = cont ? trimmed(cont[2]!, lineNo, cont[1]!.length + 1) : trimmed(raw, lineNo, 1);
      current.text.dropTrailingBackslash();
      current.text.add(piece, '');
      continue;
    }
    const answer = ANSWER.exec(raw);
    if (answer && /\?/.test(raw)) {
      const yes = answer[1]!.toLowerCase().startsWith('y');
      if (current) current.answers.push(yes);
      else if (last) (last as InputCommand).answers.push(yes);
      if (current) current.joinable = false;
      continue;
    }
    if (current && current.joinable && raw.trim() !== '' && !CRM_MESSAGE.test(raw)) {
      const piece = trimmed(raw, lineNo, 1);
      current.text.add(piece, joinSeparator(current.text, piece));
      continue;
    }
    if (current) {
      // output ends what can be continued; the command itself stays open for its answers
      current.joinable = false;
    }
  }
  close();
  return out;
}

/** The piece of a line from a column, with its leading spaces skipped (column moved along). */
function trimmed(text: string, line: number, column: number): Piece {
  const lead = /^\s*/.exec(text)![0].length;
  return { text: text.slice(lead).trimEnd(), line, column: column + lead };
}

function isObjectStatement(text: string): boolean {
  const words = text.trim().split(/\s+/).slice(0, 3);
  return words.some((w) => OBJECT_WORDS.has(w));
}

/** Does the text parse as an object statement (from its object word on)? */
function parses(text: string): boolean {
  const line = splitLogicalLines(text, '<join>')[0];
  if (!line || line.error) return false;
  const k = line.words.findIndex((w) => OBJECT_WORDS.has(w.text));
  if (k < 0) return true;
  const sub = { ...line, words: line.words.slice(k) };
  const { stmt, diagnostics } = parseConfigureStatement(sub, line.words[k]!.text);
  return stmt !== null && !diagnostics.some((d) => d.severity === 'error');
}


/**
 * Nothing or a space between a command and its soft-wrapped rest: the join that parses; when
 * both (or neither) do, nothing if the break fell inside a word (a quote left open, a number
 * cut at a dot, a name cut at `=`), a space otherwise.
 */
function joinSeparator(text: PieceText, piece: Piece): string {
  const prev = text.text;
  if (prev.endsWith(' ')) return ' ';
  const none = parses(text.tryJoin(piece, ''));
  const space = parses(text.tryJoin(piece, ' '));
  if (none && !space) return '';
  if (space && !none) return ' ';
  const a = prev[prev.length - 1] ?? '';
  const b = piece.text[0] ?? '';
  // An odd number of unescaped quotes of one kind: the break fell inside a quoted word.
  if (endsInsideQuotes(prev)) return '';
  if (b === '.' || b === '=' || b === ',' || a === '=' || a === '.') return '';
  if (/[0-9]/.test(a) && /[0-9]/.test(b)) return '';
  return ' ';
}
