/**
 * Drives test/cluster/lab.sh from TypeScript: bring-up, tear-down, crash/revive, commands inside a
 * node, SSH from the host with the generated ssh_config, and the per-test reset of the CIB.
 * Failures throw with the command's output: a system test that needs the cluster must fail
 * loudly, never skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCrmMonXml, type MonView } from './crm-mon-nodes.js';
import { labDir, readLabEnv, type LabEnv } from './lab-env.js';
import { describeFailure, runCommand, type CommandResult } from './run-command.js';

export const LAB_SCRIPT = fileURLToPath(new URL('./lab.sh', import.meta.url));

/** Generous: the machine has 2 cores and other jobs run on it. */
const LAB_COMMAND_TIMEOUT_MS = 600_000;

async function lab(args: string[], input?: string): Promise<CommandResult> {
  return runCommand('bash', [LAB_SCRIPT, ...args], { input, timeoutMs: LAB_COMMAND_TIMEOUT_MS });
}

async function labOrThrow(args: string[]): Promise<CommandResult> {
  const result = await lab(args);
  if (result.status !== 0) throw new Error(describeFailure(`lab.sh ${args.join(' ')}`, result));
  return result;
}

export async function labUp(nodeCount: 1 | 2): Promise<LabEnv> {
  await labOrThrow(['up', String(nodeCount)]);
  return readLabEnv();
}

export async function labDown(): Promise<void> {
  await labOrThrow(['down']);
}

/** For process exit handlers, where nothing asynchronous runs any more. */
export function labDownSync(): void {
  spawnSync('bash', [LAB_SCRIPT, 'down'], { stdio: 'ignore', timeout: LAB_COMMAND_TIMEOUT_MS });
}

export async function labCrash(node: string): Promise<void> {
  await labOrThrow(['crash', node]);
}

export async function labRevive(node: string): Promise<void> {
  await labOrThrow(['revive', node]);
}

/** Takes NODE off the network (its bridge port down), as fencing would: see lab.sh isolate. */
export async function labIsolate(node: string): Promise<void> {
  await labOrThrow(['isolate', node]);
}

export async function labReconnect(node: string): Promise<void> {
  await labOrThrow(['reconnect', node]);
}

/** Runs argv inside NODE's namespaces (not over SSH). */
export function labExec(node: string, argv: string[], input?: string): Promise<CommandResult> {
  return lab(['exec', node, ...argv], input);
}

/** Runs a remote command over OpenSSH with the lab's ssh_config (host keys verified). */
export function sshRun(env: LabEnv, node: string, remoteCommand: string, input?: string): Promise<CommandResult> {
  return runCommand('ssh', ['-F', env.sshConfig, node, remoteCommand], { input, timeoutMs: 120_000 });
}

export async function crmMonView(observer: string): Promise<MonView | undefined> {
  const result = await labExec(observer, ['crm_mon', '-1', '--output-as=xml']);
  return result.status === 0 ? parseCrmMonXml(result.stdout) : undefined;
}

export async function waitFor(what: string, timeoutMs: number, condition: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** True when OBSERVER's crm_mon shows NODE with the given online state. */
export async function observerSees(observer: string, node: string, online: boolean): Promise<boolean> {
  const view = await crmMonView(observer);
  return view?.nodes.find((entry) => entry.name === node)?.online === online;
}

function daemonAlive(env: LabEnv, node: string, daemon: string): boolean {
  const dir = env.nodes.find((entry) => entry.name === node)?.dir;
  try {
    const pid = readFileSync(`${dir}/${daemon}.pid`, 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie is dead
  } catch {
    return false;
  }
}

/**
 * Puts the running cluster back to the configuration it had right after bring-up, without a
 * restart: reconnect isolated nodes, revive crashed ones, delete shadow CIBs on the nodes,
 * `cibadmin --replace` the baseline configuration, drop transient standby, clean up resource
 * history, and wait for the cluster to settle.
 */
export async function resetCluster(env: LabEnv): Promise<void> {
  for (const node of env.nodes) {
    // An isolated node cannot rejoin: put it back on the network before reviving it.
    if (existsSync(`${node.dir}/isolated`)) await labReconnect(node.name);
  }
  for (const node of env.nodes) {
    if (!daemonAlive(env, node.name, 'corosync')) await labRevive(node.name);
  }
  for (const node of env.nodes) {
    // Shadow CIBs made on a node (crm_shadow keeps them here for root): `cib new NAME` must work again.
    const cibDir = `${node.dir}/var-lib-pacemaker/cib`;
    for (const name of existsSync(cibDir) ? readdirSync(cibDir) : []) {
      if (name.startsWith('shadow.')) rmSync(`${cibDir}/${name}`, { force: true });
    }
  }
  const first = env.nodes[0].name;
  const steps: string[][] = [
    ['cibadmin', '--replace', '--scope', 'configuration', '--xml-file', env.baselineCib],
    ...env.nodes.map((node) => ['crm_attribute', '--node', node.name, '--name', 'standby', '--lifetime', 'reboot', '--delete']),
    ['crm_resource', '--cleanup'],
    ['crm_resource', '--wait', '--timeout=180s'],
  ];
  for (const argv of steps) {
    const result = await labExec(first, argv);
    if (result.status !== 0) throw new Error(describeFailure(`reset: ${argv.join(' ')} on ${first}`, result));
  }
  await labOrThrow(['wait-online']);
}

export { labDir };
