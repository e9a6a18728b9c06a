/**
 * The Ink REPL in a real terminal: a private tmux server (`tmux -L`), the built bundle started
 * with `CI` unset (Ink draws no prompt under CI), keys sent with `send-keys` (`-l` for literal
 * text), a paste through `load-buffer` + `paste-buffer -p` (bracketed), and the screen read back
 * with `capture-pane`. Assertions are on the prompt row itself. A missing tmux or bundle fails
 * the file under CI=true.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUNDLE = resolve('dist/tcrm.js');
const BASE = readFileSync(new URL('../../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');
const HOST = hostname().split('.')[0]!;
const haveTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const haveLess = spawnSync('less', ['--version'], { stdio: 'ignore' }).status === 0;
const missing = [
  !haveTmux && 'tmux (Debian package tmux)',
  !haveLess && 'less (Debian package less, the default pager)',
  !existsSync(BUNDLE) && `${BUNDLE} (run npm run build)`,
].filter(Boolean);
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`repl-terminal: missing ${missing.join(', ')}`);

const SOCKET = `tcrm-test-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'tcrm-repl-terminal-'));
const cib = join(dir, 'cib.xml');

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const keys = (...k: string[]): void => void tmux('send-keys', '-t', 'repl', ...k);
const text = (t: string): void => void tmux('send-keys', '-t', 'repl', '-l', t);

function screen(): string[] {
  return tmux('capture-pane', '-p', '-J', '-S', '-500', '-t', 'repl').replace(/\s+$/, '').split('\n').map((l) => l.trimEnd());
}

/** The row the cursor is on: the prompt row. */
function promptRow(): string {
  const y = Number(tmux('display-message', '-p', '-t', 'repl', '#{cursor_y}').trim());
  const visible = tmux('capture-pane', '-p', '-t', 'repl').split('\n');
  return (visible[y] ?? '').trimEnd();
}

function dump(): string {
  const r = spawnSync('tmux', ['-L', SOCKET, 'list-panes', '-a', '-F', '#{session_name}'], { encoding: 'utf8' });
  return (r.stdout ?? '')
    .split('\n')
    .filter(Boolean)
    .map((s) => `[${s}]\n` + spawnSync('tmux', ['-L', SOCKET, 'capture-pane', '-p', '-t', s], { encoding: 'utf8' }).stdout.trimEnd())
    .join('\n');
}

