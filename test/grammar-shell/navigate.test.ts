// Level moves checked against crmsh 4.4.1 with `crm -f` scripts (which level the next line ran in).
import { describe, expect, it } from 'vitest';
import { planLine } from '../../src/grammar/navigate.js';
import { printed } from './helpers.js';

const plan = (path: string, line: string) => planLine(path, line.split(' ').filter((w) => w !== ''));

describe('level words', () => {
  it('a level alone is entered and kept', () => {
    const p = plan('', 'configure');
    expect(p).toMatchObject({ ok: true, enter: ['configure'], moves: [], leaveAfter: 0, finalPath: 'configure', transit: true });
    expect(p.run).toBeUndefined();
  });

  it('nested level words', () => {
    expect(plan('', 'configure ra')).toMatchObject({ enter: ['configure', 'configure/ra'], finalPath: 'configure/ra' });
  });

  it('prefix-matched level words say so', () => {
    expect(printed(plan('', 'conf').diagnostics)).toEqual(['INFO: "conf" is accepted as "configure"']);
  });
});

describe('in transit', () => {
  it('configure show: enter, run, leave', () => {
    const p = plan('', 'configure show xml');
    expect(p).toMatchObject({ ok: true, enter: ['configure'], leaveAfter: 1, transit: true, finalPath: '' });
    expect(p.run).toMatchObject({ level: 'configure', command: 'show', argStart: 2 });
  });

  it('cib new x', () => {
    expect(plan('', 'cib new x')).toMatchObject({ enter: ['cib'], run: { level: 'cib', command: 'new', argStart: 2 }, leaveAfter: 1 });
  });

  it('configure primitive … typed at root runs the object command in transit', () => {
    const p = plan('', 'configure primitive p Dummy');
    expect(p.run).toMatchObject({ level: 'configure', command: 'primitive', argStart: 2 });
    expect(p.run?.spec.kind).toBe('object');
    expect(p.leaveAfter).toBe(1);
  });

  it('configure ra classes leaves both levels', () => {
    expect(plan('', 'configure ra classes')).toMatchObject({ enter: ['configure', 'configure/ra'], leaveAfter: 2, run: { level: 'configure/ra' } });
  });

  it('a command inside the current level does not leave', () => {
    expect(plan('configure', 'show')).toMatchObject({ enter: [], leaveAfter: 0, transit: false, finalPath: 'configure' });
  });

  // (`foo` would be accepted: f…o…o is a subsequence of fencing_topology.)
  it('an unknown word after a level word backs out', () => {
    const p = plan('', 'configure xyz');
    expect(p).toMatchObject({ ok: false, enter: ['configure'], leaveAfter: 1, finalPath: '' });
    expect(printed(p.diagnostics)).toEqual(['ERROR: configure.xyz: No such command']);
  });
});

describe('up, end, back, quit', () => {
  it('up leaves one level, asking about pending changes', () => {
    const p = plan('configure', 'up');
    expect(p.moves).toEqual([{ op: 'leave', from: 'configure', ask: true }]);
    expect(p.finalPath).toBe('');
  });

  it('end warns and is up', () => {
    const p = plan('configure', 'end');
    expect(printed(p.diagnostics)).toEqual([
      "WARNING: This command 'end' is deprecated, please use 'up'",
      'INFO: "end" is accepted as "up"',
    ]);
    expect(p.moves).toEqual([{ op: 'leave', from: 'configure', ask: true }]);
  });

  it('back from a nested level', () => {
    expect(plan('configure/ra', 'back')).toMatchObject({ moves: [{ op: 'leave', from: 'configure/ra', ask: true }], finalPath: 'configure' });
  });

  it('configure up: entered in transit, so leaving does not ask', () => {
    const p = plan('', 'configure up');
    expect(p).toMatchObject({ enter: ['configure'], moves: [{ op: 'leave', from: 'configure', ask: false }], leaveAfter: 0, finalPath: '' });
  });

  it('quit, exit and bye end the program from any level', () => {
    expect(plan('configure', 'quit').moves).toEqual([{ op: 'quit', from: 'configure' }]);
    expect(plan('', 'exit').moves).toEqual([{ op: 'quit', from: '' }]);
    expect(plan('resource', 'bye').moves).toEqual([{ op: 'quit', from: 'resource' }]);
  });

  it('up at root does not exist', () => {
    expect(printed(plan('', 'up').diagnostics)).toEqual(['ERROR: up: No such command']);
  });

  it('quit takes no arguments', () => {
    expect(printed(plan('', 'quit x').diagnostics)).toEqual(['ERROR: quit: Expected (), takes exactly 0 arguments (1 given)']);
  });
});

