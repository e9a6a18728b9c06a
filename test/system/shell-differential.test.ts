/**
 * Differential check against the installed crmsh: each line is run by `crm -f` at its level on
 * an offline CIB (CIB_file, a temporary HOME) and crmsh's ERROR/WARNING/INFO lines are compared
 * with tcrm's matcher + argument parser. Needs crmsh and Pacemaker's cibadmin, so it runs
 * in `npm run test:system`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../grammar-shell/helpers.js';
import { lsListing } from '../../src/grammar/shell-ls.js';

// A system test: crmsh must be installed (.ci/run installs it); a missing crm fails loudly.
const crmInstalled = spawnSync('crm', ['--version']).status === 0;

/** Lines with no side effects on the machine, grouped by the level they are typed at. */
const CASES: Record<string, string[]> = {
  '': ['CONFIGURE', 'conf', 'cfg', 'c', 'co', 'end', 'bye x', 'r', 'h', 'ls x', 'help x y z', 'quit x', 'up'],
  configure: [
    'co', 'col', 'e', 't', '_', 'Up', 'fencing-topology', 'xyz', 'rm', 'default_timeouts', 'get-property -t', 'commit foo',
    'commit force foo', 'commit force replace x', 'erase x', 'upgrade x', 'load', 'load xml', 'load xml update', 'load foo x',
    'load a b c', 'save', 'set a b', 'set a.b.c.d.e v', 'set a', 'modgroup g foo p', 'modgroup g remove p after x',
    'modgroup g add p foo x', 'modgroup g add p after', 'ptest foo', 'simulate baz', 'graph foo', 'rename a',
    'schema a b', 'validate-all', 'rsctest', 'filter', 'verify x', 'refresh x', 'cib new a/b', 'ra info', 'cd show',
    '*', '+x', '[', '[^', 'sh(', ')', 'sh)', 'a**', 's*?', 'ab+', 'x{2}', '^s', 'sh|', '|s', '(s)', 's?', '.', 'foo',
    'cd *', 'cd ra/[', 'END x', 'rm -f', 'SHOW xml', 'end x',
  ],
  cib: [
    'new a/b', 'new live', 'new @tmp@', 'new a b', 'new withstatus x', 'new x y force', 'use a/b', 'use live x',
    'delete a*b', 'reset', 'import', 'import a b c', 'commit a;b',
  ],
  node: [
    'attribute Lubuntu get color', 'attribute Lubuntu set color', 'attribute Lubuntu show color x',
    `attribute "Lub'x" set a b`, 'utilization Lubuntu foo x', 'status-attr Lubuntu delete x y', 'standby --all Lubuntu',
    'show a b', 'fence', 'delete', `maintenance "a'b"`, 'list x y',
  ],
  resource: [
    'param r get ip', 'param r foo ip', 'param r set ip', 'secret r get x', `meta "r'x" show a`, 'maintenance r maybe',
    'move r', 'move r a b c', 'ban r a b c', 'migrate', 'unmove', 'reprobe x y z w', 'untrace r a b c', 'start', 'stop',
    'locate', `list "a'b"`, 'cleanup a b c d', 'promote', 'st', 's',
  ],
  ra: ['meta', 'i', 'l', 'p', 'v', 'c', 'list', 'validate ocf:pacemaker:Dummy fake=1 bogus'],
  options: [
    'check-mode foo', 'check-frequency x', 'skill-level god', 'output blah', 'sort-elements maybe', 'add-quotes x',
    'manage-children x', 'set foo bar', 'set core.bogus 1', 'set bogus.x 1', 'set a.b.c 1', 'set color.error pink',
    'set color.error red bold', 'show x y', 'skill_level', 'wait MAYBE', 'list a b',
  ],
};

const MESSAGE = /^(ERROR|WARNING|INFO): /;

/** crmsh prints a Python object's repr in `cd` errors (`not found in <crmsh.… object at 0x…>`). */
const normalise = (lines: string[]): string[] => lines.map((l) => l.replace(/ not found in .*$/, ' not found in …'));

/** Run a crm -f script on a fresh offline CIB; stdout and stderr in one stream, colours removed. */
function runCrm(script: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-oracle-'));
  try {
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, execFileSync('cibadmin', ['--empty']));
    const env = { ...process.env, CIB_file: cib, HOME: dir };
    execFileSync('cibadmin', ['-C', '-o', 'nodes', '-X', '<node id="1" uname="Lubuntu"/>'], { env });
    execFileSync('cibadmin', ['-C', '-o', 'nodes', '-X', '<node id="2" uname="Lubuntu1"/>'], { env });
    writeFileSync(join(dir, 'script.crm'), script.join('\n') + '\n');
    const r = spawnSync('sh', ['-c', 'exec crm -f "$0" 2>&1', join(dir, 'script.crm')], { env, cwd: dir, encoding: 'utf8' });
    return r.stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function crmOutputs(level: string, lines: string[]): string[][] {
  // Marker lines around each case (crmsh answers `… zzmarkN: No such command`), then back to
  // the case's level so that a case which moves does not disturb the next one.
  const reset = ['cd ..', 'cd ..', 'cd ..', ...(level ? [`cd ${level}`] : [])];
  const out = runCrm([...reset, ...lines.flatMap((l, i) => [`zzmark${i}`, l, `zzend${i}`, ...reset])]);
  const groups: string[][] = [];
  let collecting = false;
  for (const l of out) {
    if (/zzmark\d+: No such command/.test(l)) {
      groups.push([]);
      collecting = true;
    } else if (/zzend\d+: No such command/.test(l)) collecting = false;
    else if (collecting && MESSAGE.test(l)) groups[groups.length - 1].push(l);
  }
  return groups;
}

describe('crmsh is installed', () => {
  it('runs crm --version', () => {
    expect(crmInstalled, 'crm is not installed: apt-get install crmsh (see .ci/run)').toBe(true);
  });
});

describe('tcrm says what crmsh says', () => {
  for (const [level, lines] of Object.entries(CASES)) {
    it(`at ${level || 'root'}`, () => {
      const crm = crmOutputs(level, lines);
      const ours = lines.map((l) => parse(level, l).out);
      const table = (outs: string[][]) => lines.map((l, i) => ({ line: l, out: normalise(outs[i] ?? []) }));
      expect(table(ours)).toEqual(table(crm));
    });
  }
});

describe('ls lists what crmsh lists', () => {
  it.each(['', 'configure', 'cib', 'node', 'resource', 'ra', 'options', 'configure/ra', 'configure/cib'])('at %s', (level) => {
    const out = runCrm([...(level ? [`cd ${level}`] : []), 'zzstart', 'ls', 'zzstop']);
    const from = out.findIndex((l) => l.includes('zzstart'));
    const to = out.findIndex((l) => l.includes('zzstop'));
    expect(lsListing(level)).toEqual(out.slice(from + 1, to));
  });
});
