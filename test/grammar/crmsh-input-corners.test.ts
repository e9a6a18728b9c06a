/**
 * Input corners found by the 7xx golden cases (recorded from crmsh 4.4.1): set options written
 * outside brackets, and a continuation cut off by the end of the input.
 */
import { describe, expect, it } from 'vitest';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { ast } from './helpers.js';

describe('resource-set options outside brackets (fixtures 749, 768)', () => {
  it('stay in the list as option items, so two refs plus an option are no simple pair', () => {
    expect(ast('order o Mandatory: a b require-all=false')).toMatchObject({
      refs: [
        { kind: 'ref', name: 'a' },
        { kind: 'ref', name: 'b' },
        { kind: 'option', name: 'require-all', value: 'false' },
      ],
    });
  });
  it('inside brackets they still belong to the set', () => {
    expect(ast('colocation c inf: ( a b sequential=true ) d')).toMatchObject({
      refs: [{ kind: 'set', options: [['sequential', 'true']] }, { kind: 'ref', name: 'd' }],
    });
  });
});

describe('a continuation cut off by the end of the input (crmsh utils.multi_input)', () => {
  const texts = (t: string, dropUnfinished?: boolean) => splitLogicalLines(t, 'f', { dropUnfinished }).map((l) => l.text);
  it('is dropped when asked (the -f / stdin input loop), with or without a final newline', () => {
    expect(texts('a\nb \\\n', true)).toEqual(['a']);
    expect(texts('a\nb \\', true)).toEqual(['a']);
    // only the backslash goes: the space before it stays (`stripped.rstrip('\\')`)
    expect(texts('a\nb \\\n  c\n', true)).toEqual(['a', 'b c']);
  });
  it('a blank line after it completes it', () => {
    expect(texts('a\nb \\\n\n', true)).toEqual(['a', 'b ']);
  });
  it('is kept by default (load / edit text: utils.lines2cli)', () => {
    expect(texts('a\nb \\\n')).toEqual(['a', 'b ']);
  });
});
