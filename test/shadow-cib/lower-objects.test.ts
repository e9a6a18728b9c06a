import { describe, expect, it } from 'vitest';
import type * as A from '../../src/grammar/ast.js';
import { canonicalConfiguration } from '../../src/shadow-cib/xml.js';
import { applyStatement } from '../../src/shadow-cib/lower.js';
import { at, baseDoc, bin, expectedConfiguration, lines, newContext, nv, op, prim, prop, ref, rule, run, set } from './lower-helpers.js';

const stonithOff = prop('property', 'stonith-enabled=false');

const node = (uname: string, o: Partial<A.NodeStmt> = {}): A.NodeStmt => ({ kind: 'node', at, text: `node ${uname}`, uname: ref(uname), sets: [], ...o });
const levels = (...devs: string[]) => devs.map((devices) => ({ devices, at }));
const perm = (kind: A.AclPermission['kind'], specs: string[], o: Partial<A.AclPermission> = {}): A.AclPermission => ({
  kind,
  specs: specs.map((s) => {
    const i = s.indexOf(':');
    return i < 0 ? { key: s, at } : { key: s.slice(0, i), value: s.slice(i + 1), at };
  }),
  at,
  ...o,
});
const role = (id: string, permissions: A.AclPermission[], o: Partial<A.RoleStmt> = {}): A.RoleStmt => ({ kind: 'role', at, text: `role ${id}`, id: ref(id), permissions, ...o });

