/**
 * Live highlighting of the line being typed: each word gets a style from where it stands (level
 * and command words are keywords, the object's id an id, the agent an agent, `k=v` a value,
 * `inf:` a score, quoted text a string), and the line is parsed — the configure grammar for
 * object commands, the shell argument rules for the others — so an invalid line gets the first
 * error's range and a one-line hint. Pure and allocation-light: it runs on every keystroke.
 *
 * An error range that is empty and sits at the end of the line means "incomplete" (more words are
 * needed) rather than "wrong": the REPL may show it more quietly.
 */
import type { Diagnostic } from '../diagnostic.js';
import { resolveWord } from '../grammar/match-command.js';
import { qualifiedName } from '../grammar/levels.js';
import { parseConfigureStatement } from '../grammar/parse-configure.js';
import { parseShellCommand } from '../grammar/shell-commands.js';
import { splitLogicalLines } from '../grammar/split-words.js';
import * as T from '../grammar/tokens.js';
import type { LogicalLine, Word } from '../grammar/words.js';
import { message, type Lang } from '../messages/catalog.js';
import type { HighlightResult, HighlightSpan, HighlightStyle } from './types.js';

const KEYWORD_TYPES = new Set([
  T.Params, T.Meta, T.Utilization, T.Operations, T.Op, T.OpParams, T.OpMeta, T.RuleKw, T.Attributes, T.And, T.Or,
  T.DateKw, T.Defined, T.NotDefined, T.BinOp, T.LParen, T.RParen, T.LBracket, T.RBracket, T.LBrace, T.RBrace,
]);

/** Commands whose first argument names the object being defined. */
const DEFINES_ID = new Set([
  'primitive', 'rsc_template', 'group', 'clone', 'ms', 'bundle', 'location', 'colocation', 'order', 'rsc_ticket',
  'role', 'user', 'acl_target', 'tag', 'alert',
]);
/** Commands whose plain words are references to objects. */
const REFERENCES = new Set(['group', 'clone', 'ms', 'location', 'colocation', 'order', 'rsc_ticket', 'tag', 'monitor', 'fencing_topology', 'node']);
/** Incomplete-line codes: more words (or the closing quote) would fix the line. */
const INCOMPLETE = new Set(['TCRM1001', 'TCRM1010', 'TCRM1012', 'TCRM1020']);
/** crmsh's arity errors for too few arguments (`Expected at least one resource as argument`). */
const TOO_FEW = /\bat least\b|takes exactly \d+ arguments? \((\d+) given\)/;

function span(spans: HighlightSpan[], from: number, to: number, style: HighlightStyle): void {
  if (to > from) spans.push({ from, to, style });
}

function objectWordStyle(command: string, index: number, w: Word, prevKeyword: string | null): HighlightStyle {
  if (w.quoted) return 'string';
  const type = T.classifyWord(w);
  if (KEYWORD_TYPES.has(type)) return 'keyword';
  if (type === T.Score) return 'score';
  if (index === 1 && DEFINES_ID.has(command)) return 'id';
  if (index === 2 && (command === 'primitive' || command === 'rsc_template')) return 'agent';
  if (prevKeyword === 'op') return 'keyword';
  if (REFERENCES.has(command)) return 'id';
  return 'value';
}

