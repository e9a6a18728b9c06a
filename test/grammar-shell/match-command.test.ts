// Expected texts were produced by crmsh 4.4.1 (`crm -f`, offline CIB_file) on this machine.
import { describe, expect, it } from 'vitest';
import { matchCommand } from '../../src/grammar/match-command.js';
import { printed } from './helpers.js';

function says(level: string, word: string): string[] {
  return printed(matchCommand(level, word).diagnostics);
}

const accepted = (typed: string, name: string): string => `INFO: "${typed}" is accepted as "${name}"`;
const deprecated = (alias: string, name: string): string => `WARNING: This command '${alias}' is deprecated, please use '${name}'`;

describe('exact names', () => {
  it('match silently', () => {
    const m = matchCommand('', 'configure');
    expect(m.ok && m.name).toBe('configure');
    expect(m.diagnostics).toEqual([]);
    expect(says('configure', 'show')).toEqual([]);
  });
});

describe('prefix, case and subsequence (root)', () => {
  it.each([
    ['CONFIGURE', 'configure'],
    ['conf', 'configure'],
    ['CONF', 'configure'],
    ['Configure', 'configure'],
    ['cfg', 'configure'],
    ['st', 'status'],
    ['no', 'node'],
    ['op', 'options'],
    ['q', 'quit'],
    ['cibs', 'cibstatus'],
    ['cl', 'cluster'],
    // `e` is a prefix of the alias key `exit` only: accepted, but no deprecation warning.
    ['e', 'quit'],
  ])('%s → %s', (typed, name) => {
    const m = matchCommand('', typed);
    expect(m.ok && m.name).toBe(name);
    expect(printed(m.diagnostics)).toEqual([accepted(typed, name)]);
  });
});

describe('prefix and subsequence (configure)', () => {
  it.each([
    ['prim', 'primitive'],
    ['PRIMITIVE', 'primitive'],
    ['ed', 'edit'],
    ['mon', 'monitor'],
    ['shw', 'show'],
    ['END', 'up'],
    // f…o…o is a subsequence of fencing_topology.
    ['foo', 'fencing_topology'],
  ])('%s → %s', (typed, name) => {
    expect(says('configure', typed)).toEqual([accepted(typed, name)]);
  });

  it('subsequence at other levels', () => {
    expect(says('node', 'ra')).toEqual([accepted('ra', 'ready')]);
    expect(says('ra', 'i')).toEqual([accepted('i', 'info')]);
    expect(says('ra', 'p')).toEqual([accepted('p', 'providers')]);
    expect(says('ra', 'v')).toEqual([accepted('v', 'validate')]);
  });
});

describe('deprecated aliases: WARNING then INFO', () => {
  it.each([
    ['', 'bye', 'quit'],
    ['', 'exit', 'quit'],
    ['', '?', 'help'],
    ['configure', 'end', 'up'],
    ['configure', 'collocation', 'colocation'],
    ['configure', 'master', 'ms'],
    ['configure', 'resource', 'primitive'],
    ['configure', 'simulate', 'ptest'],
    ['configure', 'get-property', 'get_property'],
    ['configure', 'default_timeouts', 'default-timeouts'],
    ['configure', 'rm', 'delete'],
    ['resource', 'list', 'status'],
    ['resource', 'migrate', 'move'],
    ['resource', 'unmove', 'clear'],
    ['resource', 'unban', 'clear'],
    ['resource', 'unmigrate', 'clear'],
    ['resource', 'reprobe', 'refresh'],
    ['node', 'list', 'show'],
    ['ra', 'meta', 'info'],
    ['options', 'list', 'show'],
    ['options', 'skill_level', 'skill-level'],
    ['options', 'add_quotes', 'add-quotes'],
  ])('%s %s → %s', (level, alias, name) => {
    expect(says(level, alias)).toEqual([deprecated(alias, name), accepted(alias, name)]);
  });

  it('-h and --help are not deprecated', () => {
    expect(says('configure', '-h')).toEqual([accepted('-h', 'help')]);
    expect(says('configure', '--help')).toEqual([accepted('--help', 'help')]);
  });

  it('every alias but -h/--help is flagged deprecated in the table', () => {
    const m = matchCommand('configure', 'collocation');
    expect(m.ok && m.spec.aliases).toEqual([{ name: 'collocation', deprecated: true }]);
  });
});

describe('no match and ambiguity', () => {
  it.each(['c', 'co', 'end', 'r', 're', 'h', 'up'])('root: %s', (word) => {
    expect(says('', word)).toEqual([`ERROR: ${word}: No such command`]);
  });

  // `col` hits colocation and its alias key collocation: ambiguous for crmsh too.
  it.each(['co', 'col', 'cfg', 'e', 't', '_', 'Up', 'fencing-topology', 'CONFIGURE'])('configure: %s', (word) => {
    expect(says('configure', word)).toEqual([`ERROR: configure.${word}: No such command`]);
  });

  it('nested levels qualify the name', () => {
    expect(says('resource', 'st')).toEqual(['ERROR: resource.st: No such command']);
    expect(says('resource', 's')).toEqual(['ERROR: resource.s: No such command']);
    expect(says('ra', 'l')).toEqual(['ERROR: ra.l: No such command']);
    expect(says('ra', 'c')).toEqual(['ERROR: ra.c: No such command']);
    expect(says('configure/ra', 'nope')).toEqual(['ERROR: configure.ra.nope: No such command']);
  });

  it('root has no up', () => {
    expect(matchCommand('', 'up').ok).toBe(false);
    expect(matchCommand('root', 'back').ok).toBe(false);
  });
});

describe('levels', () => {
  it('a level word matches a level', () => {
    const m = matchCommand('configure', 'ra');
    expect(m.ok && m.spec.kind).toBe('level');
    const c = matchCommand('', 'cluster');
    expect(c.ok && c.spec.supported).toBe(false);
  });

  it('object commands are recognised', () => {
    const m = matchCommand('configure', 'prim');
    expect(m.ok && m.spec.kind).toBe('object');
  });
});

describe('the typed word is a regular expression, as in crmsh', () => {
  it.each([
    ['s.ow', 'show'],
    ['s\\w', 'show'],
  ])('%s → %s', (typed, name) => {
    expect(says('configure', typed)).toEqual([accepted(typed, name)]);
  });

  it.each([
    ['*', 'nothing to repeat at position 0'],
    ['+x', 'nothing to repeat at position 0'],
    ['[', 'unterminated character set at position 0'],
    ['[^', 'unterminated character set at position 0'],
    ['sh(', 'missing ), unterminated subpattern at position 2'],
    [')', 'unbalanced parenthesis at position 0'],
    ['sh)', 'unbalanced parenthesis at position 2'],
    ['a**', 'multiple repeat at position 2'],
    // The prefix pattern `s*?.*` is fine; the subsequence pattern `s.**.*?.*` is not.
    ['s*?', 'multiple repeat at position 3'],
  ])('%s is a pattern error', (typed, error) => {
    expect(says('configure', typed)).toEqual([`ERROR: configure.${typed}: ${error}`]);
  });

  it.each(['ab+', 'x{2}', '^s', 'sh|', '|s', '(s)', 's?', '.'])('%s matches nothing unique', (typed) => {
    expect(says('configure', typed)).toEqual([`ERROR: configure.${typed}: No such command`]);
  });
});