async function until<T>(what: string, probe: () => T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screens:\n${dump()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Only this file's own tmux server (its socket), never anyone else's.
afterAll(() => {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { stdio: 'ignore' });
});

const rowIs = (want: string) => until(`the prompt row ${JSON.stringify(want)}`, () => promptRow() === want.trimEnd());
const P = `crm(live/${HOST})# `;
const C = `crm(live/${HOST})configure# `;

describe.skipIf(missing.length > 0)('the REPL in a real terminal (tmux)', () => {
  beforeAll(() => {
    writeFileSync(cib, BASE);
    // The "editor": a script that rewrites the file it is given, as a user would.
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/cidr_netmask=24/cidr_netmask=16/" "$1"\n');
    chmodSync(editor, 0o755);
    const env = [
      `CIB_file=${cib}`,
      `XDG_STATE_HOME=${dir}/state`,
      `XDG_CONFIG_HOME=${dir}/config`,
      `HOME=${dir}`,
      `EDITOR=${editor}`,
      'TCRM_AGENT_SOURCE=bundled',
      'TERM=xterm-256color',
    ];
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'repl', '-x', '150', '-y', '45', '--', 'env', '-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION', ...env, process.execPath, BUNDLE);
    // Keep the pane after the program ends, so that its last screen ("bye") can be read.
    tmux('set-option', '-t', 'repl', 'remain-on-exit', 'on');
  });

  it('shows crmsh\'s prompt; conf<Tab> completes to configure on the prompt row', async () => {
    await rowIs(P);
    text('conf');
    keys('Tab');
    await rowIs(`${P}configure`);
    keys('Enter');
    await rowIs(C);
  });

  it('prim<Tab> and the IP agents on a double Tab', async () => {
    text('prim');
    keys('Tab');
    await rowIs(`${C}primitive`);
    text(' vip ocf:heartbeat:IP');
    keys('Tab', 'Tab');
    const listing = await until('the IP agents listed', () => screen().find((l) => /ocf:heartbeat:IPaddr\s+ocf:heartbeat:IPaddr2\s+ocf:heartbeat:IPsrcaddr\s+ocf:heartbeat:IPv6addr/.test(l)));
    expect(listing).toBeTruthy();
    await rowIs(`${C}primitive vip ocf:heartbeat:IP`);
  });

  it('params <Tab><Tab> lists the agent\'s parameters, the required one marked', async () => {
    text('addr2 params ');
    keys('Tab', 'Tab');
    await until('cidr_netmask= listed', () => screen().some((l) => l.startsWith('cidr_netmask=')));
    expect(screen().some((l) => /^ip=\*/.test(l))).toBe(true);
    await rowIs(`${C}primitive vip ocf:heartbeat:IPaddr2 params`);
    text('ip=10.200.0.100 cidr_netmask=24');
    keys('Enter');
    await rowIs(C);
    text('property stonith-enabled=false');
    keys('Enter');
    await rowIs(C);
  });

  it('edit vip goes through $EDITOR and the change is applied', async () => {
    text('edit vip');
    keys('Enter');
    await rowIs(C);
    text('show vip');
    keys('Enter');
    await until('show with the edited netmask', () => screen().some((l) => l.includes('cidr_netmask=16')));
    await rowIs(C);
  });

  it('a pasted show block runs line by line, Tabs literal, continuation joined', async () => {
    const paste = join(dir, 'paste.crm');
    writeFileSync(paste, 'primitive d1 Dummy \\\n\top monitor interval=10s timeout=20s\nprimitive d2 Dummy\n\tgroup\n');
    tmux('load-buffer', '-b', 'p', paste);
    tmux('paste-buffer', '-p', '-b', 'p', '-t', 'repl');
    text('show d1');
    keys('Enter');
    await until('d1 shown with its monitor', () => screen().some((l) => l.includes('op monitor interval=10s timeout=20s')));
    expect(screen().some((l) => l.startsWith('   > '))).toBe(true);
    // A pasted Tab is not a completion request: "\tgroup" ran as the (incomplete) command `group`.
    await rowIs(C);
  });

  it('commit writes the CIB file; quit says bye and ends', async () => {
    text('commit');
    keys('Enter');
    await until('the CIB file committed', () => readFileSync(cib, 'utf8').includes('id="d1"'));
    const xml = readFileSync(cib, 'utf8');
    expect(xml).toContain('<primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2"');
    expect(xml).toContain('name="cidr_netmask" value="16"');
    expect(xml).toContain('<primitive id="d2"');
    await rowIs(C);
    text('quit');
    keys('Enter');
    await until('bye', () => screen().includes('bye'));
    const history = readFileSync(join(dir, 'state', 'tcrm', 'history'), 'utf8');
    expect(history).toContain('edit vip\n');
  });
});

