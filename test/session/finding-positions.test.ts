/** Verify's findings point at the word of the statement that produced them (issue 3). */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';

/** Runs a configure script (LINES after `configure`) on a fresh CIB file with the bundled agents. */
async function runConfigure(name: string, lines: string[]) {
  const dir = scratchDir();
  copyFileSync(join(import.meta.dirname, '../../fixtures/lower/base.xml'), join(dir, 'cib.xml'));
  const script = writeScript(dir, name, ['configure', ...lines, ''].join('\n'));
  return runTcrm(['-f', script], { dir, env: { CIB_file: join(dir, 'cib.xml'), TCRM_AGENT_SOURCE: 'bundled' } });
}

describe('verify findings at their source line', () => {
  it('an unknown parameter points at its word, after a continuation too', async () => {
    const r = await runConfigure('lab.crm', [
      'primitive failoverip ocf:heartbeat:IPaddr2 \\',
      '  params ip=172.31.0.100 cidr netmask=16',
      'property stonith-enabled=false',
      'verify',
    ]);
    // `  params ip=172.31.0.100 cidr netmask=16`: cidr is at column 26, netmask at 31.
    expect(r.stderr).toMatch(/ERROR: failoverip: parameter "cidr" is not known\n {2}at \S*lab\.crm:3:26: did you mean 'cidr_netmask'\?/);
    expect(r.stderr).toMatch(/ERROR: failoverip: parameter "netmask" is not known\n {2}at \S*lab\.crm:3:31\n/);
  });

  it("places warnings, libxml2's dangling references and crm_verify's resource lines too", async () => {
    const r = await runConfigure('lab.crm', [
      'property stonith-enabled=false',
      'primitive failoverip ocf:heartbeat:IPaddr2 params ip=172.31.0.100',
      'primitive serviceWeb ocf:heartbeat:apache op stop timeout=40s',
      'location preferred-Lubuntu failover_ip 100: Lubuntu',
      'verify',
    ]);
    const out = r.stdout + r.stderr;
    // stdout keeps crmsh's WARNING line; tcrm's position follows on its own indented line.
    expect(r.stdout).toMatch(/WARNING: serviceWeb: specified timeout 40s for stop is smaller than the advised 60s\n {2}at \S*lab\.crm:4:51\n/);
    expect(r.stdout).toMatch(/WARNING: preferred-Lubuntu: resource failover_ip does not exist\n {2}at \S*lab\.crm:5:28: did you mean 'failoverip'\?/);
    expect(out).toMatch(/IDREF attribute rsc references an unknown ID "failover_ip"\n {2}at \S*lab\.crm:5:28\n/);

    const r2 = await runConfigure('role.crm', ['property stonith-enabled=false', 'primitive d ocf:heartbeat:Dummy meta target-role=Sleeping', 'verify']);
    expect(r2.stderr).toMatch(/Ignoring 'target-role' for d because 'Sleeping' is not valid\n {2}at \S*role\.crm:3:38\n/);

    const r3 = await runConfigure('options.crm', ['primitive d2 ocf:heartbeat:Dummy', 'property stonith-enabled=false no-quorum-policy=sometimes', 'verify']);
    expect(r3.stderr).toMatch(/cluster option 'no-quorum-policy' because 'sometimes' is invalid\n {2}at \S*options\.crm:3:32\n/);
    expect(r3.stderr + r3.stdout).toMatch(/Blind faith: not fencing unseen nodes\n {2}at \S*options\.crm:3:10\n/);

    // A RelaxNG line names an inner element's id: its object's statement is shown.
    const r4 = await runConfigure('schema.crm', ['property stonith-enabled=false', 'primitive d3 ocf:heartbeat:Dummy \\', '  op monitor interval=10s role=Bogus', 'verify']);
    expect(r4.stderr).toMatch(/ERROR: op \(d3-monitor-10s\): Expecting an element meta_attributes, got nothing\n {2}at \S*schema\.crm:3:1\n/);
  });
});
