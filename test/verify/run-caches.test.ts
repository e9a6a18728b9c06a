/**
 * verify remembers what it read of the CIB (each resource's nvpairs and ops, the agents, the
 * did-you-mean answers) for one run only: the REPL edits the same document between runs, and a
 * second run must see the edit.
 */
import { describe, expect, it } from 'vitest';
import { createBundledCatalog } from '../../src/agents/bundled-catalog.js';
import { parseXml, type Element } from '../../src/shadow-cib/xml.js';
import { runChecks } from '../../src/verify/run-checks.js';

const catalog = createBundledCatalog();

function cib(): ReturnType<typeof parseXml> {
  return parseXml(`<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration>
<crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="p1" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
<nodes><node id="1" uname="Lubuntu"/></nodes>
<resources>
<primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
<instance_attributes id="vip-ia"><nvpair id="vip-ip" name="ip" value="10.0.0.1"/></instance_attributes>
<operations><op id="vip-stop" name="stop" interval="0" timeout="20s"/></operations>
</primitive>
<primitive id="vip2" class="ocf" provider="heartbeat" type="IPaddr2">
<instance_attributes id="vip2-ia"><nvpair id="vip2-ip" name="ip" value="10.0.0.2"/></instance_attributes>
</primitive>
</resources>
<constraints><rsc_location id="loc" rsc="vip" score="100" node="Lubuntu"/></constraints>
</configuration><status/></cib>`);
}

const messages = (doc: ReturnType<typeof cib>) =>
  runChecks(doc, { catalog, checkMode: 'strict', extras: true }).diagnostics.map((d) => `${d.message}${d.hint ? ` (${d.hint})` : ''}`);

const byId = (doc: ReturnType<typeof cib>, id: string): Element => {
  const found = [...doc.getElementsByTagName('*')].find((e) => e.getAttribute('id') === id);
  if (!found) throw new Error(`no element ${id}`);
  return found;
};

describe('verify run by run on an edited document', () => {
  it('sees a parameter renamed, a value changed and an op changed since the last run', () => {
    const doc = cib();
    expect(messages(doc)).toEqual([]);
    byId(doc, 'vip-ip').setAttribute('name', 'ipp');
    byId(doc, 'vip2-ip').setAttribute('value', '10.0.0.1');
    byId(doc, 'vip-stop').setAttribute('name', 'stopp');
    expect(messages(doc)).toEqual([
      "vip: action 'stopp' not found in Resource Agent meta-data (did you mean 'stop'?)",
      'vip: required parameter "ip" not defined',
      `vip: parameter "ipp" is not known (did you mean 'ip'?)`,
    ]);
    byId(doc, 'vip-ip').setAttribute('name', 'ip');
    byId(doc, 'vip-stop').setAttribute('name', 'stop');
    expect(messages(doc)).toEqual(['Resources vip,vip2 violate uniqueness for parameter "ip": "10.0.0.1"']);
  });

  it('sees an agent changed, and a resource added for a constraint', () => {
    const doc = cib();
    byId(doc, 'vip2').setAttribute('type', 'IPadr2');
    byId(doc, 'loc').setAttribute('rsc', 'vip3');
    expect(messages(doc)).toEqual([
      'ocf:heartbeat:IPadr2: got no meta-data, does this RA exist?',
      `loc: resource vip3 does not exist (did you mean 'vip' or 'vip2'?)`,
      'ocf:heartbeat:IPadr2: got no meta-data, does this RA exist?',
      `ocf:heartbeat:IPadr2: no such resource agent (did you mean 'ocf:heartbeat:IPaddr2'?)`,
    ]);
    byId(doc, 'vip2').setAttribute('id', 'vip3');
    byId(doc, 'vip3').setAttribute('type', 'IPaddr2');
    expect(messages(doc)).toEqual([]);
  });
});
