/**
 * Corners of lowering and show where crmsh 4.4.1 was checked by hand (the golden corpus has
 * one fixture for each): crm text goes through our grammar and lowering, then `show`.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { parseConfigureStatement } from '../../src/grammar/parse-configure.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { applyStatement } from '../../src/shadow-cib/lower.js';
import { showConfiguration } from '../../src/shadow-cib/show.js';
import { canonicalConfiguration, parseXml, type Document } from '../../src/shadow-cib/xml.js';
import { baseDoc, newContext } from './lower-helpers.js';

function runCrm(text: string, doc: Document = baseDoc()): { doc: Document; diags: Diagnostic[]; xml: string; show: string } {
  const ctx = newContext(doc);
  const diags: Diagnostic[] = [];
  for (const line of splitLogicalLines(text, 'input.crm')) {
    if (line.words.length === 0) continue;
    const parsed = parseConfigureStatement(line, line.words[0]!.text);
    diags.push(...parsed.diagnostics);
    if (parsed.stmt) diags.push(...applyStatement(doc, parsed.stmt, ctx));
  }
  const show = showConfiguration(doc, { selectors: [], xml: false }).text;
  return { doc, diags, xml: canonicalConfiguration(doc), show };
}

const messages = (diags: Diagnostic[]) => diags.map((d) => `${d.severity}: ${d.message}`);

describe('$id-ref on cluster sets (golden 223, 449)', () => {
  it('edits the default set after checking the reference exists', () => {
    const r = runCrm('property $id=shared stonith-enabled=false\nproperty $id-ref=shared no-quorum-policy=stop\nrsc_defaults $id-ref=base');
    expect(r.xml).toContain('<cluster_property_set id="cib-bootstrap-options">');
    expect(r.xml).toContain('id="cib-bootstrap-options-no-quorum-policy"');
    expect(r.xml).toContain('<meta_attributes id="rsc-options"/>');
    expect(r.xml).not.toContain('id-ref');
    // crmsh reports a missing target twice, and still carries the statement out.
    expect(messages(r.diags)).toEqual(['error: Reference not found: base', 'error: Reference not found: base']);
    expect(r.show).toContain('rsc_defaults rsc-options:');
  });
});

describe('rsc_defaults named like a property set (golden 487)', () => {
  it('merges into that set and leaves no empty rsc_defaults section', () => {
    const r = runCrm('property opts: stonith-enabled=false\nrsc_defaults opts: resource-stickiness=1');
    expect(r.xml).not.toContain('rsc_defaults');
    expect(r.xml).toContain('<nvpair name="resource-stickiness" value="1" id="opts-resource-stickiness"/>');
  });
});

describe('rules referenced with $id-ref (golden 127)', () => {
  it('show the referenced rule with $id= so the reference reads back', () => {
    const r = runCrm('primitive a Dummy\nprimitive b Dummy\nlocation l1 a rule $id=my-rule 100: #uname eq Lubuntu\nlocation l2 b rule $id-ref=my-rule');
    expect(r.show).toContain('location l1 a \\\n\trule $id=my-rule 100: #uname eq Lubuntu');
    expect(r.show).toContain('location l2 b \\\n\trule $id-ref=my-rule');
  });
  it('an unreferenced rule id stays hidden', () => {
    const r = runCrm('primitive a Dummy\nlocation l1 a rule $id=my-rule 100: #uname eq Lubuntu');
    expect(r.show).toContain('\trule 100: #uname eq Lubuntu');
  });
});

describe('fencing_topology indexes (golden 233)', () => {
  it('counts per node, per pattern, and per attribute name across values', () => {
    const r = runCrm('fencing_topology Lubuntu: st1 Lubuntu1: st2 Lubuntu: st3 attr:rack=1 st4 attr:rack=2 st5 pattern:Lu.* st6');
    const levels = [...r.xml.matchAll(/<fencing-level [^>]*>/g)].map((m) => m[0]);
    expect(levels).toEqual([
      '<fencing-level target="Lubuntu" index="1" devices="st1" id="fencing"/>',
      '<fencing-level target="Lubuntu1" index="1" devices="st2" id="fencing-0"/>',
      '<fencing-level target="Lubuntu" index="2" devices="st3" id="fencing-1"/>',
      '<fencing-level index="1" devices="st4" target-attribute="rack" target-value="1" id="fencing-2"/>',
      '<fencing-level index="2" devices="st5" target-attribute="rack" target-value="2" id="fencing-3"/>',
      '<fencing-level index="1" devices="st6" target-pattern="Lu.*" id="fencing-4"/>',
    ]);
    expect(r.show).toContain(
      'fencing_topology \\\n\tLubuntu: st1 st3 \\\n\tLubuntu1: st2 \\\n\tattr:rack=1 st4 \\\n\tattr:rack=2 st5 \\\n\tpattern:Lu.* st6',
    );
  });
  it('without a leading target, every node gets all the levels', () => {
    const r = runCrm('fencing_topology st0 Lubuntu: st1');
    expect(r.show).toContain('fencing_topology st0 st1');
  });
});

describe('ACL permissions (golden 246)', () => {
  it('one permission per kind of target, in the order xpath, reference, object-type', () => {
    const r = runCrm('primitive a Dummy\nprimitive b Dummy\nrole r1 read attribute:foo tag:nvpair ref:a xpath:/cib\nrole r2 write ref:a ref:b');
    expect(r.xml).toContain(
      '<acl_permission kind="read" xpath="/cib" id="r1-0"/>\n' +
        '      <acl_permission kind="read" reference="a" id="r1-1"/>\n' +
        '      <acl_permission kind="read" object-type="nvpair" attribute="foo" id="r1-2"/>',
    );
    expect(r.xml).toContain('<acl_permission kind="write" reference="b" id="r2-0"/>');
    expect(r.show).toContain('role r1 \\\n\tread cib \\\n\tread ref:a \\\n\tread attr:foo type:nvpair');
  });
});

describe('alerts (golden 263)', () => {
  it('a description still shows as text', () => {
    const r = runCrm('alert a1 /usr/lib/alert.sh description="mail admins" to /var/log/a.log');
    expect(r.show).toContain('alert a1 "/usr/lib/alert.sh" \\\n\tdescription="mail admins" \\\n\tto "/var/log/a.log"');
  });
  it('a recipient id the text cannot carry makes it XML', () => {
    const doc = baseDoc();
    const cfg = doc.getElementsByTagName('configuration').item(0)!;
    cfg.appendChild(parseXml('<alerts><alert id="al1" path="/tmp/a.sh"><recipient id="al1-r" value="/tmp/b"/></alert></alerts>').documentElement!);
    expect(showConfiguration(doc, { selectors: [], xml: false }).text).toContain('xml <alert id="al1" path="/tmp/a.sh"> \\');
  });
});

describe('xml with unquoted attributes (golden 265)', () => {
  it("gives lxml's message", () => {
    const r = runCrm('xml \'<rsc_colocation id=cx score=INFINITY rsc=a with-rsc=b/>\'');
    expect(messages(r.diags)).toEqual([
      'error: Cannot parse XML data: <rsc_colocation id=cx score=INFINITY rsc=a with-rsc=b/>',
      `error: syntax in xml: AttValue: " or ' expected, line 1, column 20 (<string>, line 1) parsing 'xml <rsc_colocation id=cx score=INFINITY rsc=a with-rsc=b/>'`,
    ]);
  });
});

describe('location roles on an old schema (golden 431)', () => {
  it('Promoted becomes Master with a warning', () => {
    const doc = baseDoc();
    doc.documentElement!.setAttribute('validate-with', 'pacemaker-3.0');
    const r = runCrm('primitive s1 ocf:pacemaker:Stateful\nclone c1 s1 meta promotable=true\nlocation l1 c1 role=Promoted 100: Lubuntu', doc);
    expect(r.xml).toContain('<rsc_location id="l1" rsc="c1" role="Master" score="100" node="Lubuntu"/>');
    expect(messages(r.diags)).toContain(
      'warning: Convert "Promoted" to "Master" since the current schema version is old and not upgraded yet. Please consider "crm configure upgrade force"',
    );
  });
  it('a current schema keeps the role as typed', () => {
    const r = runCrm('primitive s1 ocf:pacemaker:Stateful\nclone c1 s1 meta promotable=true\nlocation l1 c1 role=Promoted 100: Lubuntu');
    expect(r.xml).toContain('role="Promoted"');
  });
});
