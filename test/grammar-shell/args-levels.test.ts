// Error texts produced by crmsh 4.4.1 (`crm -f`, offline CIB_file) at each level.
import { describe, expect, it } from 'vitest';
import { errorsOf, lineOf, parse, printed } from './helpers.js';
import { parseShellCommand } from '../../src/grammar/shell-commands.js';

describe('root', () => {
  it('status maps its words to crm_mon options', () => {
    expect(parse('', 'status').cmd).toEqual({ kind: 'root.status', options: [], crmMonArgs: ['-r'] });
    expect(parse('', 'status bynode full --foo').cmd).toEqual({ kind: 'root.status', options: ['bynode', 'full', '--foo'], crmMonArgs: ['-n', '-ncrft', '--foo'] });
  });

  it('verify', () => {
    expect(parse('', 'verify').cmd).toEqual({ kind: 'root.verify', scores: false });
    expect(parse('', 'verify scores').cmd).toEqual({ kind: 'root.verify', scores: true });
  });

  it.each([
    ['ls x', 'ERROR: ls: Expected (), takes exactly 0 arguments (1 given)'],
    ['help x y z', 'ERROR: help: Expected ([subject] [subtopic]), takes at most 2 arguments (3 given)'],
  ])('%s', (line, error) => {
    expect(errorsOf('', line)).toEqual([error]);
  });

  it('help and its aliases', () => {
    expect(parse('', 'help configure show').cmd).toEqual({ kind: 'help', topic: 'configure', subtopic: 'show' });
    expect(parse('', '?').out).toEqual(["WARNING: This command '?' is deprecated, please use 'help'", 'INFO: "?" is accepted as "help"']);
  });
});

describe('cib', () => {
  it.each([
    ['new a/b', ['ERROR: a/b: bad filename', 'ERROR: cib.new: Bad filename: a/b']],
    ['new live', ["ERROR: cib.new: Shadow name 'live' is not allowed"]],
    ['new @tmp@', ["ERROR: cib.new: Shadow name '@tmp@' is not allowed"]],
    ['new a b', ['ERROR: cib.new: Unexpected argument(s): a b']],
    ['new withstatus x', ['ERROR: cib.new: Unexpected argument(s): withstatus x']],
    ['new x y force', ['ERROR: cib.new: Unexpected argument(s): x y']],
    ['use a/b', ['ERROR: a/b: bad filename', 'ERROR: cib.use: Bad filename: a/b']],
    ['use live x', ["ERROR: cib.use: Expected 'withstatus', got 'x'"]],
    ['delete a*b', ['ERROR: a*b: bad filename', 'ERROR: cib.delete: Bad filename: a*b']],
    ['reset', ['ERROR: cib.reset: Expected (name), takes exactly 1 arguments (0 given)']],
    ['import', ['ERROR: cib.import: Expected (infile [name]), takes at least 1 arguments (0 given)']],
    ['import a b c', ['ERROR: cib.import: Expected (infile [name]), takes at most 2 arguments (3 given)']],
    ['commit a;b', ['ERROR: a;b: bad filename', 'ERROR: cib.commit: Bad filename: a;b']],
  ])('%s', (line, errors) => {
    expect(errorsOf('cib', line)).toEqual(errors);
  });

  it('parses', () => {
    expect(parse('cib', 'new').cmd).toEqual({ kind: 'cib.new', withstatus: false, force: false, empty: false });
    expect(parse('cib', 'new x withstatus --force empty').cmd).toEqual({ kind: 'cib.new', name: { text: 'x' }, withstatus: true, force: true, empty: true });
    expect(parse('cib', 'use').cmd).toEqual({ kind: 'cib.use', live: true, withstatus: false });
    expect(parse('cib', 'use live withstatus').cmd).toEqual({ kind: 'cib.use', live: true, withstatus: true });
    expect(parse('cib', 'use config').cmd).toEqual({ kind: 'cib.use', live: false, withstatus: false, name: { text: 'config' } });
    expect(parse('cib', 'commit').cmd).toEqual({ kind: 'cib.commit' });
    expect(parse('cib', 'commit config').cmd).toEqual({ kind: 'cib.commit', name: { text: 'config' } });
    expect(parse('cib', 'diff').cmd).toEqual({ kind: 'cib.diff' });
    expect(parse('cib', 'list').cmd).toEqual({ kind: 'cib.list' });
    expect(parse('cib', 'delete x').cmd).toEqual({ kind: 'cib.delete', name: { text: 'x' } });
    expect(parse('cib', 'reset x').cmd).toEqual({ kind: 'cib.reset', name: { text: 'x' } });
    expect(parse('cib', 'import 12 x').cmd).toEqual({ kind: 'cib.import', file: { text: '12' }, name: { text: 'x' } });
  });

  it('in transit from root and from configure', () => {
    expect(parse('', 'cib new x').cmd).toMatchObject({ kind: 'cib.new', name: { text: 'x' } });
    expect(errorsOf('configure', 'cib new a/b')).toEqual(['ERROR: a/b: bad filename', 'ERROR: configure.cib.new: Bad filename: a/b']);
  });
});

