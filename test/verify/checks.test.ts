/** Unit tests of the check registry on small CIBs: weights, the commit subset, hints. The
 *  message texts themselves are pinned against crmsh in crmsh-fixtures.test.ts. */
import { describe, expect, it } from 'vitest';
import { createBundledCatalog } from '../../src/agents/bundled-catalog.js';
import { parseXml } from '../../src/shadow-cib/xml.js';
import { crmMsec } from '../../src/verify/crm-time.js';
import { pythonRegexError } from '../../src/verify/python-regex.js';
import { agentsUsedBy } from '../../src/verify/agents-used.js';
import { hasNoPrimitive, runChecks, type RunChecksOptions } from '../../src/verify/run-checks.js';

const catalog = createBundledCatalog();

function cib(parts: { resources?: string; constraints?: string; crmConfig?: string; extra?: string }) {
  return parseXml(`<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration>
<crm_config>${parts.crmConfig ?? '<cluster_property_set id="cib-bootstrap-options"><nvpair id="p1" name="stonith-enabled" value="false"/></cluster_property_set>'}</crm_config>
<nodes><node id="1" uname="Lubuntu"/><node id="2" uname="Lubuntu1"/></nodes>
<resources>${parts.resources ?? ''}</resources><constraints>${parts.constraints ?? ''}</constraints>${parts.extra ?? ''}
</configuration><status/></cib>`);
}

const prim = (id: string, agent: string, inner = '') => {
  const [cls, provider, type] = agent.split(':');
  const attrs = type === undefined ? `class="${cls}" type="${provider}"` : `class="${cls}" provider="${provider}" type="${type}"`;
  return `<primitive id="${id}" ${attrs}>${inner}</primitive>`;
};
const params = (id: string, kv: Record<string, string>) =>
  `<instance_attributes id="${id}-ia">${Object.entries(kv).map(([k, v]) => `<nvpair id="${id}-${k}" name="${k}" value="${v}"/>`).join('')}</instance_attributes>`;
const ops = (id: string, list: Array<Record<string, string>>) =>
  `<operations>${list.map((o, i) => `<op id="${id}-op${i}" ${Object.entries(o).map(([k, v]) => `${k}="${v}"`).join(' ')}/>`).join('')}</operations>`;

const run = (doc: ReturnType<typeof cib>, opts: Partial<RunChecksOptions> = {}) =>
  runChecks(doc, { catalog, checkMode: 'strict', ...opts });
const lines = (r: ReturnType<typeof run>) => r.diagnostics.map((d) => `${d.severity}: ${d.message}`);

describe('operations', () => {
  it("the lab's apache: one warning, weight 1", () => {
    const doc = cib({
      resources: prim('apache', 'ocf:heartbeat:apache',
        params('apache', { configfile: '/etc/apache2/apache2.conf' }) +
        ops('apache', [{ name: 'start', timeout: '40s', interval: '0' }, { name: 'stop', timeout: '40s', interval: '0' }])),
    });
    const r = run(doc);
    expect(lines(r)).toEqual(['warning: apache: specified timeout 40s for stop is smaller than the advised 60s']);
    expect(r.diagnostics[0]).toMatchObject({ code: 'CRM', check: 'TCRM3104' });
    expect(r.worst).toBe(1);
  });

  it('uses the op_defaults timeout only when there is one (never the built-in 20 s)', () => {
    const resources = prim('d', 'ocf:heartbeat:Dummy');
    expect(lines(run(cib({ resources })))).toEqual([]);
    const withDefault = cib({ resources, extra: '<op_defaults><meta_attributes id="op-options"><nvpair id="o1" name="timeout" value="15s"/></meta_attributes></op_defaults>' });
    expect(lines(run(withDefault))).toEqual([
      'warning: d: default timeout 15s for start is smaller than the advised 20s',
      'warning: d: default timeout 15s for stop is smaller than the advised 20s',
    ]);
  });

  it('suggests the action meant', () => {
    const doc = cib({ resources: prim('d', 'ocf:heartbeat:Dummy', ops('d', [{ name: 'monitr', interval: '10s' }])) });
    const d = run(doc).diagnostics[0]!;
    expect(d.message).toBe("d: action 'monitr' not found in Resource Agent meta-data");
    expect(d.hint).toBe("did you mean 'monitor'?");
  });

  it('never checks start/stop of stonith agents', () => {
    const doc = cib({
      resources: prim('st', 'stonith:external/ssh', params('st', { hostlist: 'a' }) + ops('st', [{ name: 'start', timeout: '1s', interval: '5s' }])),
    });
    expect(lines(run(doc))).toEqual([]);
  });
});

