/**
 * Parses one configure object statement (one logical line whose command word the dispatcher
 * already matched) into the AST, or into the diagnostics carrying crmsh's message: one, or two
 * where crmsh prints a detail line of its own (e.g. `bad resource type specification X`) before
 * the `syntax in …` line.
 * Never throws: a bug becomes an internal-error diagnostic.
 */
import type { CstNode, IRecognitionException } from 'chevrotain';
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import type { ConfigStatement } from './ast.js';
import { configureParser, type CrmRecognitionException } from './configure-parser.js';
import { internalErrorDiagnostic, syntaxDiagnostic, wordSplitDiagnostic } from './syntax-error.js';
import { toAst } from './to-ast.js';
import { wordsToTokens, type WordToken } from './tokens.js';
import type { LogicalLine, Word } from './words.js';

/** The canonical configure object commands this parser handles. */
export const CONFIGURE_OBJECT_COMMANDS = [
  'node',
  'primitive',
  'rsc_template',
  'monitor',
  'group',
  'clone',
  'ms',
  'bundle',
  'location',
  'colocation',
  'order',
  'rsc_ticket',
  'property',
  'rsc_defaults',
  'op_defaults',
  'fencing_topology',
  'role',
  'user',
  'acl_target',
  'tag',
  'alert',
  'xml',
] as const;

export type ConfigureObjectCommand = (typeof CONFIGURE_OBJECT_COMMANDS)[number];

/** crmsh's minimum word counts after the command word (fencing_topology has none). */
const MIN_ARGS: Partial<Record<ConfigureObjectCommand, number>> = {
  node: 1,
  primitive: 2,
  rsc_template: 2,
  monitor: 2,
  group: 2,
  clone: 2,
  ms: 2,
  bundle: 2,
  location: 2,
  colocation: 2,
  order: 2,
  rsc_ticket: 2,
  property: 1,
  rsc_defaults: 1,
  op_defaults: 1,
  role: 2,
  user: 2,
  acl_target: 2,
  tag: 2,
  alert: 2,
  xml: 1,
};

export interface ParseConfigureOptions {
  /** The line comes from text fed to `load`/`edit`/`filter` rather than typed at the shell.
   *  crmsh then reads property/rsc_defaults/op_defaults pairs like attribute lists: an empty
   *  value and a bare name are accepted. Default false. */
  fromText?: boolean;
}

export interface ParseConfigureResult {
  stmt: ConfigStatement | null;
  diagnostics: Diagnostic[];
}

const shiftWord = (w: Word, n: number): Word => ({
  ...w,
  text: w.text.slice(n),
  at: { ...w.at, col: w.at.col + n, offset: w.at.offset + n },
});

/**
 * The words crmsh parses: the canonical command word first, and `id=X` as the first argument
 * read as `X` (crmsh's configure level strips that prefix before parsing).
 */
function effectiveWords(line: LogicalLine, command: string): Word[] {
  const words = [...line.words];
  words[0] = { ...words[0], text: command };
  if (words.length > 1 && words[1].text.startsWith('id=')) words[1] = shiftWord(words[1], 3);
  return words;
}

const endOf = (line: LogicalLine): Position => line.words[line.words.length - 1]?.end ?? line.at;

export function parseConfigureStatement(
  line: LogicalLine,
  command: string,
  opts: ParseConfigureOptions = {},
): ParseConfigureResult {
  try {
    if (line.error) return { stmt: null, diagnostics: [wordSplitDiagnostic(line.error)] };
    if (line.words.length === 0) return { stmt: null, diagnostics: [] };
    if (!(CONFIGURE_OBJECT_COMMANDS as readonly string[]).includes(command)) {
      return { stmt: null, diagnostics: [internalErrorDiagnostic(new Error(`not a configure object command: ${command}`), line.at)] };
    }
    return parseCommand(line, command as ConfigureObjectCommand, opts);
  } catch (err) {
    return { stmt: null, diagnostics: [internalErrorDiagnostic(err, line.at)] };
  }
}

function parseCommand(line: LogicalLine, command: ConfigureObjectCommand, opts: ParseConfigureOptions): ParseConfigureResult {
  const words = effectiveWords(line, command);
  const echo = words.map((w) => w.text);
  const min = MIN_ARGS[command];
  if (min !== undefined && words.length < min + 1) {
    const d = syntaxDiagnostic(command, `Expected at least ${min} arguments`, command, echo.join(' '), words[0].at);
    return { stmt: null, diagnostics: [d] };
  }
  const tokens = wordsToTokens(words);
  const parser = configureParser();
  parser.load(tokens);
  const rule = (parser as unknown as Record<string, (...args: unknown[]) => CstNode>)[command];
  const cst = command === 'property' || command === 'rsc_defaults' || command === 'op_defaults'
    ? rule.call(parser, !opts.fromText)
    : rule.call(parser);
  if (parser.errors.length > 0) {
    const parsing = (parser.cut ? echo.slice(0, -1) : echo).join(' ');
    return { stmt: null, diagnostics: errorDiagnostics(parser.errors[0], command, parsing, tokens, line) };
  }
  const stmt = toAst(command, cst, { text: echo.join(' '), at: words[0].at });
  return { stmt, diagnostics: [] };
}

function errorDiagnostics(
  e: IRecognitionException,
  command: string,
  parsing: string,
  tokens: WordToken[],
  line: LogicalLine,
): Diagnostic[] {
  const crm = (e as CrmRecognitionException).crm;
  if (crm) {
    const at = crm.pos ?? (crm.at ? crm.at.word.at : endOf(line));
    const d = syntaxDiagnostic(crm.context ?? command, e.message, crm.near, parsing, at);
    // crmsh logs the detail as its own ERROR line before the syntax line; the syntax line
    // carries the position, so the detail line goes without one.
    return crm.detail ? [diag('CRM', 'error', crm.detail), d] : [d];
  }
  return [errorDiagnostic(e, command, tokens, line, parsing)];
}

function errorDiagnostic(
  e: IRecognitionException,
  command: string,
  tokens: WordToken[],
  line: LogicalLine,
  parsing: string,
): Diagnostic {
  const tok = e.token as WordToken;
  const atEnd = tok.word === undefined;
  if (e.name === 'NotAllInputParsedException' && !atEnd) {
    const rest = tokens.slice(tok.index).map((t) => t.image).join(' ');
    return syntaxDiagnostic(command, `Unknown arguments: ${rest}`, tok.image, parsing, tok.word.at);
  }
  return syntaxDiagnostic(command, e.message, atEnd ? null : tok.image, parsing, atEnd ? endOf(line) : tok.word.at);
}
