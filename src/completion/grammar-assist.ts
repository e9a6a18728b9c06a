/**
 * The configure grammar's own view of what may come next: Chevrotain's content assist over the
 * words before the one being completed (stack.md pitfall 9). The grammar decides most things
 * with gates on the next word, which static analysis cannot see, so for most positions this
 * only says "a word"; the keyword token types it does name become keyword candidates, used
 * where no provider knows better.
 */
import type { TokenType } from 'chevrotain';
import { configureParser } from '../grammar/configure-parser.js';
import * as T from '../grammar/tokens.js';
import type { Word } from '../grammar/words.js';
import type { Candidate } from './types.js';

const KEYWORD_TEXT = new Map<TokenType, string[]>([
  [T.Params, ['params']],
  [T.Meta, ['meta']],
  [T.Utilization, ['utilization']],
  [T.Operations, ['operations']],
  [T.Op, ['op']],
  [T.OpParams, ['op_params']],
  [T.OpMeta, ['op_meta']],
  [T.RuleKw, ['rule']],
  [T.Attributes, ['attributes']],
  [T.And, ['and']],
  [T.Or, ['or']],
  [T.DateKw, ['date']],
  [T.Defined, ['defined']],
  [T.NotDefined, ['not_defined']],
  [T.BinOp, ['eq', 'ne', 'lt', 'gt', 'lte', 'gte']],
  [T.LParen, ['(']],
  [T.RParen, [')']],
  [T.LBracket, ['[']],
  [T.RBracket, [']']],
  [T.LBrace, ['{']],
  [T.RBrace, ['}']],
]);

function fakeWord(text: string, i: number): Word {
  const at = { file: '', line: 1, col: i + 1, offset: i };
  return { text, quoted: false, at, end: at };
}

/** Keyword candidates the grammar allows after `command args…` (object commands only). */
export function grammarKeywords(command: string, args: string[]): Candidate[] {
  const parser = configureParser() as unknown as {
    computeContentAssist(rule: string, tokens: unknown[]): Array<{ nextTokenType: TokenType }>;
  };
  let suggestions: Array<{ nextTokenType: TokenType }>;
  try {
    const tokens = T.wordsToTokens(args.map(fakeWord));
    suggestions = parser.computeContentAssist(command, tokens);
  } catch {
    return []; // not a rule of the grammar, or a path the analysis cannot follow
  }
  const out = new Set<string>();
  for (const s of suggestions) for (const text of KEYWORD_TEXT.get(s.nextTokenType) ?? []) out.add(text);
  return [...out].map((text) => ({ text, kind: 'keyword' as const }));
}
