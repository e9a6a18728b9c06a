import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../src/shadow-cib/lower.js';
import { canonicalConfiguration } from '../../src/shadow-cib/xml.js';
import { at, bin, expectedConfiguration, lines, op, prim, prop, ref, rule, run, set } from './lower-helpers.js';

describe('applyUpdate (load update / edit): ids of matching old children are reused', () => {
  it('load-update fixture', () => {
    const { doc, ctx } = run([
      prop('property', 'stonith-enabled=false'),
      prim('a', 'Dummy', { sets: [set('params', 'x=1', { id: 'myparams' })], ops: [op('monitor', 'interval=10s', [set('op_params', 'depth=1', { id: 'opp' })]), op('start', 'interval=0')] }),
      { kind: 'location', at, text: 'location l1', id: ref('l1'), rsc: { kind: 'id', ...ref('a') }, options: [], rules: [rule([bin('#uname', 'eq', 'Lubuntu')], { id: 'myrule', score: '10' })] },
    ]);
    const diags = [
      ...applyUpdate(doc, prim('a', 'Dummy', { sets: [set('params', 'y=2 x=3'), set('meta', 'target-role=Stopped', { at: { ...at, offset: 100 } })], ops: [op('monitor', 'interval=10s timeout=30s'), op('start', 'interval=0 timeout=20s')] }), ctx),
      ...applyUpdate(
        doc,
        { kind: 'location', at, text: 'location l1', id: ref('l1'), rsc: { kind: 'id', ...ref('a') }, options: [], rules: [rule([bin('#uname', 'eq', 'Lubuntu1'), bin('#uname', 'eq', 'Lubuntu')], { score: '20', boolOp: 'and' })] },
        ctx,
      ),
    ];
    expect(diags).toEqual([]);
    // the meta set was written after the ops (offset 100 > 0), so it follows <operations>
    expect(canonicalConfiguration(doc)).toBe(expectedConfiguration('load-update'));
  });

  it('a container re-defined keeps its place and takes its members again', () => {
    const { doc, ctx } = run([prim('a', 'Dummy'), prim('b', 'Dummy'), { kind: 'group', at, text: 'group g a b', id: ref('g'), children: [ref('a'), ref('b')], sets: [set('meta', 'target-role=Started')] }, prim('z', 'Dummy')]);
    const diags = applyUpdate(doc, { kind: 'group', at, text: 'group g b a', id: ref('g'), children: [ref('b'), ref('a')], sets: [set('meta', 'target-role=Stopped')] }, ctx);
    expect(lines(diags)).toEqual([]);
    const xml = canonicalConfiguration(doc);
    expect(xml).toMatch(/<group id="g">\s*<meta_attributes id="g-meta_attributes">\s*<nvpair name="target-role" value="Stopped" id="g-meta_attributes-target-role"\/>\s*<\/meta_attributes>\s*<primitive id="b"[^>]*\/>\s*<primitive id="a"[^>]*\/>\s*<\/group>\s*<primitive id="z"/);
  });

  it('an id that does not exist yet is a plain create; a failed update restores the old object', () => {
    const { doc, ctx } = run([prim('a', 'Dummy', { sets: [set('params', 'x=1')] })]);
    applyUpdate(doc, prim('n', 'Dummy'), ctx);
    expect(canonicalConfiguration(doc)).toContain('<primitive id="n"');
    const before = canonicalConfiguration(doc);
    const diags = applyUpdate(doc, prim('a', 'ocf::Dummy'), ctx);
    expect(lines(diags)[0]).toBe('ERROR: provider could not be determined for ocf::Dummy');
    expect(canonicalConfiguration(doc)).toBe(before);
    expect(ctx.ids.isUsed('a-instance_attributes-x')).toBe(true);
  });
});