describe('cd', () => {
  it('cd with no argument goes up', () => {
    expect(plan('configure', 'cd')).toMatchObject({ moves: [{ op: 'leave', from: 'configure', ask: true }], finalPath: '' });
  });

  it('cd .. at root does nothing', () => {
    expect(plan('', 'cd ..')).toMatchObject({ ok: true, moves: [], finalPath: '' });
  });

  it('cd configure', () => {
    expect(plan('', 'cd configure')).toMatchObject({ moves: [{ op: 'enter', path: 'configure' }], finalPath: 'configure' });
  });

  it('cd configure/ra', () => {
    expect(plan('', 'cd configure/ra').moves).toEqual([
      { op: 'enter', path: 'configure' },
      { op: 'enter', path: 'configure/ra' },
    ]);
  });

  it('cd ../.. from configure/ra', () => {
    const p = plan('configure/ra', 'cd ../..');
    expect(p.moves).toEqual([
      { op: 'leave', from: 'configure/ra', ask: true },
      { op: 'leave', from: 'configure', ask: true },
    ]);
    expect(p.finalPath).toBe('');
  });

  it('cd ../cib goes sideways', () => {
    expect(plan('configure', 'cd ../cib').finalPath).toBe('cib');
  });

  it('cd matches level names like commands, silently', () => {
    const p = plan('', 'cd conf');
    expect(p.finalPath).toBe('configure');
    expect(p.diagnostics).toEqual([]);
  });

  it('configure cd ra stays in configure/ra', () => {
    expect(plan('', 'configure cd ra')).toMatchObject({ ok: true, leaveAfter: 0, finalPath: 'configure/ra' });
  });

  it('cd to a command is an error', () => {
    const p = plan('configure', 'cd show');
    expect(p.ok).toBe(false);
    expect(printed(p.diagnostics)).toEqual(['ERROR: configure.cd: show not found in configure']);
    expect(p.finalPath).toBe('configure');
  });

  it('cd configure/foo fails but stays in configure (crmsh keeps each moved segment)', () => {
    const p = plan('', 'cd configure/foo');
    expect(p).toMatchObject({ ok: false, leaveAfter: 0, finalPath: 'configure' });
    expect(printed(p.diagnostics)).toEqual(['ERROR: configure.cd: foo not found in configure']);
  });

  it('configure cd foo backs out of configure', () => {
    expect(plan('', 'configure cd foo')).toMatchObject({ ok: false, leaveAfter: 1, finalPath: '' });
  });

  it('cd takes one argument', () => {
    expect(printed(plan('', 'cd a b').diagnostics)).toEqual(['ERROR: cd: Expected ([optarg]), takes at most 1 arguments (2 given)']);
  });
});

describe('levels tcrm does not implement', () => {
  it('say so instead of No such command', () => {
    const p = plan('', 'cluster');
    expect(p.ok).toBe(false);
    expect(p.diagnostics[0]).toMatchObject({ code: 'TCRM0008', severity: 'error', message: 'cluster: cluster is not supported by tcrm yet' });
  });

  it('prefix-matched: INFO then the refusal', () => {
    expect(printed(plan('', 'cl').diagnostics)).toEqual([
      'INFO: "cl" is accepted as "cluster"',
      'ERROR: cluster: cluster is not supported by tcrm yet',
    ]);
  });

  it('configure sublevels too', () => {
    expect(printed(plan('configure', 'history').diagnostics)).toEqual([
      'ERROR: configure.history: history is not supported by tcrm yet',
    ]);
    expect(plan('', 'cd configure/template').ok).toBe(false);
  });
});

describe('property -h', () => {
  it('becomes help property', () => {
    const p = plan('configure', 'property -h');
    expect(p.run).toMatchObject({ command: 'help', argStart: 1 });
    expect(p.words).toEqual(['help', 'property']);
  });

  it('in transit', () => {
    const p = plan('', 'configure property --help');
    expect(p.words).toEqual(['configure', 'help', 'property']);
    expect(p.run).toMatchObject({ level: 'configure', command: 'help', argStart: 2 });
  });
});