describe('properties, nodes, fencing, tags, ACLs, alerts, xml', () => {
  it('property / rsc_defaults / op_defaults: default sets, merge, named sets, rules', () => {
    const { doc, diags } = run([
      stonithOff,
      prop('property', 'no-quorum-policy=ignore stonith-enabled=true'),
      prop('property', 'stonith-enabled=false'),
      prop('property', 'foo=bar', { id: 'my-props' }),
      prop('property', 'baz=1', { id: 'other-set' }),
      prop('property', 'baz=2 qux=3', { id: 'other-set' }),
      prop('rsc_defaults', 'resource-stickiness=100'),
      prop('rsc_defaults', 'failure-timeout=60s', { id: 'rsc-2' }),
      prop('rsc_defaults', 'resource-stickiness=200 migration-threshold=3'),
      prop('op_defaults', 'timeout=60s'),
      prop('op_defaults', 'timeout=90s', { id: 'rule-set', rules: [rule([bin('#uname', 'eq', 'Lubuntu')])] }),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('property'));
  });

  it('node: create, merge attributes into existing nodes, ids and types', () => {
    const { doc, diags } = run([
      stonithOff,
      node('Lubuntu', { sets: [set('attributes', 'color=blue')] }),
      node('Lubuntu1', { sets: [set('attributes', 'color=red', { implicit: true }), set('utilization', 'cpu=4')] }),
      node('node3'),
      node('node5', { nodeId: '45', type: 'remote' }),
      node('node7', { nodeId: '77', sets: [set('attributes', 'standby=off')] }),
      node('node8', { description: 'eight', sets: [set('attributes', 'a=1'), set('utilization', 'mem=10')] }),
      node('Lubuntu', { sets: [set('attributes', 'color=green size=2')] }),
      node('Lubuntu', { nodeId: '1', sets: [set('attributes', 'extra=1')] }),
      node('node9', { type: 'member' }),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('node'));
  });

  const stonith = (id: string) => prim(id, 'stonith:null', { sets: [set('params', [nv('hostlist', 'Lubuntu Lubuntu1')])] });

  it('fencing_topology without targets: every node gets the levels', () => {
    const { doc, diags } = run([stonithOff, stonith('p-st'), stonith('p-st2'), { kind: 'fencing_topology', at, text: 'fencing_topology p-st p-st2', targets: [{ levels: levels('p-st', 'p-st2') }] }]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('fencing'));
  });

  it('fencing_topology with node, attribute and pattern targets', () => {
    const { doc } = run([
      stonithOff,
      stonith('p-st'),
      stonith('p-st2'),
      {
        kind: 'fencing_topology', at, text: 'fencing_topology …',
        targets: [
          { target: { kind: 'node', value: 'Lubuntu', at }, levels: levels('p-st', 'p-st2') },
          { target: { kind: 'node', value: 'Lubuntu1', at }, levels: levels('p-st,p-st2') },
          { target: { kind: 'attr', value: 'rack=1', at }, levels: levels('p-st') },
          { target: { kind: 'pattern', value: 'Lub.*', at }, levels: levels('p-st2') },
        ],
      },
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('fencing2'));
  });

  it('a second fencing_topology is refused', () => {
    const ft: A.FencingTopologyStmt = { kind: 'fencing_topology', at, text: 'fencing_topology a', targets: [{ levels: levels('a') }] };
    const { diags } = run([ft, ft]);
    expect(lines(diags)).toEqual(["ERROR: Cannot create fencing_topology with ID 'fencing_topology': Found existing fencing_topology with same ID."]);
  });

  it('tag', () => {
    const { doc } = run([
      stonithOff,
      prim('d4', 'Dummy'),
      prim('dx', 'Dummy'),
      { kind: 'tag', at, text: 'tag tg1 d4 dx', id: ref('tg1'), refs: [ref('d4'), ref('dx')] },
      { kind: 'tag', at, text: 'tag tg2: dx', id: ref('tg2'), refs: [ref('dx')] },
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('tag'));
  });

  it('acl: roles with shortcuts, ids, acl_target', () => {
    const { doc, diags } = run([
      role('r-write', [perm('write', ['meta:a:target-role']), perm('read', ['ref:a'])]),
      role('r-deny', [perm('deny', ['tag:primitive', 'attr:description'])]),
      role('r-read', [perm('read', ['cib'])], { description: 'reader' }),
      role('r-all', [
        perm('write', ['xpath:/cib']),
        ...['property', 'property:stonith-enabled', 'node', 'node:Lubuntu', 'nodeattr', 'nodeattr:color', 'nodeutil', 'nodeutil:Lubuntu', 'status', 'params:a', 'params:a:ip', 'meta:a', 'utilization:a', 'location:a'].map((s) => perm('read', [s])),
      ]),
      role('r-id', [perm('read', ['xpath:/cib'], { id: 'perm1' }), perm('write', ['ref:a'], { id: 'perm2', description: 'p2' })]),
      role('r-type', [perm('read', ['type:primitive'])]),
      { kind: 'acl_target', at, text: 'acl_target alice r-read r-write', id: ref('alice'), roles: [ref('r-read'), ref('r-write')], permissions: [] },
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('acl'));
  });

  it('acl errors: attr without tag/type, user on a 3.x schema', () => {
    const { diags } = run([
      role('r-bad', [perm('read', ['attr:description'])], { text: 'role r-bad read attr:description' }),
      { kind: 'user', at, text: 'user bob role:r-read', id: ref('bob'), roles: [ref('r-read')], permissions: [] },
    ]);
    expect(lines(diags)).toEqual([
      "ERROR: syntax in role: attribute is only valid in combination with tag/object-type parsing 'role r-bad read attr:description'",
      'ERROR: user not supported by the RNG schema',
    ]);
  });

  it('alert: sets, select, numbered recipients', () => {
    const { doc, diags } = run([
      {
        kind: 'alert', at, text: 'alert al1', id: ref('al1'), path: '/usr/share/pacemaker/alerts/alert_file.sh.sample',
        sets: [set('meta', 'timeout=10s'), set('attributes', 'foo=bar')],
        recipients: [
          { path: '/tmp/recipient.log', sets: [], at },
          { path: '/tmp/r2.log', sets: [set('attributes', 'x=1')], at },
        ],
      },
      {
        kind: 'alert', at, text: 'alert al2', id: ref('al2'), path: '/tmp/a.sh', sets: [],
        select: { kinds: ['nodes', 'fencing', 'attributes'], attributes: ['standby', 'shutdown'], at },
        recipients: [{ path: '/tmp/r.log', sets: [set('meta', 'timestamp-format=%H')], at }],
      },
      { kind: 'alert', at, text: 'alert al3', id: ref('al3'), path: '/tmp/b.sh', description: 'b', sets: [], select: { kinds: ['resources'], at }, recipients: [] },
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('alert'));
  });

  it('xml statement', () => {
    const xml = (x: string): A.XmlStmt => ({ kind: 'xml', at, text: `xml '${x}'`, xml: x });
    const { doc, diags } = run([
      stonithOff,
      prim('a', 'Dummy'),
      xml('<rsc_colocation id="cx" score="INFINITY" rsc="a" with-rsc="a"/>'),
      xml('<primitive id="xp" class="ocf" provider="heartbeat" type="Dummy"><meta_attributes id="xm"><nvpair id="xm-1" name="target-role" value="Stopped"/></meta_attributes></primitive>'),
      xml('<foo id="f"/>'),
      xml('<primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/>'),
      xml('<rsc_location id="lx" rsc="a" score="10" node="Lubuntu"/>'),
    ]);
    expect(lines(diags)).toEqual([
      `ERROR: syntax in xml: Element foo not recognized parsing 'xml <foo id="f"/>'`,
      "ERROR: Cannot create primitive with ID 'a': Found existing primitive with same ID.",
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('xml'));
  });
});

describe('role translation', () => {
  const oldSchema = () => {
    const doc = baseDoc();
    doc.documentElement!.setAttribute('validate-with', 'pacemaker-3.5');
    return doc;
  };
  const refItem = (name: string, suffix?: string): A.RefItem => ({ kind: 'ref', name, at, ...(suffix ? { suffix } : {}) });
  const warn = (from: string, to: string) =>
    `WARNING: Convert "${from}" to "${to}" since the current schema version is old and not upgraded yet. Please consider "crm configure upgrade force"`;

  it('roles-old-schema: Promoted/Unpromoted become Master/Slave with a warning each', () => {
    const { doc, diags } = run(
      [
        prop('property', 'stonith-enabled=false'),
        prim('b', 'Dummy'),
        prim('st', 'Stateful', { ops: [op('monitor', 'interval=10s role=Promoted'), op('monitor', 'interval=11s role=Unpromoted')] }),
        { kind: 'location', at, text: 'location l1', id: ref('l1'), rsc: { kind: 'id', ...ref('st') }, options: [], rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { role: 'Promoted', score: '10' })] },
        { kind: 'colocation', at, text: 'colocation col', id: ref('col'), score: 'inf', refs: [refItem('st', 'Promoted'), refItem('b', 'Unpromoted')] },
        { kind: 'colocation', at, text: 'colocation col2', id: ref('col2'), score: 'inf', refs: [refItem('st', 'Promoted'), refItem('b', 'Promoted'), refItem('b', 'Started')] },
        { kind: 'location', at, text: 'location l2 st role=promoted 10: Lubuntu', id: ref('l2'), rsc: { kind: 'id', ...ref('st') }, options: [['role', 'promoted']], score: '10', node: ref('Lubuntu'), rules: [] },
        prim('z', 'Dummy', { sets: [set('meta', 'target-role=Promoted')] }),
        { kind: 'monitor', at, text: 'monitor st:Promoted 30s', rsc: ref('st'), role: 'Promoted', interval: '30s' },
        { kind: 'monitor', at, text: 'monitor st:Master 31s', rsc: ref('st'), role: 'Master', interval: '31s' },
        { kind: 'rsc_ticket', at, text: 'rsc_ticket t1', id: ref('t1'), ticket: 'tk', refs: [refItem('st', 'Promoted')] },
      ],
      oldSchema(),
    );
    const P = warn('Promoted', 'Master');
    const U = warn('Unpromoted', 'Slave');
    expect(lines(diags)).toEqual([P, U, P, P, U, P, P, P, "ERROR: syntax in monitor: Invalid role 'Promoted' for resource 'st' near <30s> parsing 'monitor st:Promoted 30s'", P]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('roles-old-schema'));
  });

  it('OCF 1.1 support rewrites Master/Slave to Promoted/Unpromoted on a new schema', () => {
    const doc = baseDoc();
    const ctx = newContext(doc, { ocf11Support: true });
    const diags = applyStatement(doc, { kind: 'colocation', at, text: 'colocation c', id: ref('c'), score: 'inf', refs: [refItem('a', 'master'), refItem('b', 'Slave')] }, ctx);
    expect(lines(diags)).toEqual(['INFO: Convert deprecated "Master" to "Promoted"', 'INFO: Convert deprecated "Slave" to "Unpromoted"']);
    expect(canonicalConfiguration(doc)).toContain('<rsc_colocation id="c" score="INFINITY" rsc="a" rsc-role="Promoted" with-rsc="b" with-rsc-role="Unpromoted"/>');
  });
});

describe('misc: op ids, op_params with $id, bundles, xml errors', () => {
  it('misc fixture', () => {
    const xml = (x: string): A.XmlStmt => ({ kind: 'xml', at, text: `xml ${x}`, xml: x });
    const bundle = (id: string, image: string, prim: string): A.BundleStmt => ({
      kind: 'bundle', at, text: `bundle ${id}`, id: ref(id),
      parts: [{ kind: 'container', engine: 'docker', attrs: [['image', image]], at }, { kind: 'primitive', id: ref(prim), at }],
    });
    const { doc, diags } = run([
      prop('property', 'stonith-enabled=false'),
      prim('a', 'Dummy', { ops: [op('monitor', 'id=mon1 interval=10'), op('start', 'interval=0 id=st1 timeout=20')] }),
      prim('b', 'Dummy', { ops: [op('monitor', 'interval=10 depth=1', [set('op_params', 'x=1', { id: 'opp' })])] }),
      prim('c', 'Dummy'),
      { kind: 'location', at, text: 'location lc', id: ref('lc'), rsc: { kind: 'id', ...ref('c') }, options: [], score: '10', node: ref('Lubuntu'), rules: [] },
      bundle('bu1', 'x', 'nosuch'),
      bundle('bu2', 'y', 'c'),
      { kind: 'order', at, text: 'order ox advisory: a b', id: ref('ox'), kindOrScore: 'advisory', refs: [{ kind: 'ref', ...ref('a') }, { kind: 'ref', ...ref('b') }] },
      xml('<cluster_property_set id=cps2><nvpair id=cps2-a name=a value=1/></cluster_property_set>'),
      xml('<node id="3" uname="n3"/>'),
      xml('<primitive id="bad"'),
      xml('<tag id="tx"><obj_ref id="a"/></tag>'),
    ]);
    const crm = diags.filter((d) => d.code === 'CRM');
    expect(lines(crm)).toEqual([
      'ERROR: bu1 refers to missing object nosuch',
      'INFO: modified location:lc from c to bu2',
      "ERROR: syntax in order: Invalid kind: advisory near <a> parsing 'order ox advisory: a b'",
      'ERROR: Cannot parse XML data: <cluster_property_set id=cps2><nvpair id=cps2-a name=a value=1/></cluster_property_set>',
      'ERROR: Cannot parse XML data: <primitive id="bad"',
    ]);
    expect(diags.filter((d) => d.code === 'TCRM2001').map((d) => d.message.replace(/: .* parsing/, ': … parsing'))).toEqual([
      "syntax in xml: … parsing 'xml <cluster_property_set id=cps2><nvpair id=cps2-a name=a value=1/></cluster_property_set>'",
      `syntax in xml: … parsing 'xml <primitive id="bad"'`,
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('misc'));
  });
});

describe('comments, namespaces, changed', () => {
  it('comments above a statement become XML comments at the start of the object', () => {
    const p = prim('cm', 'Dummy', { sets: [set('params', 'a=1')] });
    p.comments = ['# my comment', '# second'];
    const { doc } = run([p]);
    expect(canonicalConfiguration(doc)).toContain(
      [
        '    <primitive id="cm" class="ocf" provider="heartbeat" type="Dummy">',
        '      <!--# my comment-->',
        '      <!--# second-->',
        '      <instance_attributes id="cm-instance_attributes">',
      ].join('\n'),
    );
  });

  it('nodes have their own id namespace; properties share the objects one', () => {
    const { doc, diags } = run([
      prop('property', 'stonith-enabled=false'),
      node('node3'),
      prim('a', 'Dummy'),
      { kind: 'location', at, text: 'location node3', id: ref('node3'), rsc: { kind: 'id', ...ref('a') }, options: [], score: '10', node: ref('Lubuntu'), rules: [] },
      prim('cib-bootstrap-options', 'Dummy'),
      prim('fencing', 'Dummy'),
      prim('a-rule', 'Dummy'),
      { kind: 'location', at, text: 'location l1', id: ref('l1'), rsc: { kind: 'id', ...ref('a') }, options: [], rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { score: '10' })] },
      node('a', { nodeId: '5' }),
    ]);
    expect(lines(diags)).toEqual(["ERROR: Cannot create primitive with ID 'cib-bootstrap-options': Found existing property with same ID."]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('namespaces'));
  });

  it('changed collects the top-level ids created or modified', () => {
    const { ctx } = run([
      prop('property', 'stonith-enabled=false'),
      prim('a', 'Dummy'),
      { kind: 'location', at, text: 'location l1', id: ref('l1'), rsc: { kind: 'id', ...ref('a') }, options: [], score: '10', node: ref('Lubuntu'), rules: [] },
      { kind: 'group', at, text: 'group g a', id: ref('g'), children: [ref('a')], sets: [] },
      node('Lubuntu', { sets: [set('attributes', 'x=1')] }),
    ]);
    expect([...ctx.changed].sort()).toEqual(['1', 'a', 'cib-bootstrap-options', 'g', 'l1']);
  });
});
