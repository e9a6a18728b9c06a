import { describe, expect, it } from 'vitest';
import type * as A from '../../src/grammar/ast.js';
import { canonicalConfiguration } from '../../src/shadow-cib/xml.js';
import { at, bin, bracket, date, expectedConfiguration, item, lines, prim, prop, ref, rref, rule, run, set, un } from './lower-helpers.js';

const stonithOff = prop('property', 'stonith-enabled=false');
const dummies = (...ids: string[]) => ids.map((id) => prim(id, 'Dummy'));

function loc(id: string, rsc: string | { pattern: string } | string[], o: Partial<A.LocationStmt> & { text?: string } = {}): A.LocationStmt {
  const r: A.LocationStmt['rsc'] =
    typeof rsc === 'string' ? { kind: 'id', ...ref(rsc) } : Array.isArray(rsc) ? { kind: 'set', refs: rsc.map((x) => rref(x)), at } : { kind: 'pattern', pattern: rsc.pattern, at };
  return { kind: 'location', at, text: o.text ?? `location ${id}`, id: ref(id), rsc: r, options: [], rules: [], ...o };
}
const onNode = (score: string, node: string) => ({ score, node: ref(node) });
const coloc = (id: string, score: string, refs: A.RefItem[], nodeAttribute?: string): A.ColocationStmt => ({
  kind: 'colocation', at, text: `colocation ${id}`, id: ref(id), score, refs, ...(nodeAttribute ? { nodeAttribute } : {}),
});
const order = (id: string, kindOrScore: string | undefined, refs: A.RefItem[], symmetrical?: string): A.OrderStmt => ({
  kind: 'order', at, text: `order ${id}`, id: ref(id), refs, ...(kindOrScore !== undefined ? { kindOrScore } : {}), ...(symmetrical ? { symmetrical } : {}),
});
const ticket = (id: string, t: string, refs: A.RefItem[], lossPolicy?: string): A.TicketStmt => ({
  kind: 'rsc_ticket', at, text: `rsc_ticket ${id}`, id: ref(id), ticket: t, refs, ...(lossPolicy ? { lossPolicy } : {}),
});
const container = (kind: 'group' | 'clone' | 'ms', id: string, children: string[], sets: A.AttrSet[] = [], text?: string): A.ContainerStmt => ({
  kind, at, text: text ?? `${kind} ${id} ${children.join(' ')}`, id: ref(id), children: children.map(ref), sets,
});

