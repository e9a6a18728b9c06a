/**
 * The failover lab once through tcrm's interactive REPL in a real terminal (tmux), over SSH to
 * the real two-node cluster: the handout's lines typed one by one at the prompt, the pending
 * changes committed by answering the question `end` asks, `cib commit config`, then
 * `node standby`/`online` from the same session. Checked as a user would: the prompt, crm_mon XML
 * (read by the harness), and which node's page the cluster IP serves to the host.
 * The batch-mode lab, with its timings, is lab-e2e.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCrmMonResources, runningOn } from '../cluster/crm-mon-resources.js';
import { servingNode } from '../cluster/http-page.js';
import { labExec, waitFor } from '../cluster/lab-control.js';
import type { LabEnv } from '../cluster/lab-env.js';
import { createTcrmDriver, TCRM_BUNDLE, type TcrmDriver } from '../cluster/tcrm-driver.js';
import { openTmuxTerminal, type TmuxTerminal } from '../cluster/tmux-terminal.js';
import { startOwnLab, stopOwnLab } from '../cluster/use-lab-cluster.js';

const NODE_A = 'Lubuntu';
const NODE_B = 'Lubuntu1';
const VIP = '10.200.0.100';
const WAIT_MS = 90_000;
const STEP_MS = 600_000;

let env: LabEnv | undefined;
let driver: TcrmDriver | undefined;
let term: TmuxTerminal | undefined;

let earlierStepFailed = false;

function terminal(): TmuxTerminal {
  if (!term || earlierStepFailed) throw new Error('the REPL is not where this step starts (an earlier step failed)');
  return term;
}

/**
 * Types LINE at the prompt and waits until it has run: the screen shows it after a prompt, and
 * ends with a fresh prompt matching PROMPT (crmsh's `crm(CIB/host)level# `).
 */
async function enter(line: string, prompt: RegExp): Promise<string> {
  await terminal().typeLine(line);
  const echoed = `# ${line}`;
  const screen = await terminal().waitScreen(`the command ${JSON.stringify(line)} to finish and a prompt ${prompt}`, WAIT_MS, (text) => {
    const at = text.lastIndexOf(echoed);
    if (at < 0) return false;
    const lines = text.slice(at + echoed.length).split('\n');
    return lines.length > 1 && prompt.test(lines[lines.length - 1]!.trimEnd());
  });
  // What the command printed: between its echo and the next prompt.
  const after = screen.slice(screen.lastIndexOf(echoed) + echoed.length).split('\n');
  return after.slice(1, -1).join('\n');
}

async function placedOn(ids: string[], node: string): Promise<boolean> {
  const result = await labExec(NODE_B, ['crm_mon', '-1', '--output-as=xml']);
  if (result.status !== 0) return false;
  const view = parseCrmMonResources(result.stdout);
  return ids.every((id) => runningOn(view, id).join() === node);
}

describe('failover lab through the REPL in a terminal', () => {
  // The steps continue one session: after a failure the next steps fail at once instead of
  // waiting for prompts that cannot come.
  beforeEach((context) => {
    context.onTestFailed(() => {
      earlierStepFailed = true;
    });
  });

  afterAll(async () => {
    await term?.close();
    driver?.dispose();
    // Also after a failed bring-up: the lock (and whatever `up` left) must not outlive the file.
    await stopOwnLab();
  }, STEP_MS);

  it('brings the cluster up and starts tcrm --hosts … in tmux', async () => {
    for (const command of ['tmux', 'apache2']) {
      const found = spawnSync('bash', ['-c', `PATH=$PATH:/usr/sbin command -v ${command}`], { stdio: 'ignore' }).status === 0;
      if (!found) throw new Error(`${command} is missing (Debian package ${command}): the REPL lab cannot run`);
    }
    env = await startOwnLab(2);
    driver = createTcrmDriver(env);
    term = await openTmuxTerminal(`tcrm-e2e-${process.pid}`, [process.execPath, TCRM_BUNDLE, '--hosts', driver.hostsArg], driver.env);
    await terminal().waitScreen('the first prompt', WAIT_MS, (text) => /crm\(live[^)]*\)# ?$/.test(text));
  }, 900_000);

  it('cib new config, configure, the handout’s lines, end → commit pending changes? y', async () => {
    expect(await enter('cib new config', /^crm\(config[^)]*\)#$/)).toContain('INFO: cib.new: config shadow CIB created');
    const configure = /^crm\(config[^)]*\)configure#$/;
    await enter('configure', configure);
    for (const line of [
      `primitive failoverip ocf:heartbeat:IPaddr params ip=${VIP} cidr_netmask=24 nic=eth0 op monitor interval="10s"`,
      'property stonith-enabled=false',
      'property no-quorum-policy=ignore',
      `location preferred-${NODE_A} failoverip 100: ${NODE_A}`,
      'primitive serviceWeb ocf:heartbeat:apache params configfile="/etc/apache2/apache2.conf" statusurl="http://localhost/server-status" op monitor interval=5s',
      'colocation serviceWeb-with-failoverip inf: serviceWeb failoverip',
      'order failoverip-before-serviceWeb Mandatory: failoverip serviceWeb',
    ]) {
      expect(await enter(line, configure)).not.toMatch(/^ERROR/m);
    }
    expect(await enter('verify', configure)).not.toMatch(/^ERROR/m);
    await terminal().typeLine('end');
    await terminal().waitScreen('the question about pending changes', WAIT_MS, (text) =>
      /Do you want to commit them \(y\/n\)\?/.test(text.slice(text.lastIndexOf('# end'))),
    );
    await terminal().typeLine('y');
    await terminal().waitScreen('the top-level prompt of the shadow', WAIT_MS, (text) => /\n[^\n]*crm\(config[^)]*\)#$/.test(text));
    // Into the shadow only: the cluster runs nothing yet.
    const live = await labExec(NODE_B, ['cibadmin', '-Q', '--scope', 'resources']);
    expect(live.stdout).not.toContain('failoverip');
  }, STEP_MS);

  it('cib commit config: the cluster IP serves Lubuntu’s page', async () => {
    const printed = await enter('cib commit config', /^crm\(config[^)]*\)#$/);
    expect(printed).toContain("INFO: cib.commit: committed 'config' shadow CIB to the cluster");
    await waitFor(`HTTP on ${VIP} from ${NODE_A}`, WAIT_MS, async () => (await servingNode(VIP)) === NODE_A);
    await waitFor('both resources on Lubuntu (crm_mon)', WAIT_MS, () => placedOn(['failoverip', 'serviceWeb'], NODE_A));
  }, STEP_MS);

  it('cib use live; node standby Lubuntu → Lubuntu1 serves; node online → back; quit', async () => {
    const live = /^crm\(live[^)]*\)#$/;
    await enter('cib use live', live);
    expect(await enter(`node standby ${NODE_A}`, live)).toContain(`INFO: standby node ${NODE_A}`);
    await waitFor(`HTTP on ${VIP} from ${NODE_B}`, WAIT_MS, async () => (await servingNode(VIP)) === NODE_B);
    await waitFor('both resources on Lubuntu1 (crm_mon)', WAIT_MS, () => placedOn(['failoverip', 'serviceWeb'], NODE_B));
    expect(await enter(`node online ${NODE_A}`, live)).toContain(`INFO: online node ${NODE_A}`);
    await waitFor(`HTTP on ${VIP} from ${NODE_A}`, WAIT_MS, async () => (await servingNode(VIP)) === NODE_A);
    await terminal().typeLine('quit');
    await waitFor('tcrm to exit after quit', 60_000, async () => !(await terminal().alive()));
  }, STEP_MS);
});
