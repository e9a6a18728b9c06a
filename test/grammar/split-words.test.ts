import { describe, expect, it } from 'vitest';
import { splitLogicalLines } from '../../src/grammar/split-words.js';

const words = (text: string) => splitLogicalLines(text, 'f').map((l) => l.words.map((w) => w.text));

describe('splitLogicalLines: shell words (shlex.split semantics)', () => {
  // Expected values are Python's shlex.split output for the same text.
  it.each([
    ['a "b c" d', ['a', 'b c', 'd']],
    ['fake=a\\ b', ['fake=a b']],
    ['"fake=a b"', ['fake=a b']],
    ['fake="a b"', ['fake=a b']],
    ['state="x \\"y\\" z"', ['state=x "y" z']],
    ["a 'b\\c' d", ['a', 'b\\c', 'd']],
    ['a "" b', ['a', '', 'b']],
    ['a "x\\y" b', ['a', 'x\\y', 'b']],
    ['x\\"y', ['x"y']],
    ['a"b"c', ['abc']],
    ['  lead\ttab  ', ['lead', 'tab']],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual([expected]);
  });

  it('marks quoted or escaped words', () => {
    const [line] = splitLogicalLines('params "params" p\\arams', 'f');
    expect(line.words.map((w) => w.quoted)).toEqual([false, true, true]);
  });

  it('keeps non-ASCII text as written', () => {
    expect(words('primitive p Dummy params name=café')).toEqual([['primitive', 'p', 'Dummy', 'params', 'name=café']]);
  });

  it('reports an unterminated quote at the opening quote', () => {
    const [line] = splitLogicalLines('primitive p2 Dummy params "a b', 'f');
    expect(line.error).toEqual({ message: 'No closing quotation', at: { file: 'f', line: 1, col: 27, offset: 26 } });
  });
});

describe('splitLogicalLines: lines', () => {
  it('joins backslash continuations with nothing in between', () => {
    const lines = splitLogicalLines('primitive p Dummy params fake=1\\\n   state=2\n', 'f');
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toBe('primitive p Dummy params fake=1state=2');
    expect(lines[0].words.map((w) => w.text)).toEqual(['primitive', 'p', 'Dummy', 'params', 'fake=1state=2']);
    expect(lines[0].lastLine).toBe(2);
  });

  it('keeps a space typed before the backslash', () => {
    const lines = splitLogicalLines('primitive p Dummy \\\n  params a=1', 'f');
    expect(lines[0].words.map((w) => w.text)).toEqual(['primitive', 'p', 'Dummy', 'params', 'a=1']);
  });

  it('glues after an escaped backslash too, and a comment line swallows its continuation (crmsh 4.4.1)', () => {
    expect(words('primitive j2 Dummy params a=1\\\\\n  b=2')).toEqual([['primitive', 'j2', 'Dummy', 'params', 'a=1b=2']]);
    expect(words('# comment \\\nprimitive j1 Dummy\nnode n')).toEqual([['node', 'n']]);
  });

  it('a quote may span a continuation', () => {
    const lines = splitLogicalLines('primitive p Dummy params a="x \\\ny"', 'f');
    expect(lines[0].words[4].text).toBe('a=x y');
    expect(lines[0].error).toBeUndefined();
  });

  it('handles CRLF and a BOM, skips empty lines', () => {
    const lines = splitLogicalLines('\uFEFFnode n1\r\n\r\n   \r\nnode n2\r\n', 'f');
    expect(lines.map((l) => l.text)).toEqual(['node n1', 'node n2']);
    expect(lines[0].at).toEqual({ file: 'f', line: 1, col: 1, offset: 1 });
    expect(lines[1].at).toEqual({ file: 'f', line: 4, col: 1, offset: 17 });
  });

  it('skips comment lines, or keeps them as word-less lines on request', () => {
    const text = '# web server\n  # second\nprimitive w Dummy # not a comment\n';
    expect(splitLogicalLines(text, 'f').map((l) => l.text)).toEqual(['primitive w Dummy # not a comment']);
    const kept = splitLogicalLines(text, 'f', { keepComments: true });
    expect(kept.map((l) => [l.text, l.words.length])).toEqual([
      ['# web server', 0],
      ['# second', 0],
      ['primitive w Dummy # not a comment', 7],
    ]);
    expect(kept[1].at).toEqual({ file: 'f', line: 2, col: 3, offset: 15 });
  });
});

describe('splitLogicalLines: positions', () => {
  it('gives each word the physical position of its first character and its end', () => {
    const [line] = splitLogicalLines('  node  "n 1"', 'f');
    expect(line.words[0].at).toEqual({ file: 'f', line: 1, col: 3, offset: 2 });
    expect(line.words[0].end).toEqual({ file: 'f', line: 1, col: 7, offset: 6 });
    expect(line.words[1].at).toEqual({ file: 'f', line: 1, col: 9, offset: 8 });
    expect(line.words[1].end).toEqual({ file: 'f', line: 1, col: 14, offset: 13 });
  });

  it('points into the continuation line for words that start there', () => {
    const text = 'primitive p Dummy \\\n    params a=1 \\\n  op monitor';
    const [line] = splitLogicalLines(text, 'f');
    const params = line.words[3];
    expect(params.text).toBe('params');
    expect(params.at).toEqual({ file: 'f', line: 2, col: 5, offset: text.indexOf('params') });
    const op = line.words[5];
    expect(op.at).toEqual({ file: 'f', line: 3, col: 3, offset: text.indexOf('op monitor') });
    expect(line.words[6].end.line).toBe(3);
  });
});
