// Error texts produced by crmsh 4.4.1 (`crm -f` at the configure level, offline CIB_file).
import { describe, expect, it } from 'vitest';
import { errorsOf, parse } from './helpers.js';

const cfg = (text: string) => parse('configure', text);
const errs = (text: string) => errorsOf('configure', text);

describe('configure: oracle error texts', () => {
  it.each([
    ['commit foo', "ERROR: syntax parsing 'configure.commit foo'"],
    ['commit force foo', "ERROR: syntax parsing 'configure.commit foo'"],
    ['commit force replace x', 'ERROR: configure.commit: Expected ([arg0] [arg1]), takes at most 2 arguments (3 given)'],
    ['erase x', "ERROR: configure.erase: Expected 'nodes' (found 'x')"],
    ['erase nodes x', 'ERROR: configure.erase: Expected ([nodes]), takes at most 1 arguments (2 given)'],
    ['upgrade x', "ERROR: configure.upgrade: Expected 'force' or no argument"],
    ['load', 'ERROR: configure.load: Expected 2 arguments (0 given)'],
    ['load xml', 'ERROR: configure.load: Expected 2 arguments (0 given)'],
    ['load xml update', 'ERROR: configure.load: Expected 3 arguments (2 given)'],
    ['load foo x', 'ERROR: configure.load: Unknown method foo'],
    ['load xml foo x', 'ERROR: configure.load: Unknown method foo'],
    ['load update', 'ERROR: configure.load: Expected 2 arguments (0 given)'],
    ['load a b c', 'ERROR: configure.load: Expected 2 arguments (3 given)'],
    ['save', 'ERROR: configure.save: Expected 1 argument (0 given)'],
    ['set a b', 'ERROR: configure.set: Invalid path: "a"; Valid path: "id.[op_type.][interval.]name"'],
    ['set a.b.c.d.e v', 'ERROR: configure.set: Invalid path: "a.b.c.d.e"; Valid path: "id.[op_type.][interval.]name"'],
    ['set a', 'ERROR: configure.set: Expected (path value), takes exactly 2 arguments (1 given)'],
    ['modgroup g foo p', 'ERROR: modgroup subcommand foo unknown'],
    ['modgroup g remove p after x', 'ERROR: configure.modgroup: Expected add (found remove)'],
    ['modgroup g add p foo x', 'ERROR: configure.modgroup: Expected after|before (found foo)'],
    ['modgroup g add p after', "ERROR: configure.modgroup: Expected 'after|before <id>' (1 arguments given)"],
    ['modgroup g add p after x y', "ERROR: configure.modgroup: Expected 'after|before <id>' (3 arguments given)"],
    ['ptest foo', "ERROR: Bad usage: 'ptest foo'"],
    ['ptest vvv bar', "ERROR: Bad usage: 'ptest vvv bar'"],
    ['simulate baz', "ERROR: Bad usage: 'ptest baz'"],
    ['rename a', 'ERROR: configure.rename: Expected (old_id new_id), takes exactly 2 arguments (1 given)'],
    ['schema a b', 'ERROR: configure.schema: Expected ([schema_st]), takes at most 1 arguments (2 given)'],
    ['validate-all', 'ERROR: configure.validate-all: Expected (rsc), takes exactly 1 arguments (0 given)'],
    ['rsctest', 'ERROR: specify at least one resource'],
    ['filter', 'ERROR: configure.filter: Expected (filterprog [args ...]), takes at least 1 arguments (0 given)'],
    ['verify x', 'ERROR: configure.verify: Expected (), takes exactly 0 arguments (1 given)'],
    ['refresh x', 'ERROR: configure.refresh: Expected (), takes exactly 0 arguments (1 given)'],
  ])('%s', (line, error) => {
    expect(errs(line)).toEqual([error]);
  });

  it('graph: unsupported type and bad path print two lines', () => {
    expect(errs('graph foo')).toEqual(['ERROR: graph type foo is not supported', 'ERROR: configure.graph: Failed to create graph']);
    expect(errs('graph dot "/tmp/a;b"')).toEqual(['ERROR: /tmp/a;b: bad path', 'ERROR: configure.graph: Failed to create graph']);
  });
});

