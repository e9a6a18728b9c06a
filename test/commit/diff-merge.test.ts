import { describe, expect, it } from 'vitest';
import { diffConfigurations } from '../../src/commit/diff.js';
import { mergeConfigurations } from '../../src/commit/merge.js';
import { canonicalConfiguration, firstChild, parseXml, serializeDocument, type Document } from '../../src/shadow-cib/xml.js';
import { cib, dummy, NO_STONITH } from './cib-builder.js';

/** A copy of a document edited by a function. */
function edited(doc: Document, edit: (copy: Document) => void): Document {
  const copy = parseXml(serializeDocument(doc));
  edit(copy);
  return copy;
}
const byId = (doc: Document, id: string) => {
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all.item(i)!.getAttribute('id') === id) return all.item(i)!;
  throw new Error(`no ${id}`);
};
const section = (doc: Document, name: string) => firstChild(firstChild(doc.documentElement!, 'configuration')!, name)!;
const add = (doc: Document, where: string, xml: string): void => {
  section(doc, where).appendChild(doc.importNode(parseXml(xml).documentElement!, true));
};
const setProp = (doc: Document, name: string, value: string): void => {
  const set = section(doc, 'crm_config').getElementsByTagName('cluster_property_set').item(0)!;
  const nvs = set.getElementsByTagName('nvpair');
  for (let i = 0; i < nvs.length; i++) {
    if (nvs.item(i)!.getAttribute('name') === name) return nvs.item(i)!.setAttribute('value', value);
  }
  throw new Error(`no property ${name}`);
};

const base = cib({ props: { ...NO_STONITH, 'no-quorum-policy': 'stop' }, resources: dummy('a') + dummy('b') });

describe('diffConfigurations', () => {
  it('lists added, removed and modified objects at top-level granularity', () => {
    const next = edited(base, (d) => {
      byId(d, 'a').setAttribute('type', 'Stateful');
      section(d, 'resources').removeChild(byId(d, 'b'));
      add(d, 'resources', `<group id="g">${dummy('c')}</group>`);
      add(d, 'constraints', '<rsc_location id="l1" rsc="a" node="Lubuntu" score="100"/>');
      setProp(d, 'no-quorum-policy', 'ignore');
    });
    expect(diffConfigurations(base, next).map((c) => [c.change, c.kind, c.label])).toEqual([
      ['modified', 'property', 'cib-bootstrap-options/no-quorum-policy'],
      ['modified', 'resource', 'a'],
      ['removed', 'resource', 'b'],
      ['added', 'resource', 'g'],
      ['added', 'constraint', 'l1'],
    ]);
  });

  it('sees a change inside a group as a change of the group', () => {
    const withGroup = cib({ resources: `<group id="g">${dummy('c')}</group>` });
    const next = edited(withGroup, (d) => byId(d, 'c').setAttribute('type', 'Stateful'));
    expect(diffConfigurations(withGroup, next).map((c) => [c.change, c.label])).toEqual([['modified', 'g']]);
  });

  it('finds nothing between equal documents', () => {
    expect(diffConfigurations(base, edited(base, () => {}))).toEqual([]);
  });
});

describe('mergeConfigurations', () => {
  it('merges disjoint edits', () => {
    const ours = edited(base, (d) => {
      add(d, 'resources', dummy('mine'));
      setProp(d, 'no-quorum-policy', 'freeze');
    });
    const theirs = edited(base, (d) => {
      add(d, 'resources', dummy('theirs'));
      section(d, 'resources').removeChild(byId(d, 'b'));
      add(d, 'constraints', '<rsc_location id="l1" rsc="a" node="Lubuntu" score="100"/>');
    });
    const { merged, conflicts } = mergeConfigurations(base, ours, theirs);
    expect(conflicts).toEqual([]);
    const text = canonicalConfiguration(merged);
    expect(text).toContain('id="mine"');
    expect(text).toContain('id="theirs"');
    expect(text).toContain('id="l1"');
    expect(text).not.toContain('id="b"');
    expect(text).toContain('name="no-quorum-policy" value="freeze"');
    // Our new primitive lands after the sibling it follows on our side that the target still has.
    expect(text.indexOf('id="a"')).toBeLessThan(text.indexOf('id="mine"'));
  });

  it('accepts the same change made on both sides', () => {
    const change = (d: Document) => byId(d, 'a').setAttribute('type', 'Stateful');
    const { conflicts, merged } = mergeConfigurations(base, edited(base, change), edited(base, change));
    expect(conflicts).toEqual([]);
    expect(canonicalConfiguration(merged)).toContain('type="Stateful"');
  });

  it('refuses the same object changed differently, naming it and both sides', () => {
    const ours = edited(base, (d) => byId(d, 'a').setAttribute('type', 'Stateful'));
    const theirs = edited(base, (d) => section(d, 'resources').removeChild(byId(d, 'a')));
    const { conflicts } = mergeConfigurations(base, ours, theirs);
    expect(conflicts.map((c) => c.message)).toEqual(['resource a: changed here and deleted in the meantime']);
    expect(conflicts[0]!.oursXml).toContain('type="Stateful"');
    expect(conflicts[0]!.theirsXml).toBeNull();
    const props = mergeConfigurations(
      base,
      edited(base, (d) => setProp(d, 'no-quorum-policy', 'freeze')),
      edited(base, (d) => setProp(d, 'no-quorum-policy', 'ignore')),
    );
    expect(props.conflicts.map((c) => c.message)).toEqual([
      'attribute cib-bootstrap-options/no-quorum-policy: changed here and changed differently in the meantime',
    ]);
  });

  it('takes our side of a conflict when forced', () => {
    const ours = edited(base, (d) => byId(d, 'a').setAttribute('type', 'Stateful'));
    const theirs = edited(base, (d) => byId(d, 'a').setAttribute('type', 'Delay'));
    const { merged, conflicts } = mergeConfigurations(base, ours, theirs, { oursWinConflicts: true });
    expect(conflicts).toHaveLength(1);
    expect(canonicalConfiguration(merged)).toContain('type="Stateful"');
  });

  it('reports one id used by two new objects', () => {
    const ours = edited(base, (d) => add(d, 'resources', dummy('x')));
    const theirs = edited(base, (d) => add(d, 'constraints', '<rsc_location id="x" rsc="a" node="Lubuntu" score="1"/>'));
    const { conflicts } = mergeConfigurations(base, ours, theirs);
    expect(conflicts.map((c) => c.message)).toEqual(['id x: used here and by another object created in the meantime']);
  });

  it('creates a new property set with its attributes', () => {
    const ours = edited(base, (d) =>
      add(d, 'crm_config', '<cluster_property_set id="extra"><nvpair id="extra-x" name="maintenance-mode" value="true"/></cluster_property_set>'),
    );
    const { merged, conflicts } = mergeConfigurations(base, ours, edited(base, (d) => add(d, 'resources', dummy('t'))));
    expect(conflicts).toEqual([]);
    const text = canonicalConfiguration(merged);
    expect(text.match(/id="extra-x"/g)).toHaveLength(1);
    expect(text).toContain('id="t"');
  });
});
