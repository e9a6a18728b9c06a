/**
 * Smoke test of the lab cluster harness (test/cluster/lab.sh): two real Pacemaker/Corosync nodes
 * in network namespaces come up Online, answer `cibadmin -Q` and `crm_mon` over SSH from the host
 * (host keys verified), survive a crash and revive of one node, are reset by the per-test helper,
 * and go down leaving nothing behind. A missing prerequisite fails the file; it never skips.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrmMonXml } from '../cluster/crm-mon-nodes.js';
import { labCrash, labDir, labRevive, observerSees, resetCluster, sshRun, waitFor } from '../cluster/lab-control.js';
import type { LabEnv } from '../cluster/lab-env.js';
import { describeProcess, hostSnapshot, labNetnsInodes, processesLeft, type HostSnapshot } from '../cluster/leftovers.js';
import { startOwnLab, stopOwnLab } from '../cluster/use-lab-cluster.js';

const PREREQUISITES: Record<string, string> = {
  ip: 'iproute2',
  nsenter: 'util-linux',
  unshare: 'util-linux',
  setsid: 'util-linux',
  mountpoint: 'util-linux',
  ps: 'procps',
  sshd: 'openssh-server',
  ssh: 'openssh-client',
  'ssh-keygen': 'openssh-client',
  corosync: 'corosync',
  'corosync-quorumtool': 'corosync',
  pacemakerd: 'pacemaker',
  crm_mon: 'pacemaker-cli-utils',
  cibadmin: 'pacemaker-cli-utils',
  crm_resource: 'pacemaker-cli-utils',
  crm_attribute: 'pacemaker-cli-utils',
};

function missingPrerequisites(): string[] {
  const missing = Object.entries(PREREQUISITES)
    .filter(([command]) => spawnSync('bash', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status !== 0)
    .map(([command, pkg]) => `${command} (Debian package ${pkg})`);
  if (process.getuid?.() !== 0) missing.push('root (network and mount namespaces)');
  return missing;
}

const LAB_PATHS = [labDir(), `${labDir()}.lock`, '/run/netns', '/run/mount'];
const NODE_A = 'Lubuntu';
const NODE_B = 'Lubuntu1';
const WAIT_MS = 240_000;
const INJECT_FAILURE = process.env.CLUSTER_SMOKE_INJECT_FAILURE === '1';

let before: HostSnapshot;
let env: LabEnv;
let labIsUp = false;

describe('lab cluster smoke', () => {
  beforeAll(() => {
    const missing = missingPrerequisites();
    if (missing.length > 0) throw new Error(`the lab cluster cannot run here, missing: ${missing.join(', ')}`);
  });

  // Safety net: whatever failed above, the lab does not outlive the file.
  afterAll(async () => {
    if (labIsUp) await stopOwnLab();
  }, 600_000);

  it('brings up two nodes, both Online on both', async () => {
    const started = Date.now();
    // The host is photographed once this file holds the lab lock (another file's lab is gone
    // by then), without the lock itself, which is released at the end.
    env = await startOwnLab(2, () => {
      before = hostSnapshot(LAB_PATHS);
      before.paths[`${labDir()}.lock`] = false;
    });
    labIsUp = true;
    console.log(`[cluster-smoke] up 2 → both Online: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(env.nodes.map((node) => node.name)).toEqual([NODE_A, NODE_B]);
    for (const observer of [NODE_A, NODE_B]) {
      for (const node of [NODE_A, NODE_B]) expect(await observerSees(observer, node, true)).toBe(true);
    }
  }, 900_000);

  it('answers cibadmin -Q over SSH from the host, host keys verified', async () => {
    const config = readFileSync(env.sshConfig, 'utf8');
    expect(config).toMatch(/StrictHostKeyChecking yes/);
    expect(config).not.toMatch(/StrictHostKeyChecking no/);
    for (const node of env.nodes) {
      const result = await sshRun(env, node.name, 'hostname; cibadmin -Q');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(node.name);
      expect(result.stdout).toMatch(/<cib [^>]*epoch=/);
      expect(result.stdout).toContain(`uname="${NODE_A}"`);
      expect(result.stdout).toContain(`uname="${NODE_B}"`);
    }
    // The same login with a known_hosts that lacks the key must be refused.
    const emptyKnownHosts = `${env.dir}/empty_known_hosts`;
    writeFileSync(emptyKnownHosts, '');
    const refused = spawnSync('ssh', ['-F', env.sshConfig, '-o', `UserKnownHostsFile=${emptyKnownHosts}`, NODE_A, 'true'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(refused.status).toBe(255);
    expect(refused.stderr).toMatch(/Host key verification failed/);
  }, 300_000);

  it('crm_mon -1 over SSH shows both nodes Online', async () => {
    const text = await sshRun(env, NODE_B, 'crm_mon -1');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`Online: \\[ ${NODE_A} ${NODE_B} \\]`));
    const xml = await sshRun(env, NODE_A, 'crm_mon -1 --output-as=xml');
    const view = parseCrmMonXml(xml.stdout);
    expect(view.dcPresent).toBe(true);
    expect(view.nodes).toEqual([
      { name: NODE_A, online: true },
      { name: NODE_B, online: true },
    ]);
  }, 300_000);

  it('sees a crashed node OFFLINE, then Online again after revive', async () => {
    await labCrash(NODE_B);
    // CI proves with this that a failure in the middle (a node down) still leaves nothing behind:
    // the last test does not run, afterAll tears down, then `lab.sh check-clean` must pass.
    if (INJECT_FAILURE) throw new Error('injected failure (CLUSTER_SMOKE_INJECT_FAILURE=1)');
    const offlineMs = await waitFor(`${NODE_A} to see ${NODE_B} OFFLINE`, WAIT_MS, () => observerSees(NODE_A, NODE_B, false));
    const text = await sshRun(env, NODE_A, 'crm_mon -1');
    expect(text.stdout).toMatch(new RegExp(`OFFLINE: \\[ ${NODE_B} \\]`));
    const revived = Date.now();
    await labRevive(NODE_B);
    await waitFor(`${NODE_A} to see ${NODE_B} Online`, WAIT_MS, () => observerSees(NODE_A, NODE_B, true));
    await waitFor(`${NODE_B} to see ${NODE_A} Online`, WAIT_MS, () => observerSees(NODE_B, NODE_A, true));
    console.log(
      `[cluster-smoke] crash → OFFLINE seen: ${(offlineMs / 1000).toFixed(1)} s; revive → Online: ${((Date.now() - revived) / 1000).toFixed(1)} s`,
    );
  }, 600_000);

  it('resets the CIB to the baseline without a restart', async () => {
    const change = await sshRun(
      env,
      NODE_A,
      `crm_attribute --type crm_config --name tcrm-smoke --update 1 && crm_attribute --node ${NODE_B} --name standby --update on`,
    );
    expect(change.status).toBe(0);
    expect((await sshRun(env, NODE_A, 'cibadmin -Q --scope configuration')).stdout).toContain('tcrm-smoke');
    const pacemakerdPid = readFileSync(`${env.nodes[0].dir}/pacemakerd.pid`, 'utf8');
    await resetCluster(env);
    const after = (await sshRun(env, NODE_A, 'cibadmin -Q --scope configuration')).stdout;
    expect(after).not.toContain('tcrm-smoke');
    expect(after).not.toContain('name="standby"');
    expect(readFileSync(`${env.nodes[0].dir}/pacemakerd.pid`, 'utf8')).toBe(pacemakerdPid);
  }, 600_000);

  it.skipIf(INJECT_FAILURE)('goes down and leaves nothing behind', async () => {
    const pids = env.nodes.flatMap((node) =>
      ['anchor', 'sshd', 'corosync', 'pacemakerd'].map((daemon) => readFileSync(`${node.dir}/${daemon}.pid`, 'utf8').trim()),
    );
    const inodes = labNetnsInodes(pids);
    expect(inodes.size).toBe(2);
    const started = Date.now();
    await stopOwnLab();
    labIsUp = false;
    console.log(`[cluster-smoke] down: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const left = processesLeft(inodes, pids);
    expect(left.map(describeProcess)).toEqual([]);
    const now = hostSnapshot(LAB_PATHS);
    expect(now.netns.filter((name) => name.startsWith('tcrm-'))).toEqual([]);
    expect(now.links.filter((name) => name.startsWith('tcrm'))).toEqual([]);
    expect(now.links).toEqual(before.links);
    const newMounts = now.mountPoints.filter((point) => !before.mountPoints.includes(point));
    expect(newMounts).toEqual([]);
    expect(now.paths).toEqual(before.paths);
  }, 600_000);
});
