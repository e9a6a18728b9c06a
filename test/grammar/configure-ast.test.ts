import { describe, expect, it } from 'vitest';
import { parseConfigureStatement } from '../../src/grammar/parse-configure.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { ast, parseLine } from './helpers.js';

const nv = (name: string, value?: string) => (value === undefined ? { kind: 'nv', name } : { kind: 'nv', name, value });
const set = (kind: string, items: unknown[], extra: Record<string, unknown> = {}) => ({
  kind,
  rules: [],
  items,
  implicit: false,
  ...extra,
});

describe('node', () => {
  it('id, uname:type, description, implicit and explicit sets', () => {
    expect(ast('node $id=5 Lubuntu2:Member description=hi a=1 utilization cpu=2 attributes b=2')).toEqual({
      kind: 'node',
      nodeId: '5',
      uname: { name: 'Lubuntu2' },
      type: 'Member',
      description: 'hi',
      sets: [
        set('attributes', [nv('a', '1')], { implicit: true }),
        set('utilization', [nv('cpu', '2')]),
        set('attributes', [nv('b', '2')]),
      ],
    });
  });
  it('id as `N:`', () => {
    expect(ast('node 7: n3')).toEqual({ kind: 'node', nodeId: '7', uname: { name: 'n3' }, sets: [] });
  });
});

describe('primitive and rsc_template', () => {
  it('agent, params, meta, ops with op attributes and extras', () => {
    expect(
      ast('primitive w ocf:heartbeat:IPaddr2 params ip=10.0.0.1 meta target-role=Stopped op monitor interval=10s timeout=20s depth=0 op start timeout=30'),
    ).toEqual({
      kind: 'primitive',
      id: { name: 'w' },
      agent: { kind: 'agent', text: 'ocf:heartbeat:IPaddr2', cls: 'ocf', provider: 'heartbeat', type: 'IPaddr2' },
      sets: [set('params', [nv('ip', '10.0.0.1')]), set('meta', [nv('target-role', 'Stopped')])],
      ops: [
        {
          name: 'monitor',
          attrs: [
            { name: 'interval', value: '10s' },
            { name: 'timeout', value: '20s' },
            { name: 'depth', value: '0' },
          ],
          sets: [],
        },
        { name: 'start', attrs: [{ name: 'timeout', value: '30' }], sets: [] },
      ],
    });
  });

  it('template reference, description, implicit params, operations $id, op_meta', () => {
    expect(ast('primitive t1 @tmpl description="a b" a=1 utilization cpu=1 operations $id=ops op monitor interval=5 op_meta x=1')).toEqual({
      kind: 'primitive',
      id: { name: 't1' },
      agent: { kind: 'template', template: 'tmpl' },
      description: 'a b',
      sets: [set('params', [nv('a', '1')], { implicit: true }), set('utilization', [nv('cpu', '1')])],
      operations: { id: 'ops' },
      ops: [{ name: 'monitor', attrs: [{ name: 'interval', value: '5' }], sets: [set('op_meta', [nv('x', '1')])] }],
    });
  });

  it('rsc_template with a set reference and a non-ocf class', () => {
    expect(ast('rsc_template tp lsb:apache2 params $id-ref=shared')).toEqual({
      kind: 'rsc_template',
      id: { name: 'tp' },
      agent: { kind: 'agent', text: 'lsb:apache2', cls: 'lsb', type: 'apache2' },
      sets: [set('params', [], { idRef: 'shared' })],
      ops: [],
    });
  });

  it('every nvpair shape', () => {
    const stmt = ast('primitive q7 Dummy params @ref1 @ref2:nm $x=1 $id9:y=2 z') as { sets: Array<{ items: unknown[] }> };
    expect(stmt.sets[0].items).toEqual([
      { kind: 'nvref', ref: 'ref1' },
      { kind: 'nvref', ref: 'ref2', name: 'nm' },
      { kind: 'nv', name: 'x', value: '1', id: 'x' },
      { kind: 'nv', name: 'y', value: '2', id: 'id9' },
      { kind: 'nv', name: 'z' },
    ]);
  });

  it('a set with $id, score and a rule', () => {
    const stmt = ast('primitive p Dummy params $id=pp 2: rule #uname eq n1 a=1 params 1: a=2') as { sets: unknown[] };
    expect(stmt.sets).toEqual([
      {
        kind: 'params',
        id: 'pp',
        score: '2',
        rules: [{ exprs: [{ kind: 'binary', attr: '#uname', op: 'eq', value: 'n1' }] }],
        items: [nv('a', '1')],
        implicit: false,
      },
      set('params', [nv('a', '2')], { score: '1' }),
    ]);
  });

  it('crmsh quirk: a word starting with a list keyword opens that list (metadata=1 → meta)', () => {
    expect((ast('primitive p1 Dummy metadata=1') as { sets: unknown[] }).sets).toEqual([set('meta', [])]);
    expect((ast('primitive p2 Dummy params a=1 meta:x b=2') as { sets: unknown[] }).sets).toEqual([
      set('params', [nv('a', '1')]),
      set('meta', [nv('b', '2')]),
    ]);
  });

  it('a quoted keyword is a plain word (tcrm; crmsh would take it as the keyword)', () => {
    expect((ast('primitive p7 Dummy params "params" x=1') as { sets: unknown[] }).sets).toEqual([
      set('params', [nv('params'), nv('x', '1')]),
    ]);
  });

  it('a rule after op pairs opens an implicit op_params list, as in crmsh', () => {
    const stmt = ast('primitive p6 Dummy op monitor interval=10 rule #uname eq x') as { ops: Array<{ sets: unknown[] }> };
    expect(stmt.ops[0].sets).toEqual([
      { kind: 'op_params', rules: [{ exprs: [{ kind: 'binary', attr: '#uname', op: 'eq', value: 'x' }] }], items: [], implicit: true },
    ]);
  });

  it('`id=` before the id is dropped (crmsh strips it)', () => {
    expect((ast('primitive id=px Dummy') as { id: unknown }).id).toEqual({ name: 'px' });
  });
});