describe('op attribute values follow the CIB schema', () => {
  const withSchema = (schema: string) =>
    parseXml(`<cib validate-with="${schema}"><configuration><crm_config/><nodes/><resources>${prim('d', 'ocf:heartbeat:Dummy', ops('d', [{ name: 'monitor', interval: '10s', role: 'Promoted' }]))}</resources><constraints/></configuration></cib>`);
  it('Promoted is a role from pacemaker-3.7 on', () => {
    expect(run(withSchema('pacemaker-3.9')).diagnostics).toEqual([]);
    expect(lines(run(withSchema('pacemaker-3.0')))).toEqual(["warning: d: op 'monitor' attribute 'role' value 'Promoted' not recognized"]);
  });
});

describe('agents and parameters', () => {
  const missing = cib({ resources: prim('x1', 'ocf:heartbeat:IPadr2', params('x1', { ip: '1.2.3.4' })) });

  it('an absent agent is an error (2 strict, 1 relaxed) with a did-you-mean', () => {
    const r = run(missing);
    expect(lines(r)).toEqual([
      'error: ocf:heartbeat:IPadr2: got no meta-data, does this RA exist?',
      'error: ocf:heartbeat:IPadr2: got no meta-data, does this RA exist?',
      'error: ocf:heartbeat:IPadr2: no such resource agent',
    ]);
    expect(r.diagnostics[2]!.hint).toBe("did you mean 'ocf:heartbeat:IPaddr2'?");
    expect(r.worst).toBe(2);
    expect(run(missing, { checkMode: 'relaxed' }).worst).toBe(1);
  });

  it('ignore_missing_metadata and asymmetric clusters skip the absent agent', () => {
    expect(lines(run(missing, { ignoreMissingMetadata: true }))).toEqual([]);
    const asym = cib({
      resources: prim('x1', 'ocf:heartbeat:IPadr2'),
      crmConfig: '<cluster_property_set id="cib-bootstrap-options"><nvpair id="p2" name="symmetric-cluster" value="false"/></cluster_property_set>',
    });
    const r = run(asym);
    expect(lines(r)).toEqual([
      'error: ocf:heartbeat:IPadr2: got no meta-data, does this RA exist?',
      'error: ocf:heartbeat:IPadr2: got no meta-data, does this RA exist?',
    ]);
    expect(r.worst).toBe(0);
  });

  it('unknown and missing parameters, with hints', () => {
    const doc = cib({ resources: prim('failoverip', 'ocf:heartbeat:IPaddr2', params('f', { cidr: '', netmask: '16' })) });
    const r = run(doc);
    expect(lines(r)).toEqual([
      'error: failoverip: required parameter "ip" not defined',
      'error: failoverip: parameter "cidr" is not known',
      'error: failoverip: parameter "netmask" is not known',
    ]);
    expect(r.diagnostics.map((d) => d.hint)).toEqual([undefined, "did you mean 'cidr_netmask'?", undefined]);
  });

  it('fencer parameters are known to stonith agents; fence_* need no action/port', () => {
    const doc = cib({ resources: prim('st', 'stonith:fence_ipmilan', params('st', { pcmk_host_list: 'Lubuntu' })) });
    expect(lines(run(doc))).toEqual([]);
  });

  it('a bare ocf type resolves to heartbeat, then pacemaker', () => {
    const doc = cib({ resources: prim('p', 'ocf:ping', params('p', { host_list: 'x', bogus: '1' })) });
    expect(lines(run(doc))).toEqual(['error: p: parameter "bogus" is not known']);
  });
});