describe('node', () => {
  it.each([
    ['attribute Lubuntu get color', ["ERROR: Bad usage: 'get', command: 'attribute Lubuntu get color'"]],
    ['attribute Lubuntu set color', ["ERROR: Bad usage: Missing value argument to set, command: 'attribute Lubuntu set color'"]],
    ['attribute Lubuntu show color x', ["ERROR: Bad usage: Too many arguments to show, command: 'attribute Lubuntu show color x'"]],
    [`attribute "Lub'x" set a b`, ["ERROR: Lub'x: bad name", "ERROR: Bad usage: Expected valid name, got 'Lub'x', command: 'attribute Lub'x set a b'"]],
    ['utilization Lubuntu foo x', ["ERROR: Bad usage: 'foo', command: 'utilization Lubuntu foo x'"]],
    ['status-attr Lubuntu delete x y', ["ERROR: Bad usage: Too many arguments to delete, command: 'status-attr Lubuntu delete x y'"]],
    ['standby --all Lubuntu', ['ERROR: node.standby: Should either use --all or specific node(s)']],
    ['show a b', ['ERROR: node.show: Expected ([node]), takes at most 1 arguments (2 given)']],
    ['fence', ['ERROR: node.fence: Expected (node), takes exactly 1 arguments (0 given)']],
    ['delete', ['ERROR: node.delete: Expected (node), takes exactly 1 arguments (0 given)']],
    [`maintenance "a'b"`, ["ERROR: a'b: bad name"]],
  ])('%s', (line, errors) => {
    expect(errorsOf('node', line)).toEqual(errors);
  });

  it('parses', () => {
    expect(parse('node', 'show').cmd).toEqual({ kind: 'node.show' });
    expect(parse('node', 'list Lubuntu').cmd).toEqual({ kind: 'node.show', node: { text: 'Lubuntu' } });
    expect(parse('node', 'standby').cmd).toEqual({ kind: 'node.standby', nodes: [], all: false, lifetime: 'forever' });
    expect(parse('node', 'standby Lubuntu Lubuntu1 reboot').cmd).toEqual({
      kind: 'node.standby', nodes: [{ text: 'Lubuntu' }, { text: 'Lubuntu1' }], all: false, lifetime: 'reboot',
    });
    expect(parse('node', 'standby --all').cmd).toEqual({ kind: 'node.standby', nodes: [], all: true, lifetime: 'forever' });
    // argparse takes unambiguous prefixes of long options.
    expect(parse('node', 'online --a').cmd).toEqual({ kind: 'node.online', nodes: [], all: true });
    expect(errorsOf('node', 'standby --al Lubuntu')).toEqual(['ERROR: node.standby: Should either use --all or specific node(s)']);
    expect(parse('node', 'online --he').cmd).toEqual({ kind: 'help', topic: 'online' });
    // crmsh takes unknown options as node names (then: Node "--bogus" is not a cluster node).
    expect(parse('node', 'online --bogus').cmd).toEqual({ kind: 'node.online', nodes: [{ text: '--bogus' }], all: false });
    expect(parse('node', 'maintenance').cmd).toEqual({ kind: 'node.maintenance' });
    expect(parse('node', 'ready Lubuntu').cmd).toEqual({ kind: 'node.ready', node: { text: 'Lubuntu' } });
    expect(parse('node', 'attribute Lubuntu set color red').cmd).toEqual({
      kind: 'node.attribute', node: { text: 'Lubuntu' }, action: 'set', name: { text: 'color' }, value: { text: 'red' },
    });
    expect(parse('node', 'status-attr Lubuntu show x').cmd).toEqual({ kind: 'node.status-attr', node: { text: 'Lubuntu' }, action: 'show', name: { text: 'x' } });
    expect(parse('node', 'fence Lubuntu').cmd).toEqual({ kind: 'node.fence', node: { text: 'Lubuntu' } });
    expect(parse('node', 'clearstate').cmd).toEqual({ kind: 'node.clearstate' });
    expect(parse('node', 'delete x').cmd).toEqual({ kind: 'node.delete', node: { text: 'x' } });
    expect(parse('node', 'server').cmd).toEqual({ kind: 'node.server', nodes: [] });
  });
});

