/**
 * `configure verify` of 5,000 primitives in-process (issue 3: "stays well under a second"):
 * crmsh's own checks on the bundled agent facts, and the emulated crm_verify lines (RelaxNG,
 * IDREFs, STONITH, option values) — each timed after one warm-up run, median of five. A
 * 500-primitive run beside it shows how the time grows. The baseline in the same run: the same
 * crm_verify lines with the schema checked by libxml2 alone (print, parse, validate), which is
 * what tcrm did before its own RELAX NG check.
 */
import { bundledCatalog } from '../src/agents/choose-catalog.js';
import { checkAtVerify } from '../src/commit/cluster-checks.js';
import { parseXml } from '../src/shadow-cib/xml.js';
import { runChecks } from '../src/verify/run-checks.js';

function cibWith(count: number): string {
  const prims: string[] = [];
  const cons: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `vip${i}`;
    prims.push(
      `<primitive id="${id}" class="ocf" provider="heartbeat" type="IPaddr2"><instance_attributes id="${id}-instance_attributes">` +
        `<nvpair name="ip" value="10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}" id="${id}-instance_attributes-ip"/>` +
        `<nvpair name="cidr_netmask" value="24" id="${id}-instance_attributes-cidr_netmask"/></instance_attributes>` +
        `<operations><op name="monitor" interval="10s" timeout="20s" id="${id}-monitor-10s"/>` +
        `<op name="start" interval="0s" timeout="20s" id="${id}-start-0s"/><op name="stop" interval="0s" timeout="20s" id="${id}-stop-0s"/></operations></primitive>`,
    );
    cons.push(`<rsc_location id="loc-${id}" rsc="${id}" score="100" node="Lubuntu"/>`);
  }
  return (
    `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0" have-quorum="1"><configuration>` +
    `<crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="o1" name="stonith-enabled" value="false"/></cluster_property_set></crm_config>` +
    `<nodes><node id="1" uname="Lubuntu"/><node id="2" uname="Lubuntu1"/></nodes>` +
    `<resources>${prims.join('')}</resources><constraints>${cons.join('')}</constraints></configuration><status/></cib>`
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const catalog = bundledCatalog();
for (const count of [500, 5000]) {
  const doc = parseXml(cibWith(count));
  let findings = 0;
  const checks = () => {
    findings = runChecks(doc, { catalog, checkMode: 'strict' }).diagnostics.length;
  };
  let ok = false;
  const gate = () => {
    ok = checkAtVerify(doc).ok;
  };
  const baseline = () => {
    checkAtVerify(doc, { libxml2Only: true });
  };
  checks();
  gate();
  baseline();
  const checkTimes = Array.from({ length: 5 }, () => time(checks));
  const gateTimes = Array.from({ length: 5 }, () => time(gate));
  const baselineTimes = Array.from({ length: 5 }, () => time(baseline));
  const [c, g, b] = [median(checkTimes), median(gateTimes), median(baselineTimes)];
  console.log(
    `verify ${count} primitives (+${count} locations): crmsh's checks ${c.toFixed(0)} ms (${findings} findings), ` +
      `crm_verify lines (RelaxNG, IDREFs, options) ${g.toFixed(0)} ms (ok: ${ok}), total ${(c + g).toFixed(0)} ms; ` +
      `with libxml2 alone for the schema ${b.toFixed(0)} ms, total ${(c + b).toFixed(0)} ms (ratio ${((c + g) / (c + b)).toFixed(2)})`,
  );
}
