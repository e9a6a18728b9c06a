/**
 * Values computed once per verify run (one check context) rather than once per object: the
 * candidate lists a did-you-mean compares against, and its answers. A CIB with many mistakes
 * asks the same question again and again, and each answer is a pass over every candidate.
 */
import { didYouMean } from '../agents/suggest.js';
import type { CheckContext } from './types.js';

/** `compute(ctx)`, remembered for the life of the context. */
export function perRun<T>(compute: (ctx: CheckContext) => T): (ctx: CheckContext) => T {
  const values = new WeakMap<CheckContext, T>();
  return (ctx) => {
    if (values.has(ctx)) return values.get(ctx)!;
    const value = compute(ctx);
    values.set(ctx, value);
    return value;
  };
}

type Candidates = ReadonlySet<string> | readonly string[];
const answers = new WeakMap<Candidates, Map<string, string | undefined>>();
const ANSWERS_MAX = 1000;

/**
 * didYouMean, remembered per candidate collection. Only for collections that never change once
 * built (the agents' facts, crmsh's name lists, a per-run list of ids).
 */
export function rememberedDidYouMean(word: string, candidates: Candidates): string | undefined {
  let byWord = answers.get(candidates);
  if (!byWord) answers.set(candidates, (byWord = new Map()));
  if (byWord.has(word)) return byWord.get(word);
  if (byWord.size >= ANSWERS_MAX) byWord.clear();
  const answer = didYouMean(word, candidates);
  byWord.set(word, answer);
  return answer;
}