describe('containers', () => {
  it('containers: children moved in, constraints redirected, errors', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('failoverip', 'IPaddr', { sets: [set('params', 'ip=10.0.0.1')] }),
      ...dummies('a', 'b', 'c'),
      prim('st', 'Stateful'),
      prim('st2', 'Stateful'),
      loc('preferred-Lubuntu', 'failoverip', onNode('100', 'Lubuntu')),
      coloc('col1', 'inf', [item('a'), item('failoverip')]),
      order('o1', 'Mandatory', [item('failoverip'), item('a')]),
      container('group', 'g1', ['failoverip', 'a'], [set('meta', 'target-role=Started'), set('params', 'x=1')]),
      container('group', 'g2', ['b', 'nosuch']),
      container('group', 'g3', ['b']),
      container('group', 'g4', ['c', 'c']),
      container('clone', 'cl1', ['g1'], [set('meta', 'interleave=true')]),
      container('clone', 'ms1', ['st'], [set('meta', 'promotable=true')]),
      container('ms', 'ms-st', ['st2'], [set('meta', 'notify=true')], 'ms ms-st st2 meta notify=true'),
    ]);
    expect(lines(diags)).toEqual([
      'INFO: modified location:preferred-Lubuntu from failoverip to g1',
      'INFO: modified colocation:col1 from failoverip to g1',
      'INFO: modified order:o1 from failoverip to g1',
      'INFO: modified colocation:col1 from a to g1',
      'INFO: modified order:o1 from a to g1',
      'ERROR: g2 refers to missing object nosuch',
      'ERROR: Cannot create group:g3: Child primitive:b already in group:g2',
      "ERROR: syntax in group: child c listed more than once in group g4 parsing 'group g4 c c'",
      'INFO: modified location:preferred-Lubuntu from g1 to cl1',
      'WARNING: "ms" is deprecated. Please use "clone ms-st st2 meta notify=true promotable=true"',
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('containers'));
  });

  it('containers2: sets deduplicated, simple form restored, silly constraints dropped', () => {
    const { doc, diags } = run([
      stonithOff,
      ...dummies('a', 'b'),
      prim('st', 'Stateful'),
      loc('l1', 'a', onNode('100', 'Lubuntu')),
      loc('l2', ['a', 'b'], onNode('100', 'Lubuntu')),
      coloc('c1', 'inf', [item('a'), item('b')]),
      coloc('c2', 'inf', [bracket('(', [rref('a'), rref('b')]), item('st')]),
      ticket('t1', 'ticketA', [item('a')]),
      order('o2', 'inf', [item('a', 'start'), item('b', 'start')]),
      container('ms', 'ms2', ['st']),
      container('group', 'g', ['a', 'b']),
    ]);
    expect(lines(diags)).toEqual([
      'WARNING: "ms" is deprecated. Please use "clone ms2 st meta promotable=true"',
      'INFO: modified colocation:c2 from st to ms2',
      'INFO: modified location:l1 from a to g',
      'INFO: modified location:l2 from a to g',
      'INFO: modified colocation:c1 from a to g',
      'INFO: modified colocation:c2 from a to g',
      'INFO: modified rsc_ticket:t1 from a to g',
      'INFO: modified order:o2 from a to g',
      'INFO: modified location:l2 from b to g',
      'INFO: modified colocation:c1 from b to g',
      'INFO: modified colocation:c2 from b to g',
      'INFO: modified order:o2 from b to g',
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('containers2'));
  });

  it('container-errors: a container whose children are all missing is still created', () => {
    const { doc, diags } = run([stonithOff, prim('a', 'Dummy'), container('clone', 'cc', ['nosuch']), container('group', 'g5', ['nosuch'])]);
    expect(lines(diags)).toEqual([
      'ERROR: cc refers to missing object nosuch',
      "ERROR: syntax in clone: Expected at least 2 arguments near <clone> parsing 'clone cc'",
      'ERROR: g5 refers to missing object nosuch',
      "ERROR: syntax in group: Expected at least 2 arguments near <group> parsing 'group g5'",
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('container-errors'));
  });

  it('bundle', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('db', 'Dummy'),
      {
        kind: 'bundle', at, text: 'bundle bu1', id: ref('bu1'),
        parts: [
          { kind: 'container', engine: 'docker', attrs: [['image', 'nginx'], ['replicas', '2']], at },
          { kind: 'network', attrs: [['control-port', '3121']], portMappings: [[['id', 'p1'], ['port', '80']]], at },
          { kind: 'storage', mappings: [[['id', 's1'], ['source-dir', '/srv'], ['target-dir', '/srv']]], at },
          { kind: 'primitive', id: ref('db'), at },
          { kind: 'meta', set: set('meta', 'target-role=Started'), at },
        ],
      },
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('bundle'));
  });
});

