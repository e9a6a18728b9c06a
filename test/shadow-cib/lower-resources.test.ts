import { describe, expect, it } from 'vitest';
import type * as A from '../../src/grammar/ast.js';
import { canonicalConfiguration } from '../../src/shadow-cib/xml.js';
import { at, expectedConfiguration, lines, nv, nvref, op, prim, prop, ref, rule, run, set, bin, date } from './lower-helpers.js';

const stonithOff = prop('property', 'stonith-enabled=false');

describe('primitive lowering (fixtures from crmsh 4.4.1)', () => {
  it('primitive-basic', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('failoverip', 'ocf:heartbeat:IPaddr', { sets: [set('params', 'ip=192.168.1.100 cidr_netmask=24')], ops: [op('monitor', 'interval=10s')] }),
      prim('d2', 'ocf:pacemaker:Dummy', {
        sets: [set('params', 'state=/tmp/d2.state fake=x'), set('meta', 'target-role=Stopped resource-stickiness=100'), set('utilization', 'cpu=2')],
        ops: [op('monitor', 'interval=10s timeout=20s'), op('start', 'timeout=20s'), op('stop', 'timeout=20s interval=0')],
      }),
      prim('d3', 'Dummy', { description: 'my dummy', sets: [set('params', 'fake=1 fake=2'), set('params', 'b=2'), set('meta', 'a=1')] }),
      prim('s1', 'lsb:apache2'),
      prim('s2', 'systemd:apache2', { ops: [op('monitor', 'interval=30s')] }),
      prim('s3', 'stonith:external/ssh', { sets: [set('params', [nv('hostlist', 'Lubuntu Lubuntu1')])] }),
      prim('d6', 'ping', { sets: [set('params', 'host_list=1.2.3.4')] }),
      prim('d7', 'ocf:Dummy', { ops: [op('monitor', 'interval=10 role=Master'), op('monitor', 'interval=10 role=Slave')] }),
      prim('d8', 'Dummy', { ops: [op('monitor', 'interval=20 timeout=30 depth=10', [set('op_meta', 'target-role=Started')])] }),
      prim('d9', 'Dummy', { ops: [op('monitor', 'interval=20', [set('op_params', 'depth=10 OCF_CHECK_LEVEL=1')])] }),
      prim('d10', 'Stateful', { sets: [set('params', [nv('foo', 'bar', 'foo'), nv('baz', '1', 'myid'), nv('empty', '')])] }),
      prim('d11', 'Dummy', { sets: [set('params', [])] }),
    ]);
    expect(lines(diags)).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('primitive-basic'));
  });

  it('primitive-errors: invalid ids, bad agent specs, duplicates, op attribute order', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('1bad', 'Dummy'),
      prim('d3', 'ocf::Dummy'),
      prim('d4', 'ocf:a:b:Dummy'),
      prim('ok', 'Dummy'),
      prim('ok', 'Dummy', { sets: [set('params', 'x=1')] }),
      { kind: 'location', at, text: 'location ok Dummy inf: Lubuntu', id: ref('ok'), rsc: { kind: 'id', ...ref('Dummy') }, options: [], score: 'inf', node: ref('Lubuntu'), rules: [] },
      prim('d5', 'Dummy', { ops: [op('start', 'timeout=20s depth=0')], text: 'primitive d5 Dummy op start timeout=20s depth=0' }),
    ]);
    expect(lines(diags)).toEqual([
      'ERROR: 1bad: invalid object id',
      'ERROR: No ID found for primitive: <primitive id="1bad" class="ocf" provider="heartbeat" type="Dummy"/>',
      'ERROR: provider could not be determined for ocf::Dummy',
      "ERROR: syntax in primitive: Unknown resource type near <ocf::Dummy> parsing 'primitive d3 ocf::Dummy'",
      'ERROR: bad resource type specification ocf:a:b:Dummy',
      "ERROR: syntax in primitive: Unknown resource type near <ocf:a:b:Dummy> parsing 'primitive d4 ocf:a:b:Dummy'",
      "ERROR: Cannot create primitive with ID 'ok': Found existing primitive with same ID.",
      "ERROR: Cannot create location with ID 'ok': Found existing primitive with same ID.",
      "ERROR: syntax in primitive: Attribute order error: interval must appear before any instance attribute parsing 'primitive d5 Dummy op start timeout=20s depth=0'",
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('primitive-errors'));
  });

  it('No ID found prints the element without generated ids', () => {
    const { diags } = run([prim('123', 'Dummy', { sets: [set('params', 'a=1')], ops: [op('monitor', 'interval=10s')] })]);
    expect(lines(diags)).toEqual([
      'ERROR: 123: invalid object id',
      'ERROR: No ID found for primitive: <primitive id="123" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes><nvpair name="a" value="1"/></instance_attributes><operations><op name="monitor" interval="10s"/></operations></primitive>',
    ]);
  });

  it('template', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('tmpl', 'ocf:heartbeat:Dummy', { kind: 'rsc_template', sets: [set('params', 'fake=1')], ops: [op('monitor', 'interval=10s')] }),
      prim('t1', '@tmpl', { sets: [set('params', 'state=/tmp/x')] }),
      prim('t2', '@tmpl'),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('template'));
  });

  it('idref: $id, $id-ref to sets and to objects, @refs, operations $id/$id-ref', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('dummy-1', 'Dummy', { sets: [set('params', 'state=1', { id: 'on-state' }), set('params', 'fake=2', { id: 'other' }), set('meta', 'target-role=Stopped', { id: 'm1' })] }),
      prim('dummy-2', 'Dummy', { sets: [set('params', [], { idRef: 'on-state' })] }),
      prim('dummy-3', 'Dummy', { sets: [set('params', [], { idRef: 'dummy-1' }), set('meta', [], { idRef: 'dummy-1' })] }),
      prim('dummy-5', 'Dummy', { sets: [set('params', [nvref('on-state-state'), nvref('on-state', 'fake2')])] }),
      prim('dummy-6', 'Dummy', { operations: { id: 'ops6' }, ops: [op('monitor', 'interval=10s')] }),
      prim('dummy-7', 'Dummy', { operations: { idRef: 'ops6' } }),
    ]);
    expect(lines(diags)).toEqual(['WARNING: dummy-1 contains more than one instance_attributes, using first']);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('idref'));
  });

  it('$id-ref to nothing: ERROR once per crmsh resolution pass, reference kept', () => {
    const { doc, diags } = run([
      prim('dummy-4', 'Dummy', { sets: [set('params', [], { idRef: 'foo' })] }),
      prim('dummy-5', 'Dummy', { sets: [set('meta', [], { idRef: 'dummy-4' })] }),
      prim('dummy-6', 'Dummy', { sets: [set('meta', [], { idRef: 'nosuch' }), set('params', [], { idRef: 'nosuch2' })] }),
    ]);
    const foo = 'ERROR: Reference not found: foo';
    const pair = ['ERROR: Reference not found: nosuch', 'ERROR: Reference not found: nosuch2'];
    expect(lines(diags)).toEqual([foo, foo, foo, foo, ...pair, ...pair, ...pair, ...pair]);
    const xml = canonicalConfiguration(doc);
    expect(xml).toContain('<instance_attributes id-ref="foo"/>');
    // an object without a set of that kind: the reference is kept as written, silently
    expect(xml).toContain('<meta_attributes id-ref="dummy-4"/>');
  });

  it('params-rule: scored sets with rules', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('r1', 'Dummy', {
        sets: [
          set('params', 'fake=eth1', { score: '2', rules: [rule([bin('#uname', 'eq', 'Lubuntu')])] }),
          set('params', 'fake=eth0', { score: '1' }),
        ],
      }),
      prim('r2', 'Dummy', {
        sets: [set('meta', 'target-role=Started', { rules: [rule([bin('#uname', 'eq', 'Lubuntu1'), date('gt', { start: '2024-01-01' })], { id: 'r2rule', score: '100', boolOp: 'and' })] })],
      }),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('params-rule'));
  });

  it('ids-collide: object ids and generated ids share one namespace', () => {
    const { doc } = run([
      stonithOff,
      prim('d-instance_attributes', 'Dummy'),
      prim('d', 'Dummy', { sets: [set('params', 'a=1'), set('params', 'b=2')] }),
      prim('123', 'Dummy', { sets: [set('params', 'a=1')], ops: [op('monitor', 'interval=10s')] }),
      prim('x', 'Dummy', { ops: [op('monitor', 'interval=10s'), op('monitor', 'interval=10s role=Started'), op('monitor', 'interval=10s role=Stopped')] }),
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('ids-collide'));
  });

  it('monitor', () => {
    const mon = (rsc: string, interval: string, o: { role?: string; timeout?: string } = {}): A.MonitorStmt => ({ kind: 'monitor', at, text: `monitor ${rsc} ${interval}`, rsc: ref(rsc), interval, ...o });
    const { doc, diags } = run([
      stonithOff,
      prim('dx', 'Dummy', { ops: [op('monitor', 'interval=30s')] }),
      mon('dx', '40s', { role: 'Started' }),
      mon('dx', '50s', { timeout: '20s' }),
      mon('dx', '30s'),
      mon('nosuch', '10s'),
      { kind: 'group', at, text: 'group gx dx', id: ref('gx'), children: [ref('dx')], sets: [] },
      mon('gx', '10s'),
      mon('dx', '60s', { role: 'Master' }),
    ]);
    expect(lines(diags)).toEqual([
      'ERROR: dx already has a monitor op with interval 30s',
      'ERROR: object nosuch does not exist',
      'ERROR: gx is not a primitive',
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('monitor'));
  });
});
