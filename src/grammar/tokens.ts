/**
 * Token types of the configure grammar. The parser runs over shell words, not characters: each
 * word is classified here into exactly one token type. Keywords carry the `Word` category, so
 * a rule that accepts any word (an id, a value) also accepts `params` or `rule`, while a rule
 * that needs the keyword asks for its own type. A quoted word is never a keyword or a bracket.
 */
import { createToken, createTokenInstance, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Word as ShellWord } from './words.js';

const category = (name: string, parents: TokenType[] = []): TokenType =>
  createToken({ name, pattern: Lexer.NA, categories: parents });

/** Every word. */
export const Word = category('Word');
/** Keywords that end an attribute list: params meta utilization operations op op_params op_meta rule attributes. */
export const Terminator = category('Terminator', [Word]);
export const BoolOp = category('BoolOp', [Word]);
export const UnaryOp = category('UnaryOp', [Word]);
export const Bracket = category('Bracket', [Word]);

const keyword = (name: string, parents: TokenType[]): TokenType => category(name, [...parents, Word]);

export const Params = keyword('Params', [Terminator]);
export const Meta = keyword('Meta', [Terminator]);
export const Utilization = keyword('Utilization', [Terminator]);
export const Operations = keyword('Operations', [Terminator]);
export const Op = keyword('Op', [Terminator]);
export const OpParams = keyword('OpParams', [Terminator]);
export const OpMeta = keyword('OpMeta', [Terminator]);
export const RuleKw = keyword('Rule', [Terminator]);
export const Attributes = keyword('Attributes', [Terminator]);
export const And = keyword('And', [BoolOp]);
export const Or = keyword('Or', [BoolOp]);
export const DateKw = keyword('Date', []);
export const Defined = keyword('Defined', [UnaryOp]);
export const NotDefined = keyword('NotDefined', [UnaryOp]);
/** `eq`, `lt`, … optionally typed: `number:gt`. */
export const BinOp = keyword('BinOp', []);
export const LParen = keyword('LParen', [Bracket]);
export const RParen = keyword('RParen', [Bracket]);
export const LBracket = keyword('LBracket', [Bracket]);
export const RBracket = keyword('RBracket', [Bracket]);
export const LBrace = keyword('LBrace', [Bracket]);
export const RBrace = keyword('RBrace', [Bracket]);
/** A word ending in `:` (`100:`, `inf:`, `ticket:`, `node1:`). */
export const Score = keyword('Score', []);
/** A word holding `=` (`name=value`, `$id=x`, `description=…`). */
export const NvPair = keyword('NvPair', []);
/** Anything else. */
export const Plain = keyword('Plain', []);

const KEYWORDS: Record<string, TokenType> = Object.assign(Object.create(null) as object, {
  params: Params,
  meta: Meta,
  utilization: Utilization,
  operations: Operations,
  op: Op,
  op_params: OpParams,
  op_meta: OpMeta,
  rule: RuleKw,
  attributes: Attributes,
  and: And,
  or: Or,
  date: DateKw,
  defined: Defined,
  not_defined: NotDefined,
});

const BRACKETS: Record<string, TokenType> = Object.assign(Object.create(null) as object, {
  '(': LParen,
  ')': RParen,
  '[': LBracket,
  ']': RBracket,
  '{': LBrace,
  '}': RBrace,
});

const BINOP_WORD = /^((string|integer|number|version):)?(lt|gt|lte|gte|eq|ne)$/i;
const SCORE_WORD = /^[^:]+:$/s;

export const allTokenTypes: TokenType[] = [
  Word,
  Terminator,
  BoolOp,
  UnaryOp,
  Bracket,
  Params,
  Meta,
  Utilization,
  Operations,
  Op,
  OpParams,
  OpMeta,
  RuleKw,
  Attributes,
  And,
  Or,
  DateKw,
  Defined,
  NotDefined,
  BinOp,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Score,
  NvPair,
  Plain,
];

export function classifyWord(word: Pick<ShellWord, 'text' | 'quoted'>): TokenType {
  const text = word.text;
  if (!word.quoted && text.length <= 14) {
    if (text.length === 1) {
      const br = BRACKETS[text];
      if (br) return br;
    }
    const kw = KEYWORDS[text.toLowerCase()];
    if (kw) return kw;
    if (BINOP_WORD.test(text)) return BinOp;
  }
  if (text.includes('=')) return NvPair;
  if (SCORE_WORD.test(text)) return Score;
  return Plain;
}

/** A Chevrotain token that remembers which shell word it was. */
export interface WordToken extends IToken {
  index: number;
  word: ShellWord;
}

/** Turns shell words into tokens; offsets are the words' physical offsets. */
export function wordsToTokens(words: ShellWord[]): WordToken[] {
  return words.map((word, index) => {
    const tok = createTokenInstance(
      classifyWord(word),
      word.text,
      word.at.offset,
      Math.max(word.at.offset, word.end.offset - 1),
      word.at.line,
      word.end.line,
      word.at.col,
      Math.max(word.at.col, word.end.col - 1),
    ) as WordToken;
    tok.index = index;
    tok.word = word;
    return tok;
  });
}
