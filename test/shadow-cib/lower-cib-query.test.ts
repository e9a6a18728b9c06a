import { describe, expect, it } from 'vitest';
import {
  allIds,
  allObjects,
  containerOf,
  crmTypeOf,
  ensureSection,
  findElementById,
  findObject,
  nodeUnames,
  schemaVersion,
  sectionOfTag,
} from '../../src/shadow-cib/cib-query.js';
import { configurationOf, parseXml, serializeNode } from '../../src/shadow-cib/xml.js';

const doc = () =>
  parseXml(`<cib validate-with="pacemaker-3.5"><configuration><crm_config><cluster_property_set id="cib-bootstrap-options"/></crm_config>
<nodes><node id="1" uname="Lubuntu"/><node id="2" uname="Lubuntu1"/></nodes>
<resources><group id="g"><primitive id="a"><instance_attributes id="a-ia"/></primitive></group><clone id="c"><primitive id="b"/></clone></resources>
<constraints><rsc_location id="l" rsc="g"/></constraints>
<rsc_defaults><meta_attributes id="rsc-options"/></rsc_defaults></configuration><status/></cib>`);

describe('cib-query', () => {
  it('lists objects in document order, nested resources included', () => {
    expect(allObjects(doc()).map((e) => `${crmTypeOf(e)}:${e.getAttribute('id')}`)).toEqual([
      'property:cib-bootstrap-options',
      'node:1',
      'node:2',
      'group:g',
      'primitive:a',
      'clone:c',
      'primitive:b',
      'location:l',
      'rsc_defaults:rsc-options',
    ]);
  });

  it('finds objects and any element by id, containers, nodes, all ids', () => {
    const d = doc();
    expect(findObject(d, 'a')?.tagName).toBe('primitive');
    expect(findObject(d, 'a-ia')).toBeUndefined();
    expect(findElementById(d, 'a-ia')?.tagName).toBe('instance_attributes');
    expect(containerOf(findObject(d, 'a')!)?.getAttribute('id')).toBe('g');
    expect(containerOf(findObject(d, 'g')!)).toBeUndefined();
    expect(nodeUnames(d)).toEqual(['Lubuntu', 'Lubuntu1']);
    expect(allIds(d)).toContain('a-ia');
    expect(schemaVersion(d)).toEqual([3, 5]);
  });

  it('knows where objects go and creates sections at the end on demand', () => {
    expect(sectionOfTag('rsc_ticket')).toBe('constraints');
    expect(sectionOfTag('acl_role')).toBe('acls');
    const d = doc();
    const tags = ensureSection(d, 'tags');
    expect(ensureSection(d, 'tags')).toBe(tags);
    expect(configurationOf(d).lastChild).toBe(tags);
    expect(serializeNode(tags)).toBe('<tags/>');
  });
});
