import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialInput, type InputState } from '../../src/repl/input-reducer.js';
import { liveView, noPaint, paintSpans, type Paint } from '../../src/repl/render-line.js';
import { formatListing } from '../../src/repl/listing.js';
import { loadHistory, saveHistory } from '../../src/repl/history-store.js';
import { promptText } from '../../src/repl/prompt.js';

const at = (buffer: string, cursor = buffer.length, extra: Partial<InputState> = {}): InputState => ({ ...initialInput(), buffer, cursor, ...extra });
const tagPaint: Paint = (style, text) => `<${style}>${text}</>`;

describe('prompt', () => {
  it('is crmsh\'s, with levels joined by a space', () => {
    expect(promptText('live', [], 'Lubuntu')).toBe('crm(live/Lubuntu)# ');
    expect(promptText('config', ['configure'], 'Lubuntu')).toBe('crm(config/Lubuntu)configure# ');
    expect(promptText('live', ['configure', 'ra'], 'vm')).toBe('crm(live/vm)configure ra# ');
  });
});

describe('live view', () => {
  const base = { prompt: 'crm(live/h)# ', columns: 80, paint: noPaint };

  it('puts the cursor after the prompt and the text before it', () => {
    const v = liveView({ ...base, state: at('configure', 4) });
    expect(v.line).toBe('crm(live/h)# configure');
    expect(v.cursor).toEqual({ x: 'crm(live/h)# '.length + 4, y: 0 });
  });

  it('wraps the cursor position on narrow terminals', () => {
    const v = liveView({ ...base, columns: 10, state: at('abcdefghij') });
    expect(v.cursor).toEqual({ x: (13 + 10) % 10, y: 2 });
  });

  it('shows the continuation prompt after a \\ line', () => {
    const v = liveView({ ...base, state: at('op monitor', 10, { pending: ['primitive p Dummy \\'] }) });
    expect(v.line).toBe('   > op monitor');
  });

  it('paints the spans of the highlighter and leaves gaps plain', () => {
    expect(paintSpans('primitive vip', 0, [{ from: 0, to: 9, style: 'keyword' }, { from: 10, to: 13, style: 'id' }], tagPaint)).toBe(
      '<keyword>primitive</> <id>vip</>',
    );
    // Spans are offsets in the whole text typed (continuation lines first).
    expect(paintSpans('vip', 10, [{ from: 10, to: 13, style: 'id' }], tagPaint)).toBe('<id>vip</>');
  });

  it('marks an invalid word and gives the hint under the prompt', () => {
    const v = liveView({
      ...base,
      paint: tagPaint,
      state: at('show x y'),
      highlight: { spans: [], error: { from: 5, to: 6, hint: 'no such object' } },
    });
    expect(v.hint).toBe(' '.repeat(13 + 5) + '<marker>^</> <hint>no such object</>');
  });

  it('a question replaces the prompt, unpainted, with its own hint', () => {
    const v = liveView({ ...base, paint: tagPaint, state: at('ca'), question: 'Commit (y/n)? ', questionHint: 'cancel stays' });
    expect(v.line).toBe('Commit (y/n)? ca');
    expect(v.hint).toBe('<hint>cancel stays</>');
  });

  it('Ctrl-R shows readline\'s search line', () => {
    const state = { ...initialInput(['show', 'commit']), search: { query: 'com', match: 1, failed: false } };
    expect(liveView({ ...base, state }).line).toBe("(reverse-i-search)`com': commit");
    const failed = { ...state, search: { query: 'zz', match: -1, failed: true } };
    expect(liveView({ ...base, state: failed }).line).toBe("(failed reverse-i-search)`zz': ");
  });

  it('asks before a long listing', () => {
    const state = { ...initialInput(), confirmList: Array.from({ length: 150 }, (_, i) => ({ text: `r${i}`, kind: 'id' as const })) };
    expect(liveView({ ...base, state }).line).toBe('Display all 150 possibilities? (y or n)');
  });
});

describe('double-Tab listing', () => {
  it('fills columns down first, like readline', () => {
    const words = ['alpha-1', 'alpha-2', 'alpha-3', 'beta--1', 'beta--2'].map((text) => ({ text, kind: 'id' as const }));
    expect(formatListing(words, 20)).toBe('alpha-1  beta--1\nalpha-2  beta--2\nalpha-3');
  });

  it('lists one per line with descriptions, marks required and fuzzy ones', () => {
    const text = formatListing(
      [
        { text: 'ip=', kind: 'param', required: true, description: 'IPv4 address' },
        { text: 'nic=', kind: 'param', description: 'network interface' },
        { text: 'cidr_netmask=', kind: 'param', fuzzy: true },
      ],
      80,
    );
    expect(text.split('\n')).toEqual(['ip=*            IPv4 address', 'nic=            network interface', '~cidr_netmask=']);
  });
});

describe('history file', () => {
  it('round-trips, drops blanks, keeps the last 1000 and writes atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcrm-history-'));
    const path = join(dir, 'sub', 'history');
    expect(loadHistory(path)).toEqual([]);
    const many = Array.from({ length: 1005 }, (_, i) => `show d${i}`);
    await saveHistory(path, many);
    const back = loadHistory(path);
    expect(back).toHaveLength(1000);
    expect(back[0]).toBe('show d5');
    writeFileSync(path, 'configure\n\n  \nshow\n');
    expect(loadHistory(path)).toEqual(['configure', 'show']);
    await saveHistory(path, ['a', 'b']);
    expect(readFileSync(path, 'utf8')).toBe('a\nb\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('incomplete lines', () => {
  it('an empty error range at the end means "incomplete": a quiet hint, no marker', () => {
    const v = liveView({
      prompt: 'crm(live/h)# ',
      columns: 80,
      paint: tagPaint,
      state: at('primitive vip'),
      highlight: { spans: [], error: { from: 13, to: 13, hint: 'expects an agent' } },
    });
    expect(v.hint).toBe(' '.repeat(13 + 13) + '<hint>expects an agent</>');
    expect(v.hint).not.toContain('<marker>');
  });
});

describe('a line longer than the screen', () => {
  it('scrolls horizontally on one row around the cursor instead of filling the screen', () => {
    const long = 'x'.repeat(500) + 'END';
    const v = liveView({ prompt: 'crm(live/h)# ', columns: 40, rows: 10, paint: noPaint, state: at(long) });
    expect(v.line.startsWith('crm(live/h)# <')).toBe(true);
    expect(v.line.endsWith('END')).toBe(true);
    expect(v.line.length).toBeLessThanOrEqual(40);
    expect(v.cursor.y).toBe(0);
    const mid = liveView({ prompt: 'crm(live/h)# ', columns: 40, rows: 10, paint: noPaint, state: at(long, 250) });
    expect(mid.line.endsWith('>')).toBe(true);
    expect(mid.cursor.x).toBeLessThan(40);
  });

  it('a line that fits wraps as usual', () => {
    const v = liveView({ prompt: 'crm(live/h)# ', columns: 40, rows: 10, paint: noPaint, state: at('x'.repeat(100)) });
    expect(v.line).toBe('crm(live/h)# ' + 'x'.repeat(100));
  });
});