describe('configure: parsed arguments', () => {
  it('show with selectors', () => {
    expect(cfg('show').cmd).toEqual({ kind: 'configure.show', xml: false, selectors: [] });
    expect(cfg('show xml changed type:primitive tag:t related:ip obscure:passw* and web*').cmd).toEqual({
      kind: 'configure.show',
      xml: true,
      selectors: [
        { kind: 'changed' },
        { kind: 'type', value: { text: 'primitive' } },
        { kind: 'tag', value: { text: 't' } },
        { kind: 'related', value: { text: 'ip' } },
        { kind: 'obscure', value: { text: 'passw*' } },
        { kind: 'and' },
        { kind: 'id', pattern: { text: 'web*' } },
      ],
    });
  });

  it('xml counts only as the first word', () => {
    expect(cfg('show web xml').cmd).toMatchObject({ xml: false, selectors: [{ kind: 'id' }, { kind: 'id', pattern: { text: 'xml' } }] });
  });

  it('edit, filter, save', () => {
    expect(cfg('edit xml web').cmd).toMatchObject({ kind: 'configure.edit', xml: true, selectors: [{ kind: 'id' }] });
    expect(cfg('filter "sed s/a/b/" xml web').cmd).toMatchObject({ kind: 'configure.filter', program: { text: 'sed s/a/b/' }, xml: true });
    expect(cfg('save xml web /tmp/out').cmd).toMatchObject({ kind: 'configure.save', xml: true, file: { text: '/tmp/out' }, selectors: [{ kind: 'id' }] });
    expect(cfg('save -').cmd).toMatchObject({ kind: 'configure.save', xml: false, selectors: [], file: { text: '-' } });
  });

  it('load', () => {
    expect(cfg('load update /tmp/f').cmd).toEqual({ kind: 'configure.load', xml: false, method: 'update', source: { text: '/tmp/f' } });
    expect(cfg('load xml push -').cmd).toEqual({ kind: 'configure.load', xml: true, method: 'push', source: { text: '-' } });
  });

  it('commit', () => {
    expect(cfg('commit').cmd).toEqual({ kind: 'configure.commit', force: false, replace: false });
    expect(cfg('commit replace force').cmd).toEqual({ kind: 'configure.commit', force: true, replace: true });
  });

  it('delete and rm', () => {
    expect(cfg('delete -f a --force b').cmd).toEqual({ kind: 'configure.delete', force: true, ids: [{ text: 'a' }, { text: 'b' }] });
    const rm = cfg('rm a');
    expect(rm.cmd).toEqual({ kind: 'configure.delete', force: false, ids: [{ text: 'a' }] });
    expect(rm.out).toEqual(["WARNING: This command 'rm' is deprecated, please use 'delete'", 'INFO: "rm" is accepted as "delete"']);
    expect(cfg('delete').cmd).toEqual({ kind: 'configure.delete', force: false, ids: [] });
  });

  it('rename, erase, refresh, verify', () => {
    expect(cfg('rename a b').cmd).toEqual({ kind: 'configure.rename', oldId: { text: 'a' }, newId: { text: 'b' } });
    expect(cfg('erase').cmd).toEqual({ kind: 'configure.erase', nodes: false });
    expect(cfg('erase nodes').cmd).toEqual({ kind: 'configure.erase', nodes: true });
    expect(cfg('refresh').cmd).toEqual({ kind: 'configure.refresh' });
    expect(cfg('verify').cmd).toEqual({ kind: 'configure.verify' });
  });

  it('set paths', () => {
    expect(cfg('set ip.ip 10.0.0.1').cmd).toMatchObject({ path: { id: 'ip', name: 'ip' }, value: { text: '10.0.0.1' } });
    expect(cfg('set web.monitor.timeout 30s').cmd).toMatchObject({ path: { id: 'web', op: 'monitor', name: 'timeout' } });
    expect(cfg('set web.monitor.10s.timeout 30s').cmd).toMatchObject({ path: { id: 'web', op: 'monitor', interval: '10s', name: 'timeout' } });
  });

  it('modgroup', () => {
    expect(cfg('modgroup g add p').cmd).toEqual({ kind: 'configure.modgroup', group: { text: 'g' }, action: 'add', member: { text: 'p' } });
    expect(cfg('modgroup g add p before q').cmd).toMatchObject({ position: { where: 'before', ref: { text: 'q' } } });
    expect(cfg('modgroup g remove p').cmd).toMatchObject({ action: 'remove' });
  });

  it('get_property, get-property', () => {
    expect(cfg('get_property -t stonith-enabled').cmd).toEqual({ kind: 'configure.get_property', truth: true, names: [{ text: 'stonith-enabled' }] });
    expect(cfg('get-property').cmd).toEqual({ kind: 'configure.get_property', truth: false, names: [] });
  });

  it('ptest / simulate', () => {
    expect(cfg('ptest').cmd).toEqual({ kind: 'configure.ptest', nograph: false, scores: false, utilization: false, actions: false, verbosity: 'vv' });
    expect(cfg('simulate nograph vvv scores utilization actions').cmd).toEqual({
      kind: 'configure.ptest', nograph: true, scores: true, utilization: true, actions: true, verbosity: 'vvv',
    });
  });

  it('graph', () => {
    expect(cfg('graph').cmd).toEqual({ kind: 'configure.graph', exportSettings: false, type: 'dot', format: 'dot' });
    expect(cfg('graph dot /tmp/g.dot png').cmd).toEqual({ kind: 'configure.graph', exportSettings: false, type: 'dot', file: { text: '/tmp/g.dot' }, format: 'png' });
    expect(cfg('graph exportsettings').cmd).toEqual({ kind: 'configure.graph', exportSettings: true });
  });

  it('schema, upgrade, default-timeouts, validate-all, rsctest', () => {
    expect(cfg('schema').cmd).toEqual({ kind: 'configure.schema' });
    expect(cfg('schema pacemaker-3.9').cmd).toEqual({ kind: 'configure.schema', schema: { text: 'pacemaker-3.9' } });
    expect(cfg('upgrade force').cmd).toEqual({ kind: 'configure.upgrade', force: true });
    expect(cfg('default-timeouts a b').cmd).toEqual({ kind: 'configure.default-timeouts', ids: [{ text: 'a' }, { text: 'b' }] });
    expect(cfg('validate-all ip').cmd).toEqual({ kind: 'configure.validate-all', rsc: { text: 'ip' } });
    expect(cfg('rsctest ip Lubuntu').cmd).toEqual({ kind: 'configure.rsctest', words: [{ text: 'ip' }, { text: 'Lubuntu' }] });
  });

  it('object commands are handed to the configure parser', () => {
    expect(cfg('primitive p Dummy').cmd).toEqual({ kind: 'configure.object', command: 'primitive' });
    expect(cfg('collocation c inf: a b').cmd).toEqual({ kind: 'configure.object', command: 'colocation' });
    expect(cfg('master m p').cmd).toEqual({ kind: 'configure.object', command: 'ms' });
  });

  it('common commands', () => {
    expect(cfg('help show').cmd).toEqual({ kind: 'help', topic: 'show' });
    expect(cfg('ls').cmd).toEqual({ kind: 'ls' });
  });
});
