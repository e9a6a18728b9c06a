import { describe, expect, it } from 'vitest';
import { isConfigureShortcut, requoteArgv } from '../../src/grammar/shell-requote.js';
import { LEVELS, listedCommands, qualifiedName, signatureOf } from '../../src/grammar/levels.js';
import { skillError } from '../../src/grammar/shell-arity.js';
import { findCommand } from '../../src/grammar/levels.js';
import { lineOf } from './helpers.js';
import { lsListing } from '../../src/grammar/shell-ls.js';

describe('requoteArgv (add-quotes)', () => {
  it('wraps elements with a space in double quotes', () => {
    expect(requoteArgv(['configure', 'primitive', 'x', 'Dummy', 'params', 'fake=a b'])).toBe('configure primitive x Dummy params "fake=a b"');
  });

  it('uses single quotes when the element has a double quote', () => {
    expect(requoteArgv(['state=x "y" z'])).toBe(`'state=x "y" z'`);
  });

  it('leaves an element with both kinds of quotes alone', () => {
    expect(requoteArgv([`a "b" 'c'`])).toBe(`a "b" 'c'`);
  });

  it('leaves elements without spaces alone, and everything when add-quotes is off', () => {
    expect(requoteArgv(['a', 'b"c'])).toBe('a b"c');
    expect(requoteArgv(['fake=a b'], false)).toBe('fake=a b');
  });

  it('the re-split line keeps the value together', () => {
    const line = lineOf(requoteArgv(['primitive', 'x', 'Dummy', 'params', 'fake=a b']));
    expect(line.words.map((w) => w.text)).toEqual(['primitive', 'x', 'Dummy', 'params', 'fake=a b']);
    const quoted = lineOf(requoteArgv(['params', 'state=x "y" z']));
    expect(quoted.words.map((w) => w.text)).toEqual(['params', 'state=x "y" z']);
  });

  it('crm conf… alone starts configure interactively', () => {
    expect(isConfigureShortcut(['conf'])).toBe(true);
    expect(isConfigureShortcut(['configure'])).toBe(true);
    expect(isConfigureShortcut(['configure', 'show'])).toBe(false);
  });
});

// The lists are crmsh 4.4.1's TAB lists (spec/completion.md §2).
describe('level tree', () => {
  it.each([
    ['', 'cd cib cibstatus cluster configure corosync help history ls maintenance node options quit ra report resource script site status verify'],
    ['configure', 'acl_target alert assist bundle cd cib cibstatus clone colocation commit default-timeouts delete edit erase fencing_topology filter get_property graph group help history load location ls modgroup monitor ms node op_defaults order primitive property ptest quit ra refresh rename role rsc_defaults rsc_template rsc_ticket rsctest save schema set show tag template up upgrade user validate-all verify xml'],
    ['resource', 'ban cd cleanup clear constraints demote failcount help locate ls maintenance manage meta move operations param promote quit refresh restart scores secret start status stop trace unmanage untrace up utilization'],
    ['node', 'attribute cd clearstate delete fence help ls maintenance online quit ready server show standby status-attr up utilization'],
    ['cib', 'cd cibstatus commit delete diff help import list ls new quit reset up use'],
    ['ra', 'cd classes help info list ls providers quit up validate'],
    ['options', 'add-quotes cd check-frequency check-mode colorscheme editor help ls manage-children output pager quit reset save set show skill-level sort-elements up user wait'],
  ])('%s lists what crmsh lists', (level, list) => {
    expect(listedCommands(level)).toEqual(list.split(' '));
  });

  it('every level has a summary and every command a usage', () => {
    for (const level of Object.values(LEVELS)) {
      expect(level.summary).not.toBe('');
      for (const c of level.commands) {
        expect(c.summary, `${level.name}.${c.name}`).not.toBe('');
        expect(c.usage, `${level.name}.${c.name}`).not.toBe('');
        if (c.kind === 'level') expect(LEVELS[c.level!], c.name).toBeDefined();
      }
    }
  });

  it('signatures give crmsh arity bounds', () => {
    expect(signatureOf('')).toEqual({ text: '', min: 0, max: 0 });
    expect(signatureOf('node cmd attr [value]')).toEqual({ text: 'node cmd attr [value]', min: 3, max: 4 });
    expect(signatureOf('rsc [args ...]')).toEqual({ text: 'rsc [args ...]', min: 1, max: -1 });
  });

  it('qualified names', () => {
    expect(qualifiedName('', 'ls')).toBe('ls');
    expect(qualifiedName('root', 'ls')).toBe('ls');
    expect(qualifiedName('configure/ra', 'info')).toBe('configure.ra.info');
  });

  it('skill levels', () => {
    const show = findCommand('configure', 'show')!;
    expect(skillError('configure', show, 'expert')).toBeUndefined();
    expect(skillError('configure', show, 'operator')?.message).toBe('configure.show: ACL administrator skill level required');
    expect(findCommand('configure', 'user')!.skill).toBe('expert');
    expect(findCommand('resource', 'status')!.skill).toBe('operator');
  });
});

describe('ls listing (crmsh 4.4.1 output, trailing spaces included)', () => {
  it('root', () => {
    const cell = (s: string) => `${s.padEnd(18)} `;
    expect(lsListing('')).toEqual([
      ['cd', 'help', 'quit', 'status'], ['cib', 'history', 'ra', 'verify'], ['cibstatus', 'ls', 'report'],
      ['cluster', 'maintenance', 'resource'], ['configure', 'node', 'script'], ['corosync', 'options', 'site'],
    ].map((row) => row.map(cell).join('')));
  });

  it('configure starts with .. and has 18 rows', () => {
    const lines = lsListing('configure');
    expect(lines).toHaveLength(18);
    expect(lines[0]).toBe(`${'..'.padEnd(18)} ${'graph'.padEnd(18)} ${'refresh'.padEnd(18)} ${'xml'.padEnd(18)} `);
    expect(lines[16]).toBe(`${'filter'.padEnd(18)} ${'quit'.padEnd(18)} ${'validate-all'.padEnd(18)} `);
    expect(lines[17]).toBe(`${'get_property'.padEnd(18)} ${'ra'.padEnd(18)} ${'verify'.padEnd(18)} `);
  });
});