describe('resource', () => {
  it.each([
    ['param r get ip', ["ERROR: Bad usage: Unknown command 'get', command: 'param r get ip'"]],
    ['param r foo ip', ["ERROR: Bad usage: 'foo', command: 'param r foo ip'"]],
    ['param r set ip', ["ERROR: Bad usage: Missing value argument to set, command: 'param r set ip'"]],
    ['secret r get x', ["ERROR: Bad usage: Unknown command 'get', command: 'secret r get x'"]],
    [`meta "r'x" show a`, ["ERROR: r'x: bad name", "ERROR: Bad usage: Expected valid name, got 'r'x', command: 'meta r'x show a'"]],
    ['maintenance r maybe', ['ERROR: resource.maintenance: Expected <resource> [on|off|true|false]']],
    ['move r', ["ERROR: resource.move: No target node: Move requires either a target node or 'force'"]],
    ['move r a b c', ['ERROR: resource.move: usage: move <rsc> [<node>] [<lifetime>] [force]']],
    ['move r a b c force', ['ERROR: resource.move: usage: move <rsc> [<node>] [<lifetime>] [force]']],
    ['ban r a b c', ['ERROR: resource.ban: usage: ban <rsc> [<node>] [<lifetime>] [force]']],
    ['migrate', ['ERROR: resource.move: Expected (rsc [args ...]), takes at least 1 arguments (0 given)']],
    ['unmove', ['ERROR: resource.clear: Expected (rsc), takes exactly 1 arguments (0 given)']],
    ['reprobe x y z w', ['ERROR: resource.refresh: Expected ([rsc] [node] [force]), takes at most 3 arguments (4 given)']],
    ['untrace r a b c', ['ERROR: resource.untrace: Expected (rsc_id [op] [interval]), takes at most 3 arguments (4 given)']],
    ['start', ['ERROR: resource.start: Expected at least one resource as argument']],
    ['stop', ['ERROR: resource.stop: Expected at least one resource as argument']],
    ['locate', ['ERROR: resource.locate: Expected at least one resource as argument']],
    [`status "a'b"`, ["ERROR: a'b: bad name"]],
    [`list "a'b"`, ["ERROR: a'b: bad name"]],
    ['cleanup a b c d', ['ERROR: resource.cleanup: Expected ([rsc] [node] [force]), takes at most 3 arguments (4 given)']],
    ['promote', ['ERROR: resource.promote: Expected (rsc), takes exactly 1 arguments (0 given)']],
  ])('%s', (line, errors) => {
    expect(errorsOf('resource', line)).toEqual(errors);
  });

  it('move without a node is fine with force or -F', () => {
    expect(parse('resource', 'move r force').cmd).toEqual({ kind: 'resource.move', rsc: { text: 'r' }, rest: [], force: true });
    expect(parse('resource', 'move r', { force: true }).cmd).toMatchObject({ kind: 'resource.move', force: true });
    expect(parse('resource', 'ban r').cmd).toEqual({ kind: 'resource.ban', rsc: { text: 'r' }, rest: [], force: false });
    expect(parse('resource', 'move r Lubuntu PT5M').cmd).toMatchObject({ rest: [{ text: 'Lubuntu' }, { text: 'PT5M' }] });
  });

  it('cleanup/refresh take force anywhere a word is', () => {
    expect(parse('resource', 'cleanup').cmd).toEqual({ kind: 'resource.cleanup', force: false });
    expect(parse('resource', 'cleanup force').cmd).toEqual({ kind: 'resource.cleanup', force: true });
    expect(parse('resource', 'cleanup r force').cmd).toEqual({ kind: 'resource.cleanup', rsc: { text: 'r' }, force: true });
    expect(parse('resource', 'refresh r n x').cmd).toEqual({ kind: 'resource.refresh', rsc: { text: 'r' }, node: { text: 'n' }, force: true });
  });

  it('parses', () => {
    expect(parse('resource', 'status').cmd).toEqual({ kind: 'resource.status', resources: [] });
    expect(parse('resource', 'start a b').cmd).toEqual({ kind: 'resource.start', resources: [{ text: 'a' }, { text: 'b' }] });
    expect(parse('resource', 'maintenance r OFF').cmd).toEqual({ kind: 'resource.maintenance', rsc: { text: 'r' }, on: false });
    expect(parse('resource', 'maintenance r').cmd).toEqual({ kind: 'resource.maintenance', rsc: { text: 'r' }, on: true });
    expect(parse('resource', 'unban r').cmd).toEqual({ kind: 'resource.clear', rsc: { text: 'r' } });
    expect(parse('resource', 'failcount r set Lubuntu 0').cmd).toEqual({
      kind: 'resource.failcount', rsc: { text: 'r' }, action: 'set', node: { text: 'Lubuntu' }, value: { text: '0' },
    });
    expect(parse('resource', 'param r set ip 10.0.0.1').cmd).toEqual({
      kind: 'resource.param', rsc: { text: 'r' }, action: 'set', name: { text: 'ip' }, value: { text: '10.0.0.1' },
    });
    expect(parse('resource', 'secret r stash pw').cmd).toEqual({ kind: 'resource.secret', rsc: { text: 'r' }, action: 'stash', name: { text: 'pw' } });
    expect(parse('resource', 'trace r start').cmd).toEqual({ kind: 'resource.trace', rsc: { text: 'r' }, op: 'start', force: false });
    expect(parse('resource', 'trace r probe /tmp/t').cmd).toEqual({ kind: 'resource.trace', rsc: { text: 'r' }, op: 'monitor', interval: '0', dir: '/tmp/t', force: false });
    expect(parse('resource', 'untrace r monitor 10').cmd).toEqual({ kind: 'resource.untrace', rsc: { text: 'r' }, op: 'monitor', interval: '10' });
    expect(parse('resource', 'operations r').cmd).toEqual({ kind: 'resource.operations', rsc: { text: 'r' } });
    expect(parse('resource', 'constraints r').cmd).toEqual({ kind: 'resource.constraints', rsc: { text: 'r' } });
    expect(parse('resource', 'scores').cmd).toEqual({ kind: 'resource.scores' });
  });

  it('failcount and trace word rules', () => {
    expect(errorsOf('resource', 'failcount r foo n')).toEqual([
      "ERROR: resource.failcount: foo is not valid command(should be one of ['set', 'delete', 'show'])",
    ]);
    expect(errorsOf('resource', 'trace r a b')).toEqual(['ERROR: resource.trace: usage: trace <rsc> [<op>] [<interval>] [<log-dir>]']);
  });
});

