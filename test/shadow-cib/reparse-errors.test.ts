/**
 * crmsh's load-time `syntax in …` lines (show/reparse-errors.ts), with texts recorded from crmsh
 * 4.4.1 in fixtures 781 and 792 (`crm configure show` on those CIBs prints exactly these).
 */
import { describe, expect, it } from 'vitest';
import { reparseErrors } from '../../src/shadow-cib/show/reparse-errors.js';
import { showConfiguration } from '../../src/shadow-cib/show.js';
import { parseXml } from '../../src/shadow-cib/xml.js';

function cib(inner: string): string {
  return `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config/><nodes>
<node id="1" uname="Lubuntu"/></nodes><resources><primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/></resources>
${inner}</configuration><status/></cib>`;
}

const messages = (xml: string): string[] => reparseErrors(parseXml(xml)).map((d) => `${d.severity}: ${d.message}`);

describe('reparseErrors: what crmsh says when its own text of an object does not parse', () => {
  it('a duration with days (crmsh takes none of days/minutes/seconds)', () => {
    const xml = cib(`<constraints><rsc_location id="loc-dur" rsc="a"><rule id="r" score="100">
      <date_expression id="d" operation="in_range" start="2026-01-01"><duration id="du" months="2" days="10"/></date_expression>
      </rule></rsc_location></constraints>`);
    expect(messages(xml)).toEqual([
      "error: syntax in location: Unknown arguments: days=10 near <days=10> parsing 'location loc-dur a rule 100: date in start=2026-01-01 months=2 days=10'",
    ]);
    // and show falls back to XML for it, as crmsh does
    expect(showConfiguration(parseXml(xml), { selectors: ['loc-dur'], xml: false }).text).toMatch(/^xml <rsc_location id="loc-dur"/);
  });

  it('rsc_expression and op_expression rules in rsc_defaults / op_defaults, in load order', () => {
    const xml = cib(`<constraints/><rsc_defaults><meta_attributes id="rsc-dummy-defaults">
      <rule id="r1" score="INFINITY"><rsc_expression id="r1-e" class="ocf" provider="heartbeat" type="Dummy"/></rule>
      <nvpair id="n1" name="failure-timeout" value="30s"/></meta_attributes></rsc_defaults>
      <op_defaults><meta_attributes id="op-monitor-defaults">
      <rule id="r2" score="INFINITY"><op_expression id="r2-o" name="monitor" interval="10s"/></rule>
      <nvpair id="n2" name="timeout" value="30s"/></meta_attributes></op_defaults>`);
    expect(messages(xml)).toEqual([
      "error: syntax in rsc_defaults: Expected identifier near <failure-timeout=30s> parsing 'rsc_defaults rsc-dummy-defaults: rule failure-timeout=30s'",
      "error: syntax in op_defaults: Expected identifier near <timeout=30s> parsing 'op_defaults op-monitor-defaults: rule timeout=30s'",
    ]);
  });

  it('a rule after a pair of its set (crmsh appends a rule given to an existing set)', () => {
    const xml = cib(`<constraints/><rsc_defaults><meta_attributes id="rsc-options">
      <nvpair name="resource-stickiness" value="10" id="rsc-options-resource-stickiness"/>
      <rule score="5" id="rsc-options-rule"><expression operation="eq" attribute="#uname" value="Lubuntu" id="rsc-options-rule-expression"/></rule>
      <nvpair name="migration-threshold" value="2" id="rsc-options-migration-threshold"/></meta_attributes></rsc_defaults>`);
    expect(messages(xml)).toEqual([
      "error: syntax in rsc_defaults: Unknown arguments: rule 5: #uname eq Lubuntu migration-threshold=2 near <rule> parsing 'rsc_defaults rsc-options: resource-stickiness=10 rule 5: #uname eq Lubuntu migration-threshold=2'",
    ]);
    expect(showConfiguration(parseXml(xml), { selectors: ['rsc-options'], xml: false }).text).toMatch(/^xml <meta_attributes id="rsc-options">/);
    // crmsh judges the text form when it loads the CIB: changed in this session, it stays text
    const inSession = showConfiguration(parseXml(xml), { selectors: ['rsc-options'], xml: false, changed: new Set(['rsc-options']) });
    expect(inSession.text).toBe('rsc_defaults rsc-options: \\\n\tresource-stickiness=10 \\\n\trule 5: #uname eq Lubuntu \\\n\tmigration-threshold=2');
  });

  it('nothing for what crmsh reads back or shows as XML without a word', () => {
    const xml = cib(`<constraints><rsc_location id="l1" rsc="a"><rule id="r" score="100">
      <date_expression id="d" operation="date_spec"><date_spec id="s" hours="9-17" weekdays="1-5"/></date_expression>
      </rule></rsc_location><rsc_location id="l2" rsc="a"><rule id="o" score="5" boolean-op="and">
      <expression id="e1" attribute="#uname" operation="eq" value="Lubuntu"/><rule id="i" boolean-op="or">
      <expression id="e2" attribute="x" operation="defined"/></rule></rule></rsc_location></constraints>`);
    expect(messages(xml)).toEqual([]);
  });
});
