import { describe, expect, it } from 'vitest';
import { assignIds, candidateId, IdAllocator } from '../../src/shadow-cib/ids.js';
import { parseXml, serializeNode, type Element } from '../../src/shadow-cib/xml.js';

const el = (xml: string): Element => parseXml(xml).documentElement!;

describe('IdAllocator', () => {
  it('seeds from the configuration and deduplicates with -0, -1, …', () => {
    const doc = parseXml('<cib><configuration><resources><primitive id="d"><instance_attributes id="d-instance_attributes"/></primitive></resources></configuration><status><x id="st"/></status></cib>');
    const ids = IdAllocator.fromDocument(doc);
    expect(ids.isUsed('d')).toBe(true);
    expect(ids.isUsed('st')).toBe(false);
    expect(ids.fresh('d-instance_attributes')).toBe('d-instance_attributes-0');
    expect(ids.fresh('d-instance_attributes')).toBe('d-instance_attributes-1');
    expect(ids.fresh('new')).toBe('new');
    expect(ids.fresh('new')).toBe('new-0');
  });

  it('snapshot and restore roll back handed-out ids', () => {
    const ids = new IdAllocator(['a']);
    const snap = ids.snapshot();
    ids.fresh('b');
    ids.restore(snap);
    expect(ids.isUsed('b')).toBe(false);
    expect(ids.isUsed('a')).toBe(true);
  });
});

describe('candidateId (cib-mapping.md §2)', () => {
  it.each([
    ['<nvpair name="ip"/>', 'p-instance_attributes', 'p-instance_attributes-ip'],
    ['<op name="monitor" interval="10s"/>', 'p', 'p-monitor-10s'],
    ['<op name="start" interval="0"/>', 'p', 'p-start-0'],
    ['<instance_attributes/>', 'p', 'p-instance_attributes'],
    ['<meta_attributes/>', 'p', 'p-meta_attributes'],
    ['<utilization/>', 'p', 'p-utilization'],
    ['<rule/>', 'l', 'l-rule'],
    ['<expression/>', 'l-rule', 'l-rule-expression'],
    ['<date_expression/>', 'l-rule', 'l-rule-expression'],
    ['<duration/>', 'x', 'x-duration'],
    ['<date_spec/>', 'x', 'x-date_spec'],
    ['<resource_set/>', 'o8', 'o8'],
    ['<acl_permission/>', 'r', 'r'],
    ['<instance_attributes/>', '1', 'num-1-instance_attributes'],
    ['<node uname="n3"/>', '', 'n3'],
  ])('%s under %s → %s', (xml, prefix, expected) => {
    expect(candidateId(el(xml), prefix)).toBe(expected);
  });
});

describe('assignIds', () => {
  it('walks in document order, appends generated ids last, skips reference elements', () => {
    const p = el(
      '<primitive id="p"><instance_attributes><nvpair name="a" value="1"/><nvpair id-ref="x"/></instance_attributes><operations><op name="monitor" interval="10s"/><op name="monitor" interval="10s" role="Started"/></operations></primitive>',
    );
    assignIds(p, new IdAllocator());
    expect(serializeNode(p)).toBe(
      [
        '<primitive id="p">',
        '  <instance_attributes id="p-instance_attributes">',
        '    <nvpair name="a" value="1" id="p-instance_attributes-a"/>',
        '    <nvpair id-ref="x"/>',
        '  </instance_attributes>',
        '  <operations>',
        '    <op name="monitor" interval="10s" id="p-monitor-10s"/>',
        '    <op name="monitor" interval="10s" role="Started" id="p-monitor-10s-0"/>',
        '  </operations>',
        '</primitive>',
      ].join('\n'),
    );
  });

  it('fencing levels use the fixed prefix "fencing"', () => {
    const t = el('<fencing-topology><fencing-level target="a" index="1" devices="s"/><fencing-level target="b" index="1" devices="s"/></fencing-topology>');
    assignIds(t, new IdAllocator());
    expect(serializeNode(t)).toContain('id="fencing"');
    expect(serializeNode(t)).toContain('id="fencing-0"');
  });

  it('node children are prefixed by the uname', () => {
    const n = el('<node id="1" uname="Lubuntu"><instance_attributes><nvpair name="color" value="blue"/></instance_attributes></node>');
    assignIds(n, new IdAllocator());
    expect(serializeNode(n)).toContain('<nvpair name="color" value="blue" id="Lubuntu-instance_attributes-color"/>');
  });
});