describe('ra', () => {
  it.each([
    ['info', 'ERROR: ra.info: Expected [<class>:[<provider>:]]<type>'],
    ['meta', 'ERROR: ra.info: Expected [<class>:[<provider>:]]<type>'],
    ['list', 'ERROR: ra.list: Expected (class_ [provider_]), takes at least 1 arguments (0 given)'],
    ['providers', 'ERROR: ra.providers: Expected (ra_type [ra_class]), takes at least 1 arguments (0 given)'],
    ['validate', 'ERROR: ra.validate: Expected (agentname [params ...]), takes at least 1 arguments (0 given)'],
  ])('%s', (line, error) => {
    expect(errorsOf('ra', line)).toEqual([error]);
  });

  it('parses', () => {
    expect(parse('ra', 'classes').cmd).toEqual({ kind: 'ra.classes' });
    expect(parse('ra', 'list ocf heartbeat').cmd).toEqual({ kind: 'ra.list', class: { text: 'ocf' }, provider: { text: 'heartbeat' } });
    expect(parse('ra', 'providers IPaddr').cmd).toEqual({ kind: 'ra.providers', type: { text: 'IPaddr' }, class: 'ocf' });
    expect(parse('ra', 'info ocf:heartbeat:IPaddr2').cmd).toEqual({
      kind: 'ra.info', agent: { kind: 'agent', class: 'ocf', provider: 'heartbeat', type: 'IPaddr2', text: 'ocf:heartbeat:IPaddr2' },
    });
    expect(parse('ra', 'info stonith:fence_dummy').cmd).toMatchObject({ agent: { class: 'stonith', type: 'fence_dummy' } });
    expect(parse('ra', 'info Dummy').cmd).toEqual({ kind: 'ra.info', agent: { kind: 'agent', type: 'Dummy', text: 'Dummy' } });
    expect(parse('ra', 'info pacemaker-schedulerd').cmd).toEqual({ kind: 'ra.info', agent: { kind: 'daemon', name: 'pacemaker-schedulerd' } });
    expect(parse('ra', 'validate ocf:heartbeat:IPaddr2 ip=10.0.0.1 x=a=b').cmd).toEqual({
      kind: 'ra.validate', agent: { text: 'ocf:heartbeat:IPaddr2' }, params: [{ name: 'ip', value: '10.0.0.1' }, { name: 'x', value: 'a=b' }],
    });
  });

  it('configure ra in transit', () => {
    expect(parse('', 'configure ra classes').cmd).toEqual({ kind: 'ra.classes' });
    expect(errorsOf('configure', 'ra info')).toEqual(['ERROR: configure.ra.info: Expected [<class>:[<provider>:]]<type>']);
  });
});

