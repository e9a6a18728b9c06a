/** The e2e lab's reading of crm_mon XML (Pacemaker 2.1.5 output, trimmed from a lab run). */
import { describe, expect, it } from 'vitest';
import { failCount, parseCrmMonResources, runningOn } from './crm-mon-resources.js';

const AFTER_APACHE_KILL = `<pacemaker-result api-version="2.25" request="crm_mon -1 --output-as=xml">
  <nodes>
    <node name="Lubuntu" id="1" online="true" standby="false" resources_running="2" type="member"/>
    <node name="Lubuntu1" id="2" online="true" standby="false" resources_running="0" type="member"/>
  </nodes>
  <resources>
    <resource id="failoverip" resource_agent="ocf:heartbeat:IPaddr" role="Started" active="true" orphaned="false" blocked="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1">
      <node name="Lubuntu" id="1" cached="true"/>
    </resource>
    <resource id="serviceWeb" resource_agent="ocf:heartbeat:apache" role="Started" active="true" orphaned="false" blocked="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="1">
      <node name="Lubuntu" id="1" cached="true"/>
    </resource>
    <resource id="stopped" resource_agent="ocf:heartbeat:Dummy" role="Stopped" active="false" orphaned="false" blocked="false" managed="true" failed="false" failure_ignored="false" nodes_running_on="0"/>
  </resources>
  <node_history>
    <node name="Lubuntu">
      <resource_history id="failoverip" orphan="false" migration-threshold="1000000">
        <operation_history call="18" task="start" rc="0" rc_text="ok"/>
      </resource_history>
      <resource_history id="serviceWeb" orphan="false" migration-threshold="1000000" fail-count="1" last-failure="Sat Nov 28 20:45:33 2026">
        <operation_history call="21" task="monitor" rc="7" rc_text="not running" interval="5000ms"/>
      </resource_history>
    </node>
    <node name="Lubuntu1">
      <resource_history id="failoverip" orphan="false" migration-threshold="1000000">
        <operation_history call="17" task="stop" rc="0" rc_text="ok"/>
      </resource_history>
    </node>
  </node_history>
</pacemaker-result>`;

const ACTIVE_TWICE = `<pacemaker-result><resources>
  <resource id="failoverip" resource_agent="ocf:heartbeat:IPaddr2" role="Started" active="true" failed="false" nodes_running_on="2">
    <node name="Lubuntu" id="1" cached="true"/>
    <node name="Lubuntu1" id="2" cached="true"/>
  </resource>
</resources></pacemaker-result>`;

describe('parseCrmMonResources', () => {
  it('says where each resource is Started, and nowhere for a stopped one', () => {
    const view = parseCrmMonResources(AFTER_APACHE_KILL);
    expect(view.resources.map((r) => r.id)).toEqual(['failoverip', 'serviceWeb', 'stopped']);
    expect(runningOn(view, 'failoverip')).toEqual(['Lubuntu']);
    expect(runningOn(view, 'serviceWeb')).toEqual(['Lubuntu']);
    expect(runningOn(view, 'stopped')).toEqual([]);
    expect(runningOn(view, 'absent')).toEqual([]);
    expect(view.resources[1]).toMatchObject({ agent: 'ocf:heartbeat:apache', role: 'Started', active: true, failed: false });
  });

  it('reads fail counts per node from the node history (absent: 0)', () => {
    const view = parseCrmMonResources(AFTER_APACHE_KILL);
    expect(failCount(view, 'Lubuntu', 'serviceWeb')).toBe(1);
    expect(failCount(view, 'Lubuntu', 'failoverip')).toBe(0);
    expect(failCount(view, 'Lubuntu1', 'serviceWeb')).toBe(0);
  });

  it('lists every node of a resource active twice (a crashed node without fencing)', () => {
    expect(runningOn(parseCrmMonResources(ACTIVE_TWICE), 'failoverip')).toEqual(['Lubuntu', 'Lubuntu1']);
  });
});
