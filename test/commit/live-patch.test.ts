/**
 * The in-process patch (Pacemaker's v2 format) in shape: paths, positions, moves, the version
 * block, escaping, and the fallbacks for what Pacemaker's simplified path walk cannot address.
 * (test/system/live-patch.test.ts applies hundreds of them with the real cibadmin.) Also the
 * `cib diff` listing made from it.
 */
import { describe, expect, it } from 'vitest';
import { createPatch } from '../../src/commit/patch.js';
import { patchListing } from '../../src/commit/patch-listing.js';
import { parseXml } from '../../src/shadow-cib/xml.js';
import { cibXml } from './cib-builder.js';

const prim = (id: string, attrs = ''): string => `<primitive id="${id}" class="ocf" provider="heartbeat" type="Dummy"${attrs}/>`;
const cib = (resources: string, epoch = 3) => parseXml(cibXml({ resources, epoch }));

describe('createPatch', () => {
  it('is empty when only versions and status differ', () => {
    const p = createPatch(cib(prim('a'), 3), cib(prim('a'), 9));
    expect(p.changes).toEqual([]);
    expect(p.xml).toBe('<diff format="2"></diff>\n');
  });

  it('creates at the final position, deletes by path, and modifies with change-list and change-result', () => {
    const p = createPatch(cib(prim('a') + prim('b')), cib(prim('a', ' description="x"') + prim('c')));
    expect(p.xml).toContain(`<change operation="delete" path="/cib/configuration/resources/primitive[@id='b']"/>`);
    expect(p.xml).toContain(`<change operation="create" path="/cib/configuration/resources" position="1"><primitive id="c" class="ocf" provider="heartbeat" type="Dummy"/></change>`);
    expect(p.xml).toContain(
      `<change operation="modify" path="/cib/configuration/resources/primitive[@id='a']"><change-list><change-attr name="description" operation="set" value="x"/></change-list><change-result><primitive id="a" class="ocf" provider="heartbeat" type="Dummy" description="x"/></change-result></change>`,
    );
    // Deletes first, as Pacemaker applies them in the first pass.
    expect(p.changes[0]!.op).toBe('delete');
  });

  it('moves every kept child of a parent whose order changed', () => {
    const p = createPatch(cib(`<group id="g">${prim('a')}${prim('b')}${prim('c')}</group>`), cib(`<group id="g">${prim('c')}${prim('a')}${prim('b')}</group>`));
    expect(p.changes.map((c) => (c.op === 'move' ? `${c.path.split('@id=')[2]} ${c.position}` : c.op))).toEqual(["'c'] 0", "'a'] 1", "'b'] 2"]);
  });

  it('carries the version it was made from when asked (admin_epoch and epoch only)', () => {
    const p = createPatch(cib(prim('a')), cib(prim('b')), { expect: { admin_epoch: 0, epoch: 7 } });
    expect(p.xml).toContain('<version><source admin_epoch="0" epoch="7"/><target admin_epoch="0" epoch="8"/></version>');
  });

  it('escapes values for XML: quotes, <, &, newlines and non-ASCII stay data', () => {
    const value = `"'<&>\n$(x)\`y\` é`;
    const from = cib(prim('a'));
    const to = cib(prim('a'));
    to.getElementsByTagName('primitive').item(0)!.setAttribute('description', value);
    const p = createPatch(from, to);
    expect(p.xml).toContain('value="&quot;\'&lt;&amp;&gt;&#10;$(x)`y` é"');
    expect(parseXml(p.xml).getElementsByTagName('change-attr').item(0)!.getAttribute('value')).toBe(value);
  });

  it('replaces the nearest addressable parent when an id cannot be written in a path', () => {
    const from = cib(`<group id="g">${prim("it's")}</group>`);
    const to = cib(`<group id="g">${prim("it's", ' description="d"')}</group>`);
    const p = createPatch(from, to);
    expect(p.changes.map((c) => `${c.op} ${c.path}`)).toEqual([
      `delete /cib/configuration/resources/group[@id='g']`,
      'create /cib/configuration/resources',
    ]);
  });

  it('creates and deletes comments by offset, as Pacemaker does', () => {
    const p = createPatch(
      cib(`<primitive id="a" class="ocf" provider="heartbeat" type="Dummy"><!-- old --><meta_attributes id="a-m"/></primitive>`),
      cib(`<primitive id="a" class="ocf" provider="heartbeat" type="Dummy"><meta_attributes id="a-m"/><!-- new --></primitive>`),
    );
    expect(p.xml).toContain(`<change operation="delete" path="/cib/configuration/resources/primitive[@id='a']/comment" position="0"/>`);
    expect(p.xml).toContain(`<change operation="create" path="/cib/configuration/resources/primitive[@id='a']" position="1"><!-- new --></change>`);
  });

  it('sets validate-with on the root, keeping the CIB\'s other root attributes', () => {
    const from = cib(prim('a'));
    const to = parseXml(cibXml({ resources: prim('a'), validateWith: 'pacemaker-3.7' }));
    const p = createPatch(from, to);
    expect(p.changes).toHaveLength(1);
    expect(p.xml).toContain('<change operation="modify" path="/cib">');
    expect(p.xml).toContain('validate-with="pacemaker-3.7" epoch="3"');
  });
});

describe('patchListing (cib diff)', () => {
  it('lists like crm_shadow -d: header, created objects with continuation lines, modified attributes', () => {
    const from = cib(prim('a'), 5);
    const to = cib(prim('a', ' description="x"') + `<primitive id="b" class="ocf" provider="heartbeat" type="Dummy"><meta_attributes id="b-m"/></primitive>`, 6);
    expect(patchListing(from, to)).toEqual([
      'Diff: --- 0.5.0 2',
      'Diff: +++ 0.6.0 (null)',
      '+  /cib:  @epoch=6',
      "+  /cib/configuration/resources/primitive[@id='a']:  @description=x",
      '++ /cib/configuration/resources:  <primitive id="b" class="ocf" provider="heartbeat" type="Dummy"/>',
      '++                                  <meta_attributes id="b-m"/>',
      '++                                </primitive>',
    ]);
  });

  it('prints nothing without differences', () => {
    expect(patchListing(cib(prim('a')), cib(prim('a')))).toEqual([]);
  });
});
