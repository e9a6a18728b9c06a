/** A small lab CIB and a cursor-marked completion runner for the completion tests. */
import { bundledCatalog } from '../../src/agents/index.js';
import { complete } from '../../src/completion/complete.js';
import type { CompletionContext, CompletionResult, DirEntry } from '../../src/completion/types.js';
import { parseXml, type Document } from '../../src/shadow-cib/xml.js';

export const LAB_CIB = `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config><cluster_property_set id="cib-bootstrap-options">
      <nvpair id="o-1" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>
    <nodes>
      <node id="1" uname="Lubuntu"><instance_attributes id="n1-ia"><nvpair id="n1-a" name="rack" value="r1"/></instance_attributes></node>
      <node id="2" uname="Lubuntu1"/>
    </nodes>
    <resources>
      <primitive id="failoverip" class="ocf" provider="heartbeat" type="IPaddr2">
        <instance_attributes id="failoverip-ia"><nvpair id="failoverip-ip" name="ip" value="10.0.0.9"/></instance_attributes>
      </primitive>
      <primitive id="apache" class="ocf" provider="heartbeat" type="apache"/>
      <primitive id="spare" class="ocf" provider="pacemaker" type="Dummy"/>
      <primitive id="fence1" class="stonith" type="fence_dummy"/>
      <group id="web"><primitive id="webip" class="ocf" provider="heartbeat" type="IPaddr2"/><primitive id="websrv" class="ocf" provider="heartbeat" type="apache"/></group>
      <clone id="stateful-clone"><primitive id="stateful" class="ocf" provider="pacemaker" type="Stateful"/></clone>
      <template id="vm-tpl" class="ocf" provider="heartbeat" type="VirtualDomain"/>
    </resources>
    <constraints>
      <rsc_location id="loc-ip" rsc="failoverip" score="100" node="Lubuntu"/>
      <rsc_order id="ord-1" first="failoverip" then="apache"/>
      <rsc_ticket id="tk-1" ticket="ticketA" rsc="apache"/>
    </constraints>
    <tags><tag id="webtag"><obj_ref id="apache"/></tag></tags>
    <acls><acl_role id="readers"><acl_permission id="readers-p" kind="read" xpath="/cib"/></acl_role></acls>
  </configuration>
  <status/>
</cib>`;

export function labDoc(): Document {
  return parseXml(LAB_CIB);
}

const FILES: Record<string, DirEntry[]> = {
  '/home/u': [
    { name: 'lab.crm', dir: false },
    { name: 'lab.xml', dir: false },
    { name: 'scripts', dir: true },
    { name: '.hidden', dir: false },
  ],
  '/home/u/scripts': [{ name: 'web.crm', dir: false }],
  '/etc': [{ name: 'hosts', dir: false }, { name: 'crm', dir: true }],
};

export function labContext(levels: string[] = [], doc: Document = labDoc()): CompletionContext {
  return {
    levels,
    cib: doc,
    agents: bundledCatalog(),
    shadows: () => ['test1', 'staging'],
    cwd: '/home/u',
    listDir: (dir) => FILES[dir.replace(/\/+$/, '') || '/'] ?? [],
  };
}

/** `line` holds `<|>` where the cursor is (at the end when absent). */
export function completeAt(ctx: CompletionContext, marked: string): CompletionResult & { line: string } {
  const at = marked.indexOf('<|>');
  const line = at >= 0 ? marked.slice(0, at) + marked.slice(at + 3) : marked;
  return { ...complete(ctx, line, at >= 0 ? at : line.length), line };
}

export const texts = (r: CompletionResult): string[] => r.candidates.map((c) => c.text);