describe('constraints', () => {
  it('location: scores, roles, discovery, patterns, sets, rules', () => {
    const { doc, diags } = run([
      stonithOff,
      ...dummies('a', 'b'),
      loc('l1', 'a', onNode('100', 'Lubuntu')),
      loc('l2', 'a', onNode('inf', 'Lubuntu')),
      loc('l3', 'a', onNode('-inf', 'Lubuntu1')),
      loc('l4', 'a', onNode('+inf', 'Lubuntu')),
      loc('l4b', 'a', onNode('+INFINITY', 'Lubuntu')),
      loc('l4c', 'a', onNode('mandatory', 'Lubuntu')),
      loc('l4d', 'a', onNode('advisory', 'Lubuntu')),
      loc('l5', 'a', { ...onNode('50', 'Lubuntu'), options: [['role', 'Started']], text: 'location l5 a role=Started 50: Lubuntu' }),
      loc('l5b', 'a', { ...onNode('50', 'Lubuntu'), options: [['role', 'Master']], text: 'location l5b a 50: Lubuntu role=Master' }),
      loc('l14', 'a', { ...onNode('-inf', 'Lubuntu1'), options: [['resource-discovery', 'never']] }),
      loc('l12', { pattern: 'd.*' }, onNode('10', 'Lubuntu')),
      loc('l13', ['a', 'b'], onNode('10', 'Lubuntu')),
      loc('l6', 'a', { rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { score: '50' })] }),
      loc('l7', 'a', { rules: [rule([un('not_defined', 'pingd'), bin('pingd', 'lte', '0')], { score: '-inf', boolOp: 'or' })] }),
      loc('l8', 'a', { rules: [rule([un('defined', 'pingd')], { id: 'l8-rule', score: 'pingd' })] }),
      loc('l9', 'a', { rules: [rule([bin('#uname', 'ne', 'Lubuntu')], { role: 'Started', score: 'inf' })] }),
      loc('l10', 'a', {
        rules: [
          rule([date('in_range', { start: '2024-01-01', end: '2024-12-31' })]),
          rule([date('spec', { spec: [['hours', '9-16'], ['weekdays', '1-5']] })]),
        ],
      }),
      loc('l11', 'a', { rules: [rule([bin('foo', 'gte', '5', { type: 'number' }), bin('bar', 'eq', 'baz', { type: 'string' }), date('lt', { end: '2025-01-01' })], { boolOp: 'and' })] }),
      loc('l15', 'a', { rules: [rule([date('in', { start: '2024-01-01', duration: [['months', '2'], ['weeks', '1']] })])] }),
      loc('l16', 'a', { rules: [rule([bin('attr', 'eq', 'ip', { valueSource: 'param' })], { score: '-inf' })] }),
      loc('l17', 'a', { rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { score: 'Inf' })] }),
      loc('l18', 'a', { rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { score: '10' }), rule([bin('#uname', 'eq', 'Lubuntu1')], { score: '20' })] }),
      loc('l19', 'a', { rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { role: 'Promoted', score: '10' })] }),
      loc('l20', 'a', { ...onNode('10', 'Lubuntu'), options: [['role', 'Unpromoted']] }),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('location'));
  });

  it('colocation: simple and set forms', () => {
    const { doc, diags } = run([
      stonithOff,
      ...dummies('a', 'b', 'c', 'd'),
      coloc('c1', 'inf', [item('a'), item('b')]),
      coloc('c2', '-inf', [item('a'), item('b')]),
      coloc('c3', '100', [item('a', 'started'), item('b')]),
      coloc('col2', 'inf', [item('a', 'master'), item('b', 'SLAVE')]),
      coloc('c5', 'inf', [bracket('(', [rref('a'), rref('b')]), item('c')]),
      coloc('c6', 'inf', [bracket('[', [rref('a'), rref('b')]), item('c')]),
      coloc('c7', 'inf', [item('a'), item('b')], 'rack'),
      coloc('c8', 'inf', [item('a'), item('b'), item('c')]),
      coloc('c9', 'inf', [bracket('[', [rref('b'), rref('c')], [['sequential', 'true']]), item('d')]),
      coloc('c10', 'inf', [bracket('(', [rref('b'), rref('c')], [['require-all', 'false']]), item('d')]),
      coloc('c11', 'inf', [item('a', 'Started'), item('b', 'Started'), item('c', 'Master'), item('d')]),
      coloc('c12', 'mandatory', [item('a'), item('b')]),
      coloc('c13', 'inf', [bracket('(', [rref('a'), rref('b')]), item('c')]),
      coloc('c14', 'inf', [item('a', 'Promoted'), item('b', 'Unpromoted')]),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('colocation'));
  });

  it('order: kinds, actions, symmetrical, sets', () => {
    const { doc, diags } = run([
      stonithOff,
      ...dummies('a', 'b', 'c'),
      order('o1', 'Mandatory', [item('a'), item('b')]),
      order('o2', 'optional', [item('a'), item('b')]),
      order('o3', 'serialize', [item('a'), item('b')]),
      order('o4', '0', [item('a'), item('b')]),
      order('o5', '100', [item('a'), item('b')]),
      order('o6', undefined, [item('a'), item('b')]),
      order('o7', 'Mandatory', [item('a', 'start'), item('b', 'stop')], 'false'),
      order('o8', 'inf', [item('a'), item('b'), item('c')]),
      order('o9', 'inf', [bracket('(', [rref('a'), rref('b')]), item('c')]),
      order('o10', 'inf', [item('a'), item('b')], 'YES'),
      order('o13', 'inf', [item('a', 'start'), item('b', 'start'), item('c', 'promote')]),
      order('o14', '-inf', [item('a'), item('b')]),
      order('o16', 'inf', [item('a')]),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('order'));
  });

  it('rsc_ticket', () => {
    const { doc, diags } = run([
      stonithOff,
      ...dummies('a', 'b'),
      ticket('tk1', 'ticketA', [item('a')], 'stop'),
      ticket('t2', 'ticketB', [item('a'), item('b', 'Started')]),
      ticket('t3', 'ticketC', [item('a', 'Master')]),
      ticket('t4', 'ticketD', [bracket('(', [rref('a'), rref('b')])], 'fence'),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('ticket'));
  });
});

describe('more constraint shapes', () => {
  it('location-sets: role on a set location, sets redirected to a new group', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('Lubuntu', 'Dummy'),
      prim('cm', 'Dummy', { sets: [set('params', 'a=1')] }),
      { kind: 'tag', at, text: 'tag Lubuntu1 Lubuntu', id: ref('Lubuntu1'), refs: [ref('Lubuntu')] },
      loc('l3', 'Lubuntu', onNode('10', 'Lubuntu')),
      order('o9', 'Mandatory', [bracket('(', [rref('Lubuntu'), rref('cm')])], 'false'),
      loc('l5', ['Lubuntu', 'cm'], { ...onNode('10', 'Lubuntu'), options: [['role', 'Started']] }),
      loc('l6', 'x', { ...onNode('10', 'Lubuntu'), rsc: { kind: 'set', refs: [rref('Lubuntu', 'Started'), rref('cm', 'Started')], at } }),
      coloc('c7', 'inf', [item('Lubuntu'), item('cm')]),
      container('group', 'gg', ['Lubuntu', 'cm'], [set('meta', 'target-role=Stopped')]),
    ]);
    expect(lines(diags)).toEqual([
      'INFO: modified location:l3 from Lubuntu to gg',
      'INFO: modified order:o9 from Lubuntu to gg',
      'INFO: modified location:l5 from Lubuntu to gg',
      'INFO: modified location:l6 from Lubuntu to gg',
      'INFO: modified colocation:c7 from Lubuntu to gg',
      'INFO: modified order:o9 from cm to gg',
      'INFO: modified location:l5 from cm to gg',
      'INFO: modified location:l6 from cm to gg',
      'INFO: modified colocation:c7 from cm to gg',
    ]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('location-sets'));
  });

  it('rules: typed expressions keep type="string", $id-ref rules, date ranges, rules in defaults', () => {
    const { doc, diags } = run([
      stonithOff,
      prim('a', 'Dummy'),
      loc('l1', 'a', { rules: [rule([bin('bar', 'eq', 'baz', { type: 'string' })])] }),
      loc('l2', 'a', { rules: [rule([bin('bar', 'gt', '1', { type: 'version' }), bin('baz', 'lt', '3', { type: 'integer' })], { boolOp: 'and' })] }),
      loc('l3', 'a', { rules: [rule([], { idRef: 'l1-rule' })] }),
      loc('l4', 'a', { rules: [rule([date('gt', { start: '2024-01-01' }), date('lt', { end: '2025-01-01' })], { boolOp: 'and' })] }),
      loc('l5', 'a', { rules: [rule([date('in', { start: '2024-01-01', end: '2024-02-01' })])] }),
      prop('rsc_defaults', 'migration-threshold=1', { id: 'rule-d', rules: [rule([bin('#uname', 'eq', 'Lubuntu')])] }),
      prop('rsc_defaults', 'failure-timeout=10', { id: 'rule-d' }),
      prop('property', 'cluster-name=foo', { id: 'cib-bootstrap-options' }),
    ]);
    expect(diags).toEqual([]);
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('rules'));
  });

  it('a failing statement leaves document, ids and changed untouched', () => {
    const { doc, ctx } = run([prim('a', 'Dummy')]);
    const before = canonicalConfiguration(doc);
    const changed = [...ctx.changed];
    const r = run([container('group', 'g', ['a', 'a'])], doc);
    expect(lines(r.diags)[0]).toContain('listed more than once');
    expect(canonicalConfiguration(doc)).toBe(before);
    expect(changed).toEqual(['a']);
    expect(r.ctx.changed.size).toBe(0);
  });
});
