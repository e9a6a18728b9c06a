import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';
import { colourWanted, linePainter } from '../../src/cli/colour.js';
import { replColourOn } from '../../src/repl/colour-switch.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';

function session(): Session {
  return new Session({ env: { HOME: '/nonexistent', XDG_CONFIG_HOME: '/nonexistent' }, cwd: '/', out: streamOutput(() => {}, () => {}), interactive: true, force: false, answerNo: false });
}

describe('REPL colour', () => {
  it('paints the prompt bold green and highlight styles when on', () => {
    const paint = linePainter(() => true);
    expect(paint('prompt', 'crm(live/h)# ')).toBe('\x1b[32m\x1b[1mcrm(live/h)# \x1b[22m\x1b[39m');
    expect(paint('keyword', 'primitive')).toMatch(/^\x1b\[\d+mprimitive\x1b\[39m$/);
    expect(paint('plain', 'x')).toBe('x');
  });

  it('NO_COLOR at start turns it off for good', () => {
    const on = colourWanted({ env: { NO_COLOR: '1' }, isTTY: true });
    expect(on).toBe(false);
    const paint = linePainter(replColourOn(() => session(), on));
    expect(paint('prompt', 'p')).toBe('p');
  });

  it('`options output plain` turns it off while the shell runs, `options output color` back on', async () => {
    const s = session();
    const paint = linePainter(replColourOn(() => s, true));
    expect(paint('keyword', 'show')).not.toBe('show');
    await s.executeLine(splitLogicalLines('options output plain', '<t>')[0]!);
    expect(paint('keyword', 'show')).toBe('show');
    await s.executeLine(splitLogicalLines('options output color', '<t>')[0]!);
    expect(paint('keyword', 'show')).not.toBe('show');
  });
});