describe('monitor, group, clone, ms', () => {
  it('monitor', () => {
    expect(ast('monitor dx:Promoted 30s:20s')).toEqual({
      kind: 'monitor',
      rsc: { name: 'dx' },
      role: 'Promoted',
      interval: '30s',
      timeout: '20s',
    });
  });
  it('group', () => {
    expect(ast('group g a b c description=grp meta target-role=Started')).toEqual({
      kind: 'group',
      id: { name: 'g' },
      children: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      description: 'grp',
      sets: [set('meta', [nv('target-role', 'Started')])],
    });
  });
  it('clone and ms', () => {
    expect(ast('clone cl g params globally-unique=true meta clone-max=2')).toEqual({
      kind: 'clone',
      id: { name: 'cl' },
      children: [{ name: 'g' }],
      sets: [set('params', [nv('globally-unique', 'true')]), set('meta', [nv('clone-max', '2')])],
    });
    expect((ast('master m1 d meta promotable=true') as { kind: string }).kind).toBe('ms');
  });
});

describe('bundle', () => {
  it('container, network with port mappings, storage, primitive, meta', () => {
    expect(
      ast(
        'bundle bu1 docker image=nginx replicas=2 network control-port=3121 port-mapping id=p1 port=80 storage storage-mapping id=s1 source-dir=/srv target-dir=/srv primitive db meta target-role=Started',
      ),
    ).toEqual({
      kind: 'bundle',
      id: { name: 'bu1' },
      parts: [
        { kind: 'container', engine: 'docker', attrs: [['image', 'nginx'], ['replicas', '2']] },
        { kind: 'network', attrs: [['control-port', '3121']], portMappings: [[['id', 'p1'], ['port', '80']]] },
        { kind: 'storage', mappings: [[['id', 's1'], ['source-dir', '/srv'], ['target-dir', '/srv']]] },
        { kind: 'primitive', id: { name: 'db' } },
        { kind: 'meta', set: set('meta', [nv('target-role', 'Started')]) },
      ],
    });
  });
});

