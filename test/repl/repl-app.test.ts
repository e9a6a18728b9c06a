import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { cleanup, render } from 'ink-testing-library';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';
import { ReplController, type ReplHost } from '../../src/repl/controller.js';
import { ReplApp, type Writers } from '../../src/repl/ui/App.js';
import { complete, highlight } from '../../src/completion/index.js';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { noPaint } from '../../src/repl/render-line.js';
import type { HighlightResult } from '../../src/completion/types.js';

const BASE = readFileSync(new URL('../../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

/** The controller over a real session on a CIB file, rendered by ink-testing-library. */
function mount(opts: { engine?: boolean; highlight?: (line: string) => HighlightResult; early?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-app-test-'));
  const cib = join(dir, 'cib.xml');
  writeFileSync(cib, BASE);
  const env = { CIB_file: cib, HOME: dir, XDG_STATE_HOME: dir, XDG_CONFIG_HOME: dir, TCRM_AGENT_SOURCE: 'bundled' };
  const session = new Session({ env, cwd: dir, out: streamOutput(() => {}, () => {}), interactive: true, force: false, answerNo: false });
  const controller = new ReplController(opts.early ? null : session, {
    host: 'Lubuntu',
    earlyLabel: 'live',
    paint: noPaint,
    listingStyle: { dim: (t) => t },
    styler: { label: (l) => l },
    history: [],
    pendingHint: 'y: commit them, n: drop them, cancel: stay here with the changes',
  });
  if (opts.engine !== false && !opts.early) {
    controller.setEngine({
      complete: (line, cursor) =>
        complete({ levels: session.levels, cib: session.configure?.working, agents: bundledCatalog(), shadows: () => [], cwd: dir }, line, cursor),
      highlight: opts.highlight ?? ((line) => highlight(session.levels, line)),
    });
  }
  let writers: Writers | null = null;
  const written: string[] = [];
  let exitCode: number | null = null;
  const host: ReplHost = {
    write: (t) => {
      written.push(t);
      writers?.write(t);
    },
    writeErr: (t) => {
      written.push(t);
      writers?.writeErr(t);
    },
    columns: () => 100,
    bell: () => {},
    clearScreen: () => {},
    suspend: () => {},
    exit: (code) => {
      exitCode = code;
    },
  };
  controller.attach(host);
  const app = render(createElement(ReplApp, { controller, onReady: (w) => (writers = w) }));
  return { app, controller, session, written, cib, exitCode: () => exitCode };
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await tick(10);
  }
}

afterEach(() => cleanup());

describe('the REPL component', () => {
  it('shows crmsh\'s prompt and echoes typed text', async () => {
    const { app } = mount();
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe(('crm(live/Lubuntu)# ').trimEnd());
    app.stdin.write('conf');
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe(('crm(live/Lubuntu)# conf').trimEnd());
  });

  it('Tab completes in the frame; Enter runs the line and the prompt follows the level', async () => {
    const { app, written, session } = mount();
    await tick();
    app.stdin.write('conf\t');
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe(('crm(live/Lubuntu)# configure').trimEnd());
    app.stdin.write('\r');
    await until(() => session.levels[0] === 'configure' && app.lastFrame()?.trimEnd() === 'crm(live/Lubuntu)configure# '.trimEnd());
    expect(written).toContain('crm(live/Lubuntu)# configure\n');
  });

  it('double Tab lists the IP agents above the prompt', async () => {
    const { app, written, session } = mount();
    await tick();
    app.stdin.write('configure\r');
    await until(() => session.levels[0] === 'configure');
    app.stdin.write('primitive vip ocf:heartbeat:IP\t\t');
    await tick();
    const listing = written.join('');
    for (const a of ['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:IPsrcaddr', 'ocf:heartbeat:IPv6addr']) {
      expect(listing).toMatch(new RegExp(`${a}\\b`));
    }
    expect(app.lastFrame()?.trimEnd()).toBe(('crm(live/Lubuntu)configure# primitive vip ocf:heartbeat:IP').trimEnd());
  });

  it('an invalid line shows a marker under the bad word and a hint, before Enter', async () => {
    // The highlighter's verdict is the completion engine's; here a fixed one checks the drawing.
    const { app } = mount({
      highlight: (line) => {
        const at = line.indexOf('paramz');
        return at < 0 ? { spans: [] } : { spans: [{ from: 0, to: 9, style: 'keyword' }], error: { from: at, to: at + 6, hint: 'expected params, meta, op' } };
      },
    });
    await tick();
    app.stdin.write('primitive vip Dummy paramz');
    await tick();
    const [line, hint] = (app.lastFrame() ?? '').split('\n');
    expect(line).toBe('crm(live/Lubuntu)# primitive vip Dummy paramz');
    expect(hint).toBe(' '.repeat(line!.indexOf('paramz')) + '^^^^^^ expected params, meta, op');
  });

  it('a continuation line shows the continuation prompt', async () => {
    const { app } = mount();
    await tick();
    app.stdin.write('configure \\\r');
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe(('   > ').trimEnd());
  });

  it('Ctrl-C clears the line and echoes ^C', async () => {
    const { app, written } = mount();
    await tick();
    app.stdin.write('show x\x03');
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe(('crm(live/Lubuntu)# ').trimEnd());
    expect(written).toContain('crm(live/Lubuntu)# show x^C\n');
  });

  it('leaving configure with changes asks; cancel stays, n drops them and leaves', async () => {
    const { app, session } = mount();
    await tick();
    app.stdin.write('configure\rprimitive d Dummy\r');
    await until(() => session.configure?.hasChanges() === true);
    app.stdin.write('up\r');
    await until(() => (app.lastFrame() ?? '').startsWith('There are changes pending. Do you want to commit them (y/n)?'));
    expect(app.lastFrame()).toContain('cancel: stay here');
    app.stdin.write('cancel\r');
    await until(() => app.lastFrame()?.trimEnd() === 'crm(live/Lubuntu)configure# '.trimEnd());
    expect(session.levels).toEqual(['configure']);
    expect(session.configure?.hasChanges()).toBe(true);
    app.stdin.write('up\r');
    await until(() => (app.lastFrame() ?? '').startsWith('There are changes pending'));
    app.stdin.write('n\r');
    await until(() => app.lastFrame()?.trimEnd() === 'crm(live/Lubuntu)# '.trimEnd());
    expect(session.configure).toBeNull();
  });

  it('Ctrl-D on an empty line at any level asks about pending changes, commits on y, then says bye', async () => {
    const { app, session, written, cib, exitCode } = mount();
    await tick();
    app.stdin.write('configure\rproperty stonith-enabled=false\rprimitive d Dummy\r');
    await until(() => session.configure?.hasChanges() === true);
    app.stdin.write('\x04');
    await until(() => (app.lastFrame() ?? '').startsWith('There are changes pending'));
    app.stdin.write('y\r');
    await until(() => exitCode() !== null);
    expect(written[written.length - 1]).toBe('bye\n');
    expect(readFileSync(cib, 'utf8')).toContain('<primitive id="d" class="ocf" provider="heartbeat" type="Dummy"');
    expect(exitCode()).toBe(0);
  });

  it('Tab before the completion engine has loaded changes nothing', async () => {
    const { app } = mount({ engine: false });
    await tick();
    app.stdin.write('conf\t');
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe(('crm(live/Lubuntu)# conf').trimEnd());
  });

  it('mounted before the session exists (early start): typing works, lines wait and run once it is attached', async () => {
    const { app, controller, session } = mount({ early: true });
    await tick();
    expect(app.lastFrame()?.trimEnd()).toBe('crm(live/Lubuntu)#');
    app.stdin.write('configure\r');
    await tick();
    expect(session.levels).toEqual([]);
    controller.attachSession(session);
    await until(() => session.levels[0] === 'configure' && app.lastFrame()?.trimEnd() === 'crm(live/Lubuntu)configure#');
  });
});
