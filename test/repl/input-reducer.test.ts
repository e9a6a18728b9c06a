import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../../src/repl/keys.js';
import { initialInput, reduceInput, type InputEffect, type InputState, type ReduceContext } from '../../src/repl/input-reducer.js';
import type { Candidate, CompletionResult } from '../../src/completion/types.js';

/** Feeds raw terminal input (as tmux would send it) through the decoder and the reducer. */
function type(raw: string, state: InputState = initialInput(), ctx: ReduceContext = {}): { state: InputState; effects: InputEffect[] } {
  const effects: InputEffect[] = [];
  for (const key of decodeKeys(raw)) {
    const r = reduceInput(state, key, ctx);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

/** `text<|>rest` → the state with the cursor at the marker. */
function at(marked: string, history: string[] = []): InputState {
  const cursor = marked.indexOf('<|>');
  return { ...initialInput(history), buffer: marked.replace('<|>', ''), cursor };
}

function show(s: InputState): string {
  return s.buffer.slice(0, s.cursor) + '<|>' + s.buffer.slice(s.cursor);
}

const submits = (effects: InputEffect[]): string[] => effects.flatMap((e) => (e.type === 'submit' ? [e.text] : []));

describe('key decoding', () => {
  it('splits a chunk that tmux sends in one piece into single keys', () => {
    expect(decodeKeys('conf\t\r').map((k) => k.kind)).toEqual(['char', 'char', 'char', 'char', 'tab', 'enter']);
  });

  it('tells Backspace from Delete and keeps escape sequences whole', () => {
    expect(decodeKeys('\x7f\x1b[3~\x1b[D\x1b[1;5C\x1bOH').map((k) => k.kind)).toEqual(['backspace', 'delete', 'left', 'wordRight', 'home']);
  });

  it('maps control characters to Ctrl keys and paste markers to their own keys', () => {
    expect(decodeKeys('\x01\x1b[200~a\tb\x1b[201~')).toEqual([
      { kind: 'ctrl', letter: 'a' },
      { kind: 'pasteStart' },
      { kind: 'char', text: 'a' },
      { kind: 'tab' },
      { kind: 'char', text: 'b' },
      { kind: 'pasteEnd' },
    ]);
  });

  it('keeps characters outside the BMP as one key', () => {
    expect(decodeKeys('é😀')).toEqual([
      { kind: 'char', text: 'é' },
      { kind: 'char', text: '😀' },
    ]);
  });

  it('treats \\r\\n as one Enter', () => {
    expect(decodeKeys('a\r\nb').map((k) => k.kind)).toEqual(['char', 'enter', 'char']);
  });
});

describe('editing', () => {
  it('inserts at the cursor and moves by characters', () => {
    expect(show(type('prmitive\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[Di').state)).toBe('pri<|>mitive');
  });

  it('Home/End and Ctrl-A/Ctrl-E', () => {
    expect(show(type('\x1b[H', at('show x<|>')).state)).toBe('<|>show x');
    expect(show(type('\x1b[F', at('<|>show x')).state)).toBe('show x<|>');
    expect(show(type('\x01', at('show x<|>')).state)).toBe('<|>show x');
    expect(show(type('\x05', at('<|>show x')).state)).toBe('show x<|>');
  });

  it('moves and deletes by words', () => {
    expect(show(type('\x1bb', at('primitive vip IPaddr2<|>')).state)).toBe('primitive vip <|>IPaddr2');
    expect(show(type('\x1bf', at('<|>primitive vip')).state)).toBe('primitive<|> vip');
    expect(show(type('\x1b[1;5D', at('a bc<|>')).state)).toBe('a <|>bc');
    expect(show(type('\x1bd', at('a <|>bc de')).state)).toBe('a <|> de');
    expect(show(type('\x1b\x7f', at('params ip=1.2<|>')).state)).toBe('params ip=1.<|>');
  });

  it('Backspace and Delete remove one character each side', () => {
    expect(show(type('\x7f', at('ab<|>c')).state)).toBe('a<|>c');
    expect(show(type('\x1b[3~', at('ab<|>c')).state)).toBe('ab<|>');
    expect(show(type('\x7f', at('<|>abc')).state)).toBe('<|>abc');
    expect(show(type('\x7f', at('x😀<|>')).state)).toBe('x<|>');
  });

  it('Ctrl-K, Ctrl-U and Ctrl-W cut; Ctrl-Y yanks back', () => {
    expect(show(type('\x0b', at('show <|>vip')).state)).toBe('show <|>');
    expect(show(type('\x15', at('show <|>vip')).state)).toBe('<|>vip');
    expect(show(type('\x17', at('primitive ip=1.2.3.4<|>')).state)).toBe('primitive <|>');
    expect(show(type('\x17\x19', at('primitive ip=1.2.3.4<|>')).state)).toBe('primitive ip=1.2.3.4<|>');
  });

  it('Ctrl-C clears the line and the continuation lines', () => {
    const r = type('primitive \\\rvip\x03');
    expect(r.state.buffer).toBe('');
    expect(r.state.pending).toEqual([]);
    expect(r.effects).toContainEqual({ type: 'interrupt', echo: ['primitive \\', 'vip'] });
  });

  it('Ctrl-D quits only on an empty line; otherwise it deletes', () => {
    expect(type('\x04').effects).toEqual([{ type: 'eof' }]);
    const r = type('\x04', at('a<|>b'));
    expect(r.effects).toEqual([]);
    expect(show(r.state)).toBe('a<|>');
  });

  it('Ctrl-Z suspends, Ctrl-L clears the screen', () => {
    expect(type('\x1a').effects).toEqual([{ type: 'suspend' }]);
    expect(type('\x0c').effects).toEqual([{ type: 'clearScreen' }]);
  });
});

describe('lines and history', () => {
  it('Enter submits; a line ending in \\ continues and is joined as crmsh joins it', () => {
    const r = type('primitive p Dummy \\\r  params fake=1\\\rstate=2\r');
    expect(submits(r.effects)).toEqual(['primitive p Dummy params fake=1state=2']);
    expect(r.state.pending).toEqual([]);
  });

  it('the continuation state is visible while lines are pending', () => {
    expect(type('a \\\r').state.pending).toEqual(['a \\']);
  });

  it('Up and Down walk the history and restore the draft', () => {
    const s = at('dra<|>', ['configure', 'show']);
    const up1 = type('\x1b[A', s).state;
    expect(up1.buffer).toBe('show');
    expect(type('\x1b[A', up1).state.buffer).toBe('configure');
    expect(type('\x1b[A\x1b[B', up1).state.buffer).toBe('show');
    expect(type('\x1b[B', up1).state.buffer).toBe('dra');
  });

  it('history skips blanks and immediate repeats', () => {
    const r = type('show\rshow\r\r  \rup\r');
    expect(r.state.history).toEqual(['show', 'up']);
  });

  it('Ctrl-R searches backwards, again with Ctrl-R, and Enter runs the match', () => {
    const s = initialInput(['primitive a Dummy', 'show', 'primitive b Dummy', 'commit']);
    const r1 = type('\x12prim', s);
    expect(r1.state.search?.match).toBe(2);
    const r2 = type('\x12', r1.state);
    expect(r2.state.search?.match).toBe(0);
    const r3 = type('\r', r2.state);
    expect(submits(r3.effects)).toEqual(['primitive a Dummy']);
  });

  it('Ctrl-R with no match says so and Ctrl-G leaves the line as it was', () => {
    const s = { ...initialInput(['show']), buffer: 'x', cursor: 1 };
    const r = type('\x12zz', s);
    expect(r.state.search?.failed).toBe(true);
    expect(r.effects).toContainEqual({ type: 'bell' });
    const g = type('\x07', r.state);
    expect(g.state.search).toBeNull();
    expect(g.state.buffer).toBe('x');
  });

  it('a movement key ends the search with the match on the line', () => {
    const r = type('\x12sh\x1b[C', initialInput(['show changed']));
    expect(r.state.search).toBeNull();
    expect(r.state.buffer).toBe('show changed');
  });
});

describe('bracketed paste', () => {
  it('runs pasted lines one by one with Tabs kept literal', () => {
    const r = type('\x1b[200~primitive\tvip Dummy\nshow\n\x1b[201~');
    expect(submits(r.effects)).toEqual(['primitive\tvip Dummy', 'show']);
  });

  it('joins pasted continuation lines and keeps an unfinished last line in the buffer', () => {
    const r = type('\x1b[200~primitive p Dummy \\\n  op monitor interval=10s\nprim\x1b[201~');
    expect(submits(r.effects)).toEqual(['primitive p Dummy op monitor interval=10s']);
    expect(r.state.buffer).toBe('prim');
    expect(r.state.pasting).toBe(false);
  });
});

describe('Tab completion', () => {
  const cand = (text: string, extra: Partial<Candidate> = {}): Candidate => ({ text, kind: 'command', ...extra });
  /** A completer over a fixed word list, for the word before the cursor. */
  function words(list: Candidate[]): ReduceContext {
    return {
      complete: (line, cursor): CompletionResult => {
        const from = line.lastIndexOf(' ', cursor - 1) + 1;
        const typed = line.slice(from, cursor);
        const matches = list.filter((c) => c.text.startsWith(typed));
        const fuzzy = matches.length === 0 ? list.filter((c) => c.text.includes(typed)).map((c) => ({ ...c, fuzzy: true })) : [];
        let common = matches[0]?.text ?? '';
        for (const m of matches) while (!m.text.startsWith(common)) common = common.slice(0, -1);
        return { from, to: cursor, candidates: matches.length ? matches : fuzzy, common, complete: matches.length === 1 };
      },
    };
  }
  const level = words([cand('configure'), cand('cib'), cand('cd'), cand('primitive'), cand('property')]);

  it('one Tab inserts the unique match without a space; a second adds the space', () => {
    const r1 = type('conf\t', initialInput(), level);
    expect(show(r1.state)).toBe('configure<|>');
    expect(show(type('\t', r1.state, level).state)).toBe('configure <|>');
  });

  it('inserts the longest common prefix, then lists on the second Tab', () => {
    const r1 = type('p\t', initialInput(), level);
    expect(show(r1.state)).toBe('pr<|>');
    const r2 = type('\t', r1.state, level);
    expect(r2.effects).toContainEqual({ type: 'bell' });
    const r3 = type('\t', r2.state, level);
    expect(r3.effects).toContainEqual({ type: 'list', candidates: [cand('primitive'), cand('property')] });
  });

  it('lists fuzzy matches but never inserts them', () => {
    const r = type('figure\t\t', initialInput(), level);
    expect(r.state.buffer).toBe('figure');
    expect(r.effects).toContainEqual({ type: 'list', candidates: [cand('configure', { fuzzy: true })] });
  });

  it('completes in the middle of a line, replacing only the word', () => {
    const r = type('\t', at('conf<|> show'), level);
    expect(show(r.state)).toBe('configure<|> show');
  });

  it('asks before listing 100 or more candidates: y lists, n does not', () => {
    const many = words(Array.from({ length: 120 }, (_, i) => cand(`r${String(i).padStart(3, '0')}`)));
    const asked = type('r\t\t', initialInput(), many);
    expect(asked.state.confirmList).toHaveLength(120);
    const yes = type('y', asked.state, many);
    expect(yes.effects[0]).toMatchObject({ type: 'list', preface: 'Display all 120 possibilities? (y or n) y' });
    expect(yes.state.confirmList).toBeNull();
    const no = type('n', asked.state, many);
    expect(no.effects).toEqual([{ type: 'note', text: 'Display all 120 possibilities? (y or n) n' }]);
  });

  it('completion sees the continuation lines typed before', () => {
    let seen = '';
    const ctx: ReduceContext = {
      complete: (line, cursor) => {
        seen = line.slice(0, cursor);
        return { from: cursor, to: cursor, candidates: [], common: '', complete: false };
      },
    };
    type('primitive vip \\\rIPad\t', initialInput(), ctx);
    expect(seen).toBe('primitive vip IPad');
  });

  it('a Tab with no engine loaded yet rings and changes nothing', () => {
    const r = type('conf\t');
    expect(r.state.buffer).toBe('conf');
    expect(r.effects).toEqual([{ type: 'bell' }]);
  });
});