describe('location', () => {
  it('score and node', () => {
    expect(ast('location l1 r 100: Lubuntu')).toEqual({
      kind: 'location',
      id: { name: 'l1' },
      rsc: { kind: 'id', name: 'r' },
      options: [],
      score: '100',
      node: { name: 'Lubuntu' },
      rules: [],
    });
  });
  it('pattern, role option, rules with id/role/score and typed ops', () => {
    expect(ast('location l2 /web.*/ role=Started rule $id=r1 $role=Promoted -inf: #uname ne a and x number:lte 3 rule defined pingd')).toEqual({
      kind: 'location',
      id: { name: 'l2' },
      rsc: { kind: 'pattern', pattern: 'web.*' },
      options: [['role', 'Started']],
      rules: [
        {
          id: 'r1',
          role: 'Promoted',
          score: '-inf',
          boolOp: 'and',
          exprs: [
            { kind: 'binary', attr: '#uname', op: 'ne', value: 'a' },
            { kind: 'binary', attr: 'x', op: 'lte', type: 'number', value: '3' },
          ],
        },
        { exprs: [{ kind: 'unary', op: 'defined', attr: 'pingd' }] },
      ],
    });
  });
  it('a braced resource set and resource-discovery', () => {
    expect(ast('location l3 { a b:Started } resource-discovery=never inf: Lubuntu')).toMatchObject({
      rsc: { kind: 'set', refs: [{ name: 'a' }, { name: 'b', suffix: 'Started' }] },
      options: [['resource-discovery', 'never']],
      score: 'inf',
    });
  });
  it('the old role placement after the node', () => {
    expect(ast('location l5 r 100: Lubuntu role=Promoted')).toMatchObject({ options: [['role', 'Promoted']], score: '100' });
  });
  it('date expressions and value sources', () => {
    expect(ast('location l4 r rule date in_range start=2020-01-01 weeks=2 or date spec hours=9-17 weekdays=1-5 or date lt 2030 or x eq param{y}')).toMatchObject({
      rules: [
        {
          boolOp: 'or',
          exprs: [
            { kind: 'date', op: 'in_range', start: '2020-01-01', duration: [['weeks', '2']], spec: [] },
            { kind: 'date', op: 'spec', duration: [], spec: [['hours', '9-17'], ['weekdays', '1-5']] },
            { kind: 'date', op: 'lt', end: '2030', duration: [], spec: [] },
            { kind: 'binary', attr: 'x', op: 'eq', value: 'y', valueSource: 'param' },
          ],
        },
      ],
    });
  });
  it('a rule by reference', () => {
    expect(ast('location l6 r rule $id-ref=rr')).toMatchObject({ rules: [{ idRef: 'rr', exprs: [] }] });
  });
});

describe('colocation, order, rsc_ticket', () => {
  it('simple colocation with a role and node-attribute', () => {
    expect(ast('colocation c1 inf: a:Master b node-attribute=rack')).toEqual({
      kind: 'colocation',
      id: { name: 'c1' },
      score: 'inf',
      refs: [
        { kind: 'ref', name: 'a', suffix: 'Master' },
        { kind: 'ref', name: 'b' },
      ],
      nodeAttribute: 'rack',
    });
  });
  it('resource sets with brackets and options', () => {
    expect(ast('colocation c2 -inf: a ( b c:Started ) [ d e sequential=true ]')).toMatchObject({
      refs: [
        { kind: 'ref', name: 'a' },
        { kind: 'set', bracket: '(', refs: [{ name: 'b' }, { name: 'c', suffix: 'Started' }], options: [] },
        { kind: 'set', bracket: '[', refs: [{ name: 'd' }, { name: 'e' }], options: [['sequential', 'true']] },
      ],
    });
  });
  it('brackets glued to words', () => {
    expect(ast('colocation c3 inf: (a b) c')).toMatchObject({
      refs: [{ kind: 'set', bracket: '(', refs: [{ name: 'a' }, { name: 'b' }] }, { kind: 'ref', name: 'c' }],
    });
  });
  it('order with kind, actions and symmetrical', () => {
    expect(ast('order o1 Mandatory: a:start b:promote symmetrical=false')).toEqual({
      kind: 'order',
      id: { name: 'o1' },
      kindOrScore: 'Mandatory',
      refs: [
        { kind: 'ref', name: 'a', suffix: 'start' },
        { kind: 'ref', name: 'b', suffix: 'promote' },
      ],
      symmetrical: 'false',
    });
    expect(ast('order o2 a b c:promote')).toMatchObject({ refs: [{ name: 'a' }, { name: 'b' }, { name: 'c', suffix: 'promote' }] });
    expect(ast('order o3 0: a b')).toMatchObject({ kindOrScore: '0' });
  });
  it('rsc_ticket', () => {
    expect(ast('rsc_ticket t1 tk: a:Started loss-policy=fence')).toEqual({
      kind: 'rsc_ticket',
      id: { name: 't1' },
      ticket: 'tk',
      refs: [{ kind: 'ref', name: 'a', suffix: 'Started' }],
      lossPolicy: 'fence',
    });
  });
});

describe('property, rsc_defaults, op_defaults', () => {
  it('set ids in each form', () => {
    expect(ast('property $id=cbo stonith-enabled=false')).toMatchObject({
      kind: 'property',
      set: { id: 'cbo', items: [nv('stonith-enabled', 'false')] },
    });
    expect(ast('rsc_defaults rsc-options: rule #uname eq x resource-stickiness=100')).toMatchObject({
      kind: 'rsc_defaults',
      set: { kind: 'meta', id: 'rsc-options', rules: [{ exprs: [{ attr: '#uname' }] }], items: [nv('resource-stickiness', '100')] },
    });
    expect(ast('op_defaults $id-ref=other')).toMatchObject({ kind: 'op_defaults', set: { idRef: 'other', items: [] } });
  });
  it('empty values: refused from the shell, accepted for load/edit text', () => {
    expect(parseLine('property a= b=1').diagnostics[0].message).toBe(
      "syntax in property: Empty value for a is not allowed near <b=1> parsing 'property a= b=1'",
    );
  });
});