describe.skipIf(missing.length > 0)('Ctrl-Z and fg from a job-control shell', () => {
  const session = 'job';
  const row = (): string => {
    const y = Number(tmux('display-message', '-p', '-t', session, '#{cursor_y}').trim());
    return (tmux('capture-pane', '-p', '-t', session).split('\n')[y] ?? '').trimEnd();
  };
  const waitRow = (want: string) => until(`the row ${JSON.stringify(want)} in the shell pane`, () => row() === want.trimEnd());
  const typeIn = (t: string) => {
    tmux('send-keys', '-t', session, '-l', t);
    tmux('send-keys', '-t', session, 'Enter');
  };

  it('suspends to the shell and resumes in raw mode with completion working', async () => {
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', '--', 'env', '-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION', 'PS1=$ ', 'bash', '--norc', '--noprofile', '-i');
    await waitRow('$ ');
    const cib2 = join(dir, 'cib2.xml');
    writeFileSync(cib2, BASE);
    typeIn(`CIB_file=${cib2} XDG_STATE_HOME=${dir}/state2 TCRM_AGENT_SOURCE=bundled ${process.execPath} ${BUNDLE}`);
    await waitRow(P);
    typeIn('configure');
    await waitRow(C);
    tmux('send-keys', '-t', session, 'C-z');
    await waitRow('$ ');
    expect(tmux('capture-pane', '-p', '-t', session)).toMatch(/Stopped/);
    typeIn('fg');
    await waitRow(C);
    tmux('send-keys', '-t', session, '-l', 'sho');
    tmux('send-keys', '-t', session, 'Tab');
    await waitRow(`${C}show`);
    tmux('send-keys', '-t', session, 'C-u');
    await waitRow(C);
    typeIn('quit');
    await waitRow('$ ');
  });
});

describe.skipIf(missing.length > 0)('level start', () => {
  it('`tcrm configure` on a terminal starts the REPL inside configure', async () => {
    const cib3 = join(dir, 'cib3.xml');
    writeFileSync(cib3, BASE);
    tmux('new-session', '-d', '-s', 'lvl', '-x', '120', '-y', '30', '--', 'env', '-u', 'CI', `CIB_file=${cib3}`, `XDG_STATE_HOME=${dir}/state3`, 'TCRM_AGENT_SOURCE=bundled', process.execPath, BUNDLE, 'configure');
    tmux('set-option', '-t', 'lvl', 'remain-on-exit', 'on');
    const row = (): string => {
      const y = Number(tmux('display-message', '-p', '-t', 'lvl', '#{cursor_y}').trim());
      return (tmux('capture-pane', '-p', '-t', 'lvl').split('\n')[y] ?? '').trimEnd();
    };
    await until('the configure prompt', () => row() === C.trimEnd());
    tmux('send-keys', '-t', 'lvl', '-l', 'up');
    tmux('send-keys', '-t', 'lvl', 'Enter');
    await until('the root prompt after up', () => row() === P.trimEnd());
    tmux('send-keys', '-t', 'lvl', 'C-d');
    await until('bye', () => tmux('capture-pane', '-p', '-t', 'lvl').includes('bye'));
  });
});

