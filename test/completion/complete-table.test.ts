/**
 * The completion engine over a table of cursor-marked lines (`<|>` marks the cursor; at the end
 * when absent), across the levels, against a small lab CIB and the bundled agent catalog.
 */
import { describe, expect, test } from 'vitest';
import { completeAt, labContext, texts } from './fixture.js';

interface Expect {
  /** The candidate list, exactly and in order. */
  exact?: string[];
  /** Candidates that must be offered. */
  has?: string[];
  /** Candidates that must not be offered. */
  not?: string[];
  common?: string;
  complete?: boolean;
  /** All candidates fuzzy (true) or none (false). */
  fuzzy?: boolean;
  from?: number;
  to?: number;
}

type Case = [levels: string[], line: string, expect: Expect];

const C = ['configure'];
const IP2 = 'primitive vip ocf:heartbeat:IPaddr2';

const CASES: Case[] = [
  // root level and the shell levels
  [[], '', { exact: ['cd', 'cib', 'cibstatus', 'cluster', 'configure', 'corosync', 'help', 'history', 'ls', 'maintenance', 'node', 'options', 'quit', 'ra', 'report', 'resource', 'script', 'site', 'status', 'verify'] }],
  [[], 'conf', { exact: ['configure'], common: 'configure', complete: true, from: 0, to: 4 }],
  [[], 'c', { exact: ['cd', 'cib', 'cibstatus', 'cluster', 'configure', 'corosync'], common: 'c', complete: false }],
  [[], 'resource st', { exact: ['start', 'status', 'stop'], common: 'st' }],
  [[], 'resource start ', { has: ['apache', 'failoverip', 'stateful-clone', 'web', 'webip'], not: ['loc-ip', 'Lubuntu'] }],
  [[], 'resource move failoverip ', { exact: ['Lubuntu', 'Lubuntu1', 'force'] }],
  [[], 'resource cleanup apache ', { exact: ['Lubuntu', 'Lubuntu1'] }],
  [[], 'resource maintenance apache ', { exact: ['false', 'off', 'on', 'true'] }],
  [[], 'resource param failoverip ', { exact: ['delete', 'set', 'show'] }],
  [[], 'resource param failoverip show ', { has: ['ip', 'cidr_netmask', 'nic'] }],
  [[], 'resource failcount apache set ', { exact: ['Lubuntu', 'Lubuntu1'] }],
  [[], 'resource trace apache ', { has: ['probe', 'monitor', 'start', 'stop'] }],
  [[], 'node standby ', { has: ['Lubuntu', 'Lubuntu1', 'forever', 'reboot'] }],
  [[], 'node attribute Lubuntu ', { exact: ['delete', 'set', 'show'] }],
  [[], 'node attribute Lubuntu show ', { exact: ['rack'] }],
  [[], 'node show Lub', { exact: ['Lubuntu', 'Lubuntu1'], common: 'Lubuntu', complete: false }],
  [['node'], 'online Lubuntu1', { exact: ['Lubuntu1'], complete: true }],
  [[], 'cib use ', { exact: ['live', 'staging', 'test1'] }],
  [[], 'cib use test1 ', { exact: ['withstatus'], complete: true }],
  [[], 'cib delete st', { exact: ['staging'], complete: true }],
  [[], 'cib new x ', { has: ['withstatus', 'empty', 'force'] }],
  [[], 'cib import ', { exact: ['lab.crm', 'lab.xml', 'scripts/'] }],
  [['cib'], 'reset ', { exact: ['staging', 'test1'] }],
  [[], 'ra info ocf:heartbeat:IP', { exact: ['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:IPsrcaddr', 'ocf:heartbeat:IPv6addr'] }],
  [[], 'ra info ocf:', { has: ['ocf:heartbeat:', 'ocf:pacemaker:'], complete: false }],
  [['ra'], 'info ocf:pacemaker:Sta', { exact: ['ocf:pacemaker:Stateful'], complete: true }],
  [[], 'ra list ', { has: ['lsb', 'ocf', 'stonith'] }],
  [[], 'ra list ocf ', { has: ['heartbeat', 'pacemaker'] }],
  [[], 'options skill-level ', { exact: ['administrator', 'expert', 'operator'] }],
  [[], 'options check-mode ', { exact: ['relaxed', 'strict'] }],
  [[], 'options check-frequency ', { exact: ['always', 'never', 'on-verify'] }],
  [[], 'options output ', { exact: ['color', 'color-always', 'plain', 'uppercase'] }],
  [[], 'options manage-children ', { exact: ['always', 'ask', 'never'] }],
  [[], 'options sort-elements ', { exact: ['no', 'yes'] }],
  [[], 'options set core.ed', { exact: ['core.editor'], complete: true }],
  [[], 'options set core.check_mode ', { exact: ['relaxed', 'strict'] }],
  [[], 'status ', { has: ['bynode', 'inactive', 'full'] }],
  [[], 'help ', { has: ['Overview', 'configure', 'resource'] }],
  [[], 'help configure ', { has: ['primitive', 'location'] }],
  [[], 'cd ', { has: ['configure', 'resource'], not: ['..', 'help'] }],
  [C, 'cd ', { has: ['..', 'ra', 'cib'] }],
  [[], 'cd configure/', { has: ['configure/ra', 'configure/cib'] }],

  // configure: command words
  [C, '', { has: ['primitive', 'location', 'commit', 'up', 'ra', 'cib'], not: ['collocation', 'master', 'end', '_test'] }],
  [C, 'prim', { exact: ['primitive'], complete: true }],
  [[], 'configure prim', { exact: ['primitive'], from: 10, to: 14 }],
  [C, 'prim<|> vip', { exact: ['primitive'], from: 0, to: 4 }],

  // configure: primitive
  [C, 'primitive ', { exact: ['id='], complete: false }],
  [C, 'primitive vip ', { has: ['ocf:', 'lsb:', 'stonith:', '@vm-tpl'] }],
  [C, 'primitive vip ocf:', { has: ['ocf:heartbeat:', 'ocf:pacemaker:'], complete: false }],
  [C, 'primitive vip ocf:heartbeat:IP', { exact: ['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:IPsrcaddr', 'ocf:heartbeat:IPv6addr'], common: 'ocf:heartbeat:IP', from: 14 }],
  [C, 'primitive vip stonith:fence_dumm', { exact: ['stonith:fence_dummy'], complete: true }],
  [C, `${IP2} `, { exact: ['meta', 'op', 'params', 'utilization'] }],
  [C, `${IP2} params c`, { exact: ['cidr_netmask=', 'clusterip_hash='], common: 'c', complete: false }],
  [C, `${IP2} params `, { has: ['ip=', 'nic=', 'cidr_netmask='], not: ['meta', 'op'] }],
  [C, `${IP2} params ip=10.0.0.1 `, { has: ['nic=', 'meta', 'op', 'params'], not: ['ip='] }],
  [C, `${IP2} params ip="10.0.0.1" `, { not: ['ip='] }],
  [C, `${IP2} params ip=1 op `, { exact: ['monitor', 'start', 'status', 'stop'] }],
  [C, `${IP2} op monitor `, { has: ['interval=10s', 'timeout=20s', 'depth=0', 'on-fail=', 'meta', 'op'] }],
  [C, `${IP2} op monitor interval=10s `, { has: ['timeout=20s'], not: ['interval=10s', 'interval='] }],
  [C, `${IP2} op monitor on-fail=`, { has: ['on-fail=restart', 'on-fail=block'] }],
  [C, `${IP2} meta `, { has: ['target-role=', 'is-managed=', 'resource-stickiness='] }],
  [C, `${IP2} meta target-role=`, { exact: ['target-role=Promoted', 'target-role=Started', 'target-role=Stopped', 'target-role=Unpromoted'] }],
  [C, 'primitive st ocf:pacemaker:Stateful op ', { exact: ['demote', 'monitor', 'notify', 'promote', 'reload-agent', 'start', 'stop'] }],
  [C, 'primitive st ocf:pacemaker:Stateful op monitor ', { has: ['role=Promoted', 'role=Unpromoted', 'interval=10s', 'interval=11s'] }],
  [C, 'primitive vm @vm-tpl params ', { has: ['config=', 'hypervisor='] }],
  [C, 'primitive f stonith:fence_dummy params pcmk_host_l', { exact: ['pcmk_host_list='] }],
  [C, 'prim vip ocf:heartbeat:IPaddr2 params c', { exact: ['cidr_netmask=', 'clusterip_hash='] }],
  [C, 'primitive vip \\\nocf:heartbeat:IPaddr', { has: ['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2'], not: ['ocf:heartbeat:IPsrcaddr'] }],
  [C, 'rsc_template t ', { has: ['ocf:'], not: ['@vm-tpl'] }],

  // fuzzy when nothing matches the prefix
  [C, 'primitive vip IPad', { has: ['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2'], fuzzy: true, common: '', complete: false }],
  [C, `${IP2} params cidr_nemtask`, { exact: ['cidr_netmask='], fuzzy: true, common: '' }],
  [C, `${IP2} params netmask`, { has: ['cidr_netmask='], fuzzy: true }],
  [[], 'resource start fovrip', { has: ['failoverip'], fuzzy: true }],
  [[], 'zzzzqq', { exact: [] }],
  [[], 'frob x ', { exact: [] }],

  // containers
  [C, 'group g ', { exact: ['apache', 'failoverip', 'fence1', 'spare'] }],
  [C, 'group g apache ', { has: ['failoverip', 'meta', 'params'], not: ['apache', 'webip'] }],
  [C, 'group g apache meta ', { has: ['container=', 'target-role='] }],
  [C, 'clone c ', { has: ['apache', 'web'], not: ['webip', 'stateful-clone', 'vm-tpl'] }],
  [C, 'clone c apache meta ', { has: ['interleave=', 'clone-max=', 'promotable='] }],
  [C, 'ms m spare meta ', { has: ['master-max=', 'notify='] }],
  [C, 'bundle b ', { exact: ['docker', 'podman', 'rkt'] }],
  [C, 'modgroup web ', { exact: ['add', 'remove'] }],
  [C, 'modgroup web remove ', { exact: ['webip', 'websrv'] }],

  // constraints
  [C, 'location l1 ', { has: ['failoverip', 'web', 'vm-tpl', 'webtag'], not: ['webip'] }],
  [C, 'location l1 failoverip ', { has: ['inf:', '-inf:', 'rule', 'role='] }],
  [C, 'location l1 failoverip 100: ', { exact: ['Lubuntu', 'Lubuntu1'] }],
  [C, 'location l1 failoverip rule ', { has: ['inf:', '-inf:', '$role='] }],
  [C, 'location l1 failoverip rule -inf: ', { has: ['#uname', 'defined', 'date'] }],
  [C, 'location l1 failoverip rule -inf: #uname ', { exact: ['eq', 'gt', 'gte', 'lt', 'lte', 'ne'] }],
  [C, 'location l1 failoverip rule -inf: #uname eq ', { exact: ['Lubuntu', 'Lubuntu1'] }],
  [C, 'location l1 failoverip rule -inf: #uname eq Lubuntu ', { exact: ['and', 'or'] }],
  [C, 'location l1 failoverip rule -inf: defined ', { has: ['#uname'] }],
  [C, 'colocation c1 ', { has: ['inf:', '-inf:'] }],
  [C, 'colocation c1 inf: ', { has: ['failoverip', 'apache'] }],
  [C, 'colocation c1 inf: failoverip apache:', { exact: ['apache:Promoted', 'apache:Started', 'apache:Stopped', 'apache:Unpromoted'] }],
  [C, 'order o1 ', { has: ['Mandatory:', 'Optional:', 'Serialize:'] }],
  [C, 'order o1 Mandatory: failoverip apache ', { has: ['symmetrical=', 'web'] }],
  [C, 'order o1 Mandatory: failoverip:', { has: ['failoverip:start', 'failoverip:stop'] }],
  [C, 'rsc_ticket t1 ', { exact: ['ticketA:'], complete: false }],
  [C, 'rsc_ticket t1 ticketA: ', { has: ['failoverip'] }],
  [C, 'acl_target alice ', { exact: ['readers'] }],
  [C, `${IP2} params ip=`, { exact: ['ip='], complete: false }],
  [C, `${IP2} params lvs_support=`, { exact: ['lvs_support=false', 'lvs_support=true'] }],
  [C, 'tag t1 ', { has: ['apache', 'webip'] }],

  // properties, defaults, other configure commands
  [C, 'property ', { has: ['stonith-enabled=', 'no-quorum-policy=', 'cluster-name='], not: ['dc-version=', 'cluster-infrastructure='] }],
  [C, 'property no-quorum-policy=', { has: ['no-quorum-policy=stop', 'no-quorum-policy=ignore'] }],
  [C, 'property stonith-enabled=false ', { not: ['stonith-enabled='] }],
  [C, 'rsc_defaults ', { has: ['resource-stickiness=', 'migration-threshold='] }],
  [C, 'op_defaults ', { has: ['timeout=', 'on-fail='], not: ['id=', 'name='] }],
  [C, 'show ', { has: ['failoverip', 'loc-ip', 'xml', 'changed', 'type:primitive', 'tag:webtag'] }],
  [C, 'delete ', { has: ['ord-1', 'apache', 'webtag'] }],
  [C, 'edit ', { has: ['xml', 'failoverip'] }],
  [C, 'commit ', { exact: ['force', 'replace'] }],
  [C, 'load ', { exact: ['push', 'replace', 'update', 'xml'] }],
  [C, 'load xml ', { exact: ['push', 'replace', 'update'] }],
  [C, 'load update ', { exact: ['lab.crm', 'lab.xml', 'scripts/'] }],
  [C, 'load update scr', { exact: ['scripts/'], complete: false }],
  [C, 'load update scripts/', { exact: ['scripts/web.crm'], complete: true }],
  [C, 'load update /etc/', { exact: ['/etc/crm/', '/etc/hosts'] }],
  [C, 'load update .', { exact: ['.hidden'] }],
  [C, 'fencing_topology ', { has: ['Lubuntu:', 'Lubuntu1:', 'fence1'], not: ['apache'] }],
  [C, 'node ', { exact: ['Lubuntu', 'Lubuntu1'] }],
  [C, 'node Lubuntu ', { exact: ['attributes', 'utilization'] }],
  [C, 'monitor ', { has: ['apache', 'webip'] }],
  [C, 'monitor apache ', { exact: ['10s:20s'] }],
  [C, 'erase ', { exact: ['nodes'] }],
  [C, 'user u1 ', { exact: ['deny', 'read', 'role:', 'write'] }],
  [C, 'ra info ocf:pacemaker:Sta', { exact: ['ocf:pacemaker:Stateful'] }],
  [C, 'cib use ', { exact: ['live', 'staging', 'test1'] }],
];