describe('fencing_topology, tag, ACLs, xml, alert', () => {
  it('fencing_topology targets and levels', () => {
    expect(ast('fencing_topology Lubuntu: d1,d2 d3 attr:rack=1 d4 pattern:node.* d5')).toEqual({
      kind: 'fencing_topology',
      targets: [
        { target: { kind: 'node', value: 'Lubuntu' }, levels: [{ devices: 'd1,d2' }, { devices: 'd3' }] },
        { target: { kind: 'attr', value: 'rack=1' }, levels: [{ devices: 'd4' }] },
        { target: { kind: 'pattern', value: 'node.*' }, levels: [{ devices: 'd5' }] },
      ],
    });
    expect(ast('fencing_topology d1 d2')).toEqual({ kind: 'fencing_topology', targets: [{ levels: [{ devices: 'd1' }, { devices: 'd2' }] }] });
  });
  it('tag', () => {
    expect(ast('tag t: a b')).toEqual({ kind: 'tag', id: { name: 't' }, refs: [{ name: 'a' }, { name: 'b' }] });
  });
  it('role permissions', () => {
    expect(ast('role r1 description=admins write meta:a:target-role read $id=p1 xpath:/cib deny ref:x tag:node attr:uname')).toEqual({
      kind: 'role',
      id: { name: 'r1' },
      description: 'admins',
      permissions: [
        { kind: 'write', specs: [{ key: 'meta', value: 'a:target-role' }] },
        { kind: 'read', id: 'p1', specs: [{ key: 'xpath', value: '/cib' }] },
        { kind: 'deny', specs: [{ key: 'ref', value: 'x' }, { key: 'tag', value: 'node' }, { key: 'attr', value: 'uname' }] },
      ],
    });
  });
  it('acl_target and user', () => {
    expect(ast('acl_target u1 r1 r2')).toEqual({ kind: 'acl_target', id: { name: 'u1' }, roles: [{ name: 'r1' }, { name: 'r2' }], permissions: [] });
    expect(ast('user u2 role:r1 read xpath:/a write meta:a')).toEqual({
      kind: 'user',
      id: { name: 'u2' },
      roles: [{ name: 'r1' }],
      permissions: [
        { kind: 'read', specs: [{ key: 'xpath', value: '/a' }] },
        { kind: 'write', specs: [{ key: 'meta', value: 'a' }] },
      ],
    });
  });
  it('xml joins its words', () => {
    expect(ast(`xml '<primitive id="x" class="ocf" provider="heartbeat" type="Dummy"/>'`)).toEqual({
      kind: 'xml',
      xml: '<primitive id="x" class="ocf" provider="heartbeat" type="Dummy"/>',
    });
  });
  it('alert with sets, select and recipients', () => {
    expect(ast('alert al1 /p description=x attributes a=1 meta timeout=5 select nodes fencing attributes { a b } to /r1 attributes x=1 to { /r2 meta timeout=5 }')).toEqual({
      kind: 'alert',
      id: { name: 'al1' },
      path: '/p',
      description: 'x',
      sets: [set('attributes', [nv('a', '1')]), set('meta', [nv('timeout', '5')])],
      select: { kinds: ['nodes', 'fencing', 'attributes'], attributes: ['a', 'b'] },
      recipients: [
        { path: '/r1', sets: [set('attributes', [nv('x', '1')])] },
        { path: '/r2', sets: [set('meta', [nv('timeout', '5')])] },
      ],
    });
  });
});

describe('statement text and positions', () => {
  it('text is the words as crmsh echoes them, with the canonical command word', () => {
    expect(parseLine('resource p Dummy params a="x y"').stmt?.text).toBe('primitive p Dummy params a=x y');
  });
  it('positions are physical', () => {
    const r = parseLine('location l1 r 100: Lubuntu');
    const stmt = r.stmt as { at: unknown; node: { at: unknown } };
    expect(stmt.at).toEqual({ file: 'test.crm', line: 1, col: 1, offset: 0 });
    expect(stmt.node.at).toEqual({ file: 'test.crm', line: 1, col: 20, offset: 19 });
  });
});

describe('property pairs from load/edit text', () => {
  it('accepts an empty value and a bare name (crmsh ignore_empty)', () => {
    const [line] = splitLogicalLines('property a= b', 't');
    const r = parseConfigureStatement(line, 'property', { fromText: true });
    expect(r.diagnostics).toEqual([]);
    expect((r.stmt as { set: { items: unknown[] } }).set.items).toMatchObject([
      { kind: 'nv', name: 'a', value: '' },
      { kind: 'nv', name: 'b' },
    ]);
  });
});