describe('uniqueness and the commit subset', () => {
  const two = (extra = '') =>
    cib({
      resources:
        prim('failoverip', 'ocf:heartbeat:IPaddr2', params('a', { ip: '192.168.1.100' })) +
        prim('ip2', 'ocf:heartbeat:IPaddr2', params('b', { ip: '192.168.1.100' })) +
        prim('d', 'ocf:heartbeat:Dummy', `<meta_attributes id="d-m"><nvpair id="d-m1" name="foo" value="1"/></meta_attributes>`) + extra,
    });

  it('weighs 2 even in relaxed mode, and comes first', () => {
    const r = run(two(), { checkMode: 'relaxed' });
    expect(lines(r)).toEqual([
      'warning: Resources failoverip,ip2 violate uniqueness for parameter "ip": "192.168.1.100"',
      "warning: d: unknown attribute 'foo'",
    ]);
    expect(r.worst).toBe(2);
  });

  it('a commit checks only the changed objects; uniqueness only when a changed primitive clashes', () => {
    expect(lines(run(two(), { only: new Set(['d']) }))).toEqual(["warning: d: unknown attribute 'foo'"]);
    expect(lines(run(two(), { only: new Set(['ip2']) }))).toEqual([
      'warning: Resources failoverip,ip2 violate uniqueness for parameter "ip": "192.168.1.100"',
    ]);
    expect(run(two(), { only: new Set() }).diagnostics).toEqual([]);
  });
});

describe('constraints, locations, properties, fencing', () => {
  it("the lab's misspelt references get a did-you-mean", () => {
    const doc = cib({
      resources: prim('failoverip', 'ocf:heartbeat:IPaddr2', params('a', { ip: '10.0.0.1' })) + prim('serviceWeb', 'ocf:heartbeat:Dummy'),
      constraints:
        '<rsc_location id="preferred-Lubuntu" rsc="failover_ip" score="100" node="Lubuntu"/>' +
        '<rsc_colocation id="web-with-ip" score="INFINITY" rsc="failoverip" with-rsc="serviceweb"/>' +
        '<rsc_location id="ly" rsc="failoverip" score="100" node="Lubuntu2"/>',
    });
    const r = run(doc);
    expect(r.diagnostics.map((d) => [d.message, d.hint])).toEqual([
      ['ly: referenced node Lubuntu2 does not exist', "did you mean 'Lubuntu' or 'Lubuntu1'?"],
      ['preferred-Lubuntu: resource failover_ip does not exist', "did you mean 'failoverip'?"],
      ['web-with-ip: resource serviceweb does not exist', "did you mean 'serviceWeb'?"],
    ]);
  });

  it('property names with a did-you-mean; other property sets are not checked', () => {
    const doc = cib({
      resources: prim('d', 'ocf:heartbeat:Dummy'),
      crmConfig:
        '<cluster_property_set id="cib-bootstrap-options"><nvpair id="p1" name="stonith-enable" value="false"/></cluster_property_set>' +
        '<cluster_property_set id="other"><nvpair id="p2" name="whatever" value="1"/></cluster_property_set>',
    });
    const r = run(doc);
    expect(r.diagnostics.map((d) => [d.message, d.hint])).toEqual([
      [
        "cib-bootstrap-options: unknown attribute 'stonith-enable'",
        "did you mean 'stonith-enabled'? As written, stonith-enabled keeps its default (true): that is why Pacemaker refuses to start resources without a STONITH resource.",
      ],
    ]);
  });

  it('a missing template gets a did-you-mean', () => {
    const doc = cib({
      resources: '<template id="web-tmpl" class="ocf" provider="heartbeat" type="Dummy"/><primitive id="w" template="web_tmpl"/>',
    });
    expect(run(doc).diagnostics.map((d) => [d.message, d.hint])).toEqual([['web_tmpl: no such resource template', "did you mean 'web-tmpl'?"]]);
  });

  it('fencing_topology targets and devices', () => {
    const doc = cib({
      resources: prim('st', 'stonith:external/ssh', params('st', { hostlist: 'a' })) + prim('d', 'ocf:heartbeat:Dummy'),
      extra: '<fencing-topology><fencing-level id="f1" target="nonode" index="1" devices="st"/><fencing-level id="f2" target="Lubuntu" index="1" devices="d,nosuch"/></fencing-topology>',
    });
    expect(lines(run(doc))).toEqual([
      'warning: fencing_topology: target nonode not a node',
      'warning: fencing_topology: d not a stonith resource',
      'warning: fencing_topology: resource nosuch does not exist',
    ]);
  });

  it('objects come sorted by id in code-point order', () => {
    const doc = cib({
      constraints:
        '<rsc_location id="b" rsc="x" score="1" node="Lubuntu"/><rsc_location id="B" rsc="x" score="1" node="Lubuntu"/><rsc_location id="a" rsc="x" score="1" node="Lubuntu"/>',
      resources: prim('d', 'ocf:heartbeat:Dummy'),
    });
    expect(run(doc).diagnostics.map((d) => d.message.split(':')[0])).toEqual(['B', 'a', 'b']);
  });
});

