/**
 * The pure CIB edits behind the ops commands, on cases the golden corpus does not reach:
 * manage-children answers, conflicting is-managed/maintenance, crm_attribute's ambiguous
 * names, the reboot lifetime on a CIB with node_state.
 */
import { describe, expect, it } from 'vitest';
import { parseXml, serializeDocument } from '../../src/shadow-cib/xml.js';
import { setDeepMetaAttr } from '../../src/ops/deep-meta.js';
import { crmAttribute } from '../../src/ops/crm-attribute.js';
import { setStandby } from '../../src/ops/node-state.js';

const CIB = `<cib epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes>
<node id="1" uname="Lubuntu"><instance_attributes id="a"><nvpair id="a-x" name="x" value="1"/></instance_attributes><instance_attributes id="b"><nvpair id="b-x" name="x" value="2"/></instance_attributes></node>
<node id="2" uname="Lubuntu1"/></nodes><resources>
<group id="g"><primitive id="p" class="ocf" provider="heartbeat" type="Dummy"><meta_attributes id="p-meta_attributes"><nvpair id="p-meta_attributes-target-role" name="target-role" value="Stopped"/><nvpair id="p-meta_attributes-maintenance" name="maintenance" value="true"/></meta_attributes></primitive></group>
</resources><constraints/></configuration><status><node_state id="2" uname="Lubuntu1"/></status></cib>`;

describe('crmsh deep meta edit', () => {
  it('asks before overriding a child’s attribute; "no" keeps it (non-interactive crmsh)', async () => {
    const doc = parseXml(CIB);
    const asked: string[] = [];
    await setDeepMetaAttr(doc, 'g', 'target-role', 'Started', { manageChildren: 'ask', ask: async (q) => (asked.push(q), false) });
    expect(asked).toEqual(["Do you want to override 'target-role' for child resource p?"]);
    expect(serializeDocument(doc)).toContain('p-meta_attributes-target-role');
    expect(serializeDocument(doc)).toContain('<nvpair id="g-meta_attributes-target-role" name="target-role" value="Started"/>');
  });

  it('manage-children always removes the children’s copies and the conflicting attribute', async () => {
    const doc = parseXml(CIB);
    await setDeepMetaAttr(doc, 'g', 'is-managed', 'false', { manageChildren: 'always', ask: async () => false });
    const text = serializeDocument(doc);
    expect(text).not.toContain('p-meta_attributes-maintenance');
    expect(text).toContain('g-meta_attributes-is-managed');
  });

  it('an unknown resource is reported, the document untouched', async () => {
    const doc = parseXml(CIB);
    expect(await setDeepMetaAttr(doc, 'nope', 'target-role', 'Stopped', { manageChildren: 'ask', ask: async () => false })).toBe(false);
    expect(serializeDocument(doc)).toBe(serializeDocument(parseXml(CIB)));
  });
});

describe('crm_attribute emulation', () => {
  it('an ambiguous name is refused on set (exit 109) and lists the matches', () => {
    const r = crmAttribute(parseXml(CIB), { scope: 'nodes', node: 'Lubuntu', name: 'x', action: 'set', value: '3' });
    expect(r.code).toBe(109);
    expect(r.stdout).toContain('Multiple attributes match name=x');
    expect(r.changed).toBe(false);
  });

  it('a status attribute goes into the node_state’s transient attributes', () => {
    const doc = parseXml(CIB);
    const r = crmAttribute(doc, { scope: 'status', node: 'Lubuntu1', name: 'foo', action: 'set', value: 'bar' });
    expect(r.code).toBe(0);
    expect(serializeDocument(doc)).toContain('<nvpair id="status-2-foo" name="foo" value="bar"/>');
  });
});

describe('standby lifetimes', () => {
  it('reboot writes the transient attribute and drops the permanent one', () => {
    const doc = parseXml(CIB);
    setStandby(doc, ['Lubuntu1'], 'forever');
    expect(serializeDocument(doc)).toContain('num-2-instance_attributes-standby');
    setStandby(doc, ['Lubuntu1'], 'reboot');
    const text = serializeDocument(doc);
    expect(text).not.toContain('num-2-instance_attributes-standby');
    // crmsh (measured): the emptied permanent set keeps its id, so the transient one gets `-0`.
    expect(text).toMatch(/<transient_attributes id="num-2">\s*<instance_attributes id="num-2-instance_attributes-0">\s*<nvpair id="num-2-instance_attributes-0-standby"/);
  });
});