describe.skipIf(missing.length > 0)('Ctrl-C while a command runs', () => {
  it('stops a hanging tool and a watch; the prompt comes back and the next command runs', async () => {
    const cib4 = join(dir, 'cib4.xml');
    writeFileSync(cib4, BASE);
    const bin = join(dir, 'bin-ctrl-c');
    const monXml = resolve('fixtures/crm-mon/sim3.mon.xml');
    spawnSync('mkdir', ['-p', bin]);
    // A crm_mon that hangs until told otherwise, then one that answers (a marker file switches).
    const answer = join(dir, 'crm_mon-answers');
    writeFileSync(join(bin, 'crm_mon'), `#!/bin/sh\nif [ -e '${answer}' ]; then cat '${monXml}'; else exec sleep 300; fi\n`);
    chmodSync(join(bin, 'crm_mon'), 0o755);
    tmux('new-session', '-d', '-s', 'intr', '-x', '150', '-y', '45', '--', 'env', '-u', 'CI', `CIB_file=${cib4}`, `PATH=${bin}:${process.env.PATH}`, `XDG_STATE_HOME=${dir}/state4`, `HOME=${dir}`, 'TCRM_AGENT_SOURCE=bundled', process.execPath, BUNDLE);
    tmux('set-option', '-t', 'intr', 'remain-on-exit', 'on');
    const pane = (): string => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'intr');
    const row = (): string => {
      const y = Number(tmux('display-message', '-p', '-t', 'intr', '#{cursor_y}').trim());
      return (tmux('capture-pane', '-p', '-t', 'intr').split('\n')[y] ?? '').trimEnd();
    };
    const typeIn = (t: string): void => {
      tmux('send-keys', '-t', 'intr', '-l', t);
      tmux('send-keys', '-t', 'intr', 'Enter');
    };
    await until('the prompt', () => row() === P.trimEnd());

    // A pasted block: Ctrl-C during its first line drops the rest (`cd configure` never runs).
    const block = join(dir, 'ctrl-c-paste.crm');
    writeFileSync(block, 'status\ncd configure\n');
    tmux('load-buffer', '-b', 'cc', block);
    tmux('paste-buffer', '-p', '-b', 'cc', '-t', 'intr');
    await new Promise((r) => setTimeout(r, 1500));
    expect(row()).not.toBe(P.trimEnd()); // still waiting for the hanging crm_mon
    const pressed = Date.now();
    tmux('send-keys', '-t', 'intr', 'C-c');
    await until('the interruption notice', () => pane().includes('interrupted: tcrm stopped waiting for crm_mon on local'));
    await until('the prompt after Ctrl-C', () => row() === P.trimEnd());
    expect(Date.now() - pressed).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(row()).toBe(P.trimEnd());
    // The killed crm_mon is gone, not left sleeping.
    expect(spawnSync('pgrep', ['-f', `${bin}/crm_mon`]).status).not.toBe(0);

    writeFileSync(answer, '');
    typeIn('status watch=1');
    await until('two refreshes', () => (pane().match(/Cluster Summary:/g)?.length ?? 0) >= 2);
    tmux('send-keys', '-t', 'intr', 'C-c');
    await until('the prompt after stopping the watch', () => row() === P.trimEnd());
    const refreshes = pane().match(/Cluster Summary:/g)?.length ?? 0;
    await new Promise((r) => setTimeout(r, 2500));
    expect(pane().match(/Cluster Summary:/g)?.length ?? 0).toBe(refreshes); // the watch really stopped

    typeIn('status');
    await until('a third status', () => (pane().match(/Cluster Summary:/g)?.length ?? 0) === refreshes + 1);
    await until('the prompt', () => row() === P.trimEnd());
    typeIn('quit');
    await until('bye', () => pane().includes('bye'));
  });
});

describe.skipIf(missing.length > 0)('the pager', () => {
  it('output taller than the terminal goes through less; q brings the prompt back; short output does not', async () => {
    const cib5 = join(dir, 'cib5.xml');
    writeFileSync(cib5, BASE);
    tmux('new-session', '-d', '-s', 'pager', '-x', '120', '-y', '30', '--', 'env', '-u', 'CI', '-u', 'PAGER', `CIB_file=${cib5}`, `XDG_STATE_HOME=${dir}/state5`, `HOME=${dir}`, 'TCRM_AGENT_SOURCE=bundled', 'TERM=xterm-256color', process.execPath, BUNDLE);
    tmux('set-option', '-t', 'pager', 'remain-on-exit', 'on');
    const visible = (): string[] => tmux('capture-pane', '-p', '-t', 'pager').split('\n').map((l) => l.trimEnd());
    const row = (): string => {
      const y = Number(tmux('display-message', '-p', '-t', 'pager', '#{cursor_y}').trim());
      return visible()[y] ?? '';
    };
    const typeIn = (t: string): void => {
      tmux('send-keys', '-t', 'pager', '-l', t);
      tmux('send-keys', '-t', 'pager', 'Enter');
    };
    await until('the prompt', () => row() === P.trimEnd());
    typeIn('ra info ocf:heartbeat:IPaddr2');
    // less holds the screen: the agent's title on top, its prompt (`:`) on the last row.
    await until('less showing the page', () => visible()[0]?.includes('IPaddr2') && /^:/.test(visible().filter(Boolean).at(-1) ?? ''));
    tmux('send-keys', '-t', 'pager', 'q');
    await until('the prompt after q', () => row() === P.trimEnd());
    typeIn('ls');
    await until('short output printed, the prompt back', () => row() === P.trimEnd() && visible().some((l) => l.includes('configure')));
    typeIn('quit');
  });
});