describe("tcrm's own value checks (extras)", () => {
  it('are off by default and never weigh in the return code', () => {
    const doc = cib({ resources: prim('failoverip', 'ocf:heartbeat:IPaddr2', params('f', { ip: '172.31.0.100', cidr_netmask: '255.255.0.0' })) });
    expect(run(doc).diagnostics).toEqual([]);
    const r = run(doc, { extras: true });
    expect(r.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      ['TCRM3201', 'failoverip: parameter "cidr_netmask" of IPaddr2 expects a prefix length (e.g. 24), not "255.255.0.0"', 'IPaddr2 wants a prefix length: 16'],
    ]);
    expect(r.worst).toBe(0);
  });

  it('a dotted netmask is fine for IPaddr; ip must be an address', () => {
    const doc = cib({
      resources:
        prim('a', 'ocf:heartbeat:IPaddr', params('a', { ip: '10.0.0.300', cidr_netmask: '255.255.0.0' })) +
        prim('b', 'ocf:heartbeat:IPaddr2', params('b', { ip: 'fe80::1', cidr_netmask: '64' })),
    });
    expect(run(doc, { extras: true }).diagnostics.map((d) => d.message)).toEqual(['a: parameter "ip" expects an IP address, not "10.0.0.300"']);
  });

  it('types from metadata: integer, boolean, select', () => {
    const doc = cib({
      resources: prim('i', 'ocf:heartbeat:IPaddr2', params('i', { ip: '10.0.0.1', lvs_support: 'maybe', lvs_ipv6_addrlabel_value: 'x9' })),
    });
    expect(run(doc, { extras: true }).diagnostics.map((d) => d.message)).toEqual([
      'i: parameter "lvs_support" expects a boolean (true/false), not "maybe"',
      'i: parameter "lvs_ipv6_addrlabel_value" expects an integer, not "x9"',
    ]);
  });
});

describe('helpers', () => {
  it('hasNoPrimitive and agentsUsedBy', () => {
    expect(hasNoPrimitive(cib({}))).toBe(true);
    const doc = cib({ resources: prim('d', 'ocf:heartbeat:Dummy') + prim('s', 'stonith:fence_dummy') + prim('e', 'ocf:heartbeat:Dummy') });
    expect(hasNoPrimitive(doc)).toBe(false);
    expect(agentsUsedBy(doc)).toEqual(['ocf:heartbeat:Dummy', 'stonith:fence_dummy']);
  });

  it('reads durations as crmsh does', () => {
    expect(crmMsec('40s')).toBe(40_000);
    expect(crmMsec('20')).toBe(20_000);
    expect(crmMsec('1min')).toBe(60_000);
    expect(crmMsec('2H')).toBe(7_200_000);
    expect(crmMsec('500ms')).toBe(500);
    expect(crmMsec('1500us')).toBe(1);
    expect(crmMsec('0.5m')).toBe(0);
    expect(crmMsec('1d')).toBe(-1);
    expect(crmMsec('')).toBe(-1);
    expect(crmMsec(undefined)).toBe(-1);
  });

  // expected texts from Python 3.11's re.compile
  it.each([
    ['x[', 'unterminated character set at position 1'],
    ['(a', 'missing ), unterminated subpattern at position 0'],
    ['a)', 'unbalanced parenthesis at position 1'],
    ['*a', 'nothing to repeat at position 0'],
    ['a**', 'multiple repeat at position 2'],
    ['a\\', 'bad escape (end of pattern) at position 1'],
    ['a??', null],
    ['a*?', null],
    ['^*', 'nothing to repeat at position 1'],
    ['a{2}{3}', 'multiple repeat at position 4'],
    ['(?:a', 'missing ), unterminated subpattern at position 0'],
    ['[]a', 'unterminated character set at position 0'],
    ['ab|*', 'nothing to repeat at position 3'],
    ['d.*', null],
  ])('python regex %s', (pattern, expected) => {
    expect(pythonRegexError(pattern)).toBe(expected);
  });
});