describe('options', () => {
  it.each([
    ['check-mode foo', 'ERROR: options.check-mode: foo not in strict, relaxed'],
    ['check-frequency x', 'ERROR: options.check-frequency: x not in always, on-verify, never'],
    ['skill-level god', 'ERROR: options.skill-level: god not in operator, administrator, expert'],
    ['output blah', 'ERROR: options.output: blah not in plain, color-always, color, uppercase'],
    ['sort-elements maybe', 'ERROR: options.sort-elements: Not a boolean: maybe (try one of: yes, true, on, 1, no, false, off, 0)'],
    ['add-quotes x', 'ERROR: options.add-quotes: Not a boolean: x (try one of: yes, true, on, 1, no, false, off, 0)'],
    ['manage-children x', 'ERROR: options.manage-children: x not in ask, never, always'],
    ['set foo bar', 'ERROR: options.set: Unknown option: foo'],
    ['set core.bogus 1', 'ERROR: options.set: Setting invalid option core.bogus'],
    ['set bogus.x 1', 'ERROR: options.set: Setting invalid section bogus'],
    ['set a.b.c 1', 'ERROR: options.set: Unknown option: a.b.c'],
    ['set color.error pink', 'ERROR: options.set: Invalid color pink'],
    ['set color.error red bold', 'ERROR: options.set: Expected (option value), takes exactly 2 arguments (3 given)'],
    ['show x y', 'ERROR: options.show: Expected ([option]), takes at most 1 arguments (2 given)'],
    ['skill_level', 'ERROR: options.skill-level: Expected (level), takes exactly 1 arguments (0 given)'],
  ])('%s', (line, error) => {
    expect(errorsOf('options', line)).toEqual([error]);
  });

  it('accepts what crmsh accepts', () => {
    expect(parse('options', 'output plain,color').cmd).toEqual({ kind: 'options.set', section: 'color', name: 'style', value: 'plain,color' });
    expect(parse('options', 'wait Yes').cmd).toEqual({ kind: 'options.set', section: 'core', name: 'wait', value: 'Yes' });
    expect(parse('options', 'user').cmd).toEqual({ kind: 'options.set', section: 'core', name: 'user', value: '' });
    expect(parse('options', 'colorscheme pink').cmd).toEqual({ kind: 'options.colorscheme', value: 'pink' });
    expect(parse('options', 'set core.lock_timeout abc').cmd).toEqual({ kind: 'options.set', section: 'core', name: 'lock_timeout', value: 'abc' });
    expect(parse('options', 'set "color.error" "red bold"').cmd).toMatchObject({ name: 'error', value: 'red bold' });
    expect(parse('options', 'check_mode relaxed').cmd).toEqual({ kind: 'options.set', section: 'core', name: 'check_mode', value: 'relaxed' });
    expect(parse('options', 'show').cmd).toEqual({ kind: 'options.show' });
    expect(parse('options', 'list all').cmd).toEqual({ kind: 'options.show', option: 'all' });
    expect(parse('options', 'save').cmd).toEqual({ kind: 'options.save' });
    expect(parse('options', 'reset').cmd).toEqual({ kind: 'options.reset' });
  });

  it('lowercases the word in the boolean error, as crmsh', () => {
    expect(errorsOf('options', 'wait MAYBE')).toEqual(['ERROR: options.wait: Not a boolean: maybe (try one of: yes, true, on, 1, no, false, off, 0)']);
  });

  it('program and directory checks run with a probe', () => {
    const probe = { isProgram: (p: string) => p === 'nano', isDirectory: (d: string) => d === '/usr/lib/ocf' };
    expect(errorsOf('options', 'editor nosuchprog', { optionProbe: probe })).toEqual(['ERROR: options.editor: nosuchprog does not exist or is not a program']);
    expect(errorsOf('options', 'pager nosuchprog', { optionProbe: probe })).toEqual(['ERROR: options.pager: nosuchprog does not exist or is not a program']);
    expect(errorsOf('options', 'set path.ocf_root /nonexistent', { optionProbe: probe })).toEqual(['ERROR: options.set: Directory not found: /nonexistent']);
    expect(errorsOf('options', 'editor nano', { optionProbe: probe })).toEqual([]);
    expect(errorsOf('options', 'editor whatever')).toEqual([]);
  });
});

describe('parseShellCommand edge cases', () => {
  it('accepts an alias as the command name', () => {
    const r = parseShellCommand('configure', 'rm', lineOf('rm a'), 1);
    expect(r.cmd).toMatchObject({ kind: 'configure.delete', force: false });
  });

  it('refuses what tcrm does not implement, and unknown names', () => {
    expect(printed(parseShellCommand('', 'report', lineOf('report'), 1).diagnostics)).toEqual(['ERROR: report: report is not supported by tcrm yet']);
    expect(printed(parseShellCommand('resource', 'nope', lineOf('nope'), 1).diagnostics)).toEqual(['ERROR: resource.nope: No such command']);
  });
});

describe('ra validate parameters', () => {
  it('a word without = is Python dict()’s error, as crmsh prints it', () => {
    expect(errorsOf('ra', 'validate ocf:pacemaker:Dummy fake=1 bogus')).toEqual([
      'ERROR: ra.validate: dictionary update sequence element #1 has length 1; 2 is required',
    ]);
  });
});