describe('complete(): cursor-marked table', () => {
  test.each(CASES.map(([levels, line, exp]) => ({ where: levels.join('/') || 'root', line, levels, exp })))(
    '$where: $line',
    ({ levels, line, exp }) => {
      const r = completeAt(labContext(levels), line);
      const got = texts(r);
      if (exp.exact) expect(got).toEqual(exp.exact);
      for (const h of exp.has ?? []) expect(got).toContain(h);
      for (const n of exp.not ?? []) expect(got).not.toContain(n);
      if (exp.common !== undefined) expect(r.common).toBe(exp.common);
      if (exp.complete !== undefined) expect(r.complete).toBe(exp.complete);
      if (exp.fuzzy !== undefined) expect(r.candidates.every((c) => c.fuzzy === exp.fuzzy || (!exp.fuzzy && c.fuzzy === undefined))).toBe(true);
      if (exp.from !== undefined) expect(r.from).toBe(exp.from);
      if (exp.to !== undefined) expect(r.to).toBe(exp.to);
      // Every prefix candidate does start with the typed word (what one Tab relies on).
      const typed = r.line.slice(r.from, r.to);
      for (const c of r.candidates) if (!c.fuzzy) expect(c.text.toLowerCase().startsWith(typed.toLowerCase())).toBe(true);
    },
  );

  test('the table covers at least 60 cases across every level', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const levels = new Set(CASES.map(([lv, line]) => lv[0] ?? line.split(' ')[0]));
    for (const l of ['configure', 'resource', 'node', 'cib', 'ra', 'options']) expect(levels).toContain(l);
  });
});