/** Style spans of one word; `k=v` splits into a plain key and a value. */
function wordSpans(line: string, w: Word, style: HighlightStyle, spans: HighlightSpan[]): void {
  const from = w.at.offset;
  const to = w.end.offset;
  if (style === 'value' || style === 'string' || style === 'id') {
    const raw = line.slice(from, to);
    const eq = raw.indexOf('=');
    if (eq > 0 && T.classifyWord(w) === T.NvPair) {
      span(spans, from, from + eq + 1, 'plain');
      span(spans, from + eq + 1, to, /["']/.test(raw.slice(eq + 1)) ? 'string' : 'value');
      return;
    }
  }
  span(spans, from, to, style);
}

/** The inner message of a crmsh syntax line, with tcrm's hint. */
function hintOf(d: Diagnostic): string {
  const inner = d.message.replace(/^syntax in [^:]+: /, '').replace(/ parsing '.*$/s, '');
  return d.hint && d.hint !== inner ? `${inner}: ${d.hint}` : inner;
}

function tooFew(text: string): boolean {
  const m = TOO_FEW.exec(text);
  if (!m) return false;
  if (m[1] === undefined) return true;
  const need = /takes exactly (\d+)/.exec(text);
  return need !== null && Number(m[1]) < Number(need[1]);
}

/** For `takes at most N arguments (M given)` with M > N: N, so the surplus words are marked. */
function tooMany(text: string): number | null {
  const m = /takes (?:at most|exactly) (\d+) arguments? \((\d+) given\)/.exec(text);
  return m && Number(m[2]) > Number(m[1]) ? Number(m[1]) : null;
}

function errorOf(line: string, d: Diagnostic, words: Word[], lang: Lang): HighlightResult['error'] {
  const end = line.replace(/\s+$/, '').length;
  const at = d.at?.offset;
  if (at === undefined || at >= end || INCOMPLETE.has(d.code) || tooFew(d.message)) {
    return { from: line.length, to: line.length, hint: message('TCRM8015', { hint: hintOf(d) }, lang) };
  }
  const extra = tooMany(d.message);
  if (extra !== null && words[1 + extra]) {
    return { from: words[1 + extra].at.offset, to: words[words.length - 1].end.offset, hint: hintOf(d) };
  }
  const w = words.find((x) => x.at.offset === at);
  return w ? { from: w.at.offset, to: w.end.offset, hint: hintOf(d) } : { from: at, to: at + 1, hint: hintOf(d) };
}

export function highlight(levels: string[], line: string, lang: Lang = 'en'): HighlightResult {
  const spans: HighlightSpan[] = [];
  const trimmed = line.trimStart();
  if (trimmed.startsWith('#')) {
    span(spans, line.length - trimmed.length, line.length, 'comment');
    return { spans };
  }
  let logical: LogicalLine | undefined;
  try {
    logical = splitLogicalLines(line, '')[0];
  } catch {
    return { spans };
  }
  if (!logical) return { spans };
  const words = logical.words;
  let path = levels.filter((s) => s && s !== 'root').join('/');
  let i = 0;
  for (; i < words.length; i++) {
    const r = resolveWord(path, words[i].text);
    if (!('spec' in r)) {
      span(spans, words[i].at.offset, words[i].end.offset, 'error');
      for (const w of words.slice(i + 1)) span(spans, w.at.offset, w.end.offset, 'plain');
      const problem = 'error' in r ? r.error : 'No such command';
      return { spans, error: { from: words[i].at.offset, to: words[i].end.offset, hint: `${qualifiedName(path, words[i].text)}: ${problem}` } };
    }
    span(spans, words[i].at.offset, words[i].end.offset, 'keyword');
    if (r.spec.kind !== 'level') break;
    path = path ? `${path}/${r.spec.level ?? r.spec.name}` : r.spec.level ?? r.spec.name;
  }
  if (i >= words.length) {
    return logical.error ? { spans, error: { from: line.length, to: line.length, hint: message('TCRM8015', { hint: logical.error.message }, lang) } } : { spans };
  }
  const spec = resolveWord(path, words[i].text);
  const command = 'spec' in spec ? spec.spec : undefined;
  if (!command) return { spans };
  const own: LogicalLine = { ...logical, words: words.slice(i) };
  let prevKeyword: string | null = null;
  for (let k = 1; k < own.words.length; k++) {
    const w = own.words[k];
    const style: HighlightStyle = command.kind === 'object' ? objectWordStyle(command.name, k, w, prevKeyword) : w.quoted ? 'string' : 'value';
    wordSpans(line, w, style, spans);
    prevKeyword = style === 'keyword' ? w.text : null;
  }
  let diagnostics: Diagnostic[] = [];
  try {
    diagnostics =
      command.kind === 'object'
        ? parseConfigureStatement(own, command.name).diagnostics
        : parseShellCommand(path, command.name, logical, i + 1).diagnostics;
  } catch {
    diagnostics = [];
  }
  const first = diagnostics.find((d) => d.severity === 'error');
  if (!first) return { spans };
  return { spans, error: errorOf(line, first, own.words, lang) };
}
