/**
 * Operating the lab's real two-node cluster with tcrm (the shipped bundle), issue 8. tcrm runs
 * on the host over SSH (`tcrm --hosts root@10.200.0.11,root@10.200.0.12`, host keys verified);
 * `LAB_OPS_VIA=node` runs it inside node Lubuntu's namespaces instead (the node sees /work),
 * where it works on the local live cluster like crm does. every effect is asserted in `crm_mon --output-as=xml` or the CIB as
 * the node itself reports it (labExec, not tcrm), and tcrm's output is compared with crmsh's
 * (`crm` run on the node) where crmsh prints the same thing. Takes the machine's lab lock
 * (use-lab-cluster.ts); a missing prerequisite fails the file, never skips it.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labExec, waitFor } from '../cluster/lab-control.js';
import { failCount, parseCrmMonResources, runningOn } from '../cluster/crm-mon-resources.js';
import { createTcrmDriver, TCRM_BUNDLE, type TcrmDriver } from '../cluster/tcrm-driver.js';
import { readFileSync } from 'node:fs';
import { useLabCluster } from '../cluster/use-lab-cluster.js';

const MISSING = ['crm', 'crm_mon', 'crm_resource', 'cibadmin', 'ssh', 'sshd', 'corosync', 'pacemakerd'].filter(
  (c) => spawnSync('bash', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status !== 0,
);

const lab = useLabCluster(2);
const NODES = ['Lubuntu', 'Lubuntu1'];
const VIA_SSH = process.env.LAB_OPS_VIA !== 'node';

interface Runner {
  run(args: string[], env?: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string; text: string }>;
  dispose(): void;
}
let driver: TcrmDriver | undefined;
let tcrm: Runner;

/** tcrm inside NODE's namespaces: the bundle, on the node's own live cluster. */
function onNode(node: string): Runner {
  return {
    async run(args, env = {}) {
      const vars = Object.entries({ NO_COLOR: '1', TCRM_SIMPLE_PROMPT: '1', ...env }).map(([k, v]) => `${k}=${v}`);
      const r = await labExec(node, ['env', ...vars, process.execPath, TCRM_BUNDLE, ...args]);
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, text: r.stdout + r.stderr };
    },
    dispose() {},
  };
}

beforeAll(() => {
  if (MISSING.length > 0) throw new Error(`ops-cluster needs: ${MISSING.join(', ')}`);
  if (VIA_SSH) {
    const d = createTcrmDriver(lab());
    driver = d;
    tcrm = { run: (args) => d.run(args), dispose: () => d.dispose() };
  } else {
    tcrm = onNode('Lubuntu');
  }
});
afterAll(() => {
  tcrm?.dispose();
  driver?.dispose();
});

async function monXml(): Promise<string> {
  const r = await labExec('Lubuntu', ['crm_mon', '-1', '--output-as=xml']);
  if (r.status !== 0) throw new Error(`crm_mon failed: ${r.stderr}`);
  return r.stdout;
}
const mon = async () => parseCrmMonResources(await monXml());

async function cibXml(): Promise<string> {
  return (await labExec('Lubuntu', ['cibadmin', '-Q'])).stdout;
}

/** A Dummy with a monitor op, started and settled. */
async function addDummy(id: string): Promise<string> {
  const xml = `<primitive id="${id}" class="ocf" provider="heartbeat" type="Dummy"><operations><op id="${id}-monitor-10s" name="monitor" interval="10s"/></operations></primitive>`;
  const r = await labExec('Lubuntu', ['cibadmin', '-C', '-o', 'resources', '-X', xml]);
  if (r.status !== 0) throw new Error(r.stderr);
  await waitFor(`${id} started`, 60_000, async () => runningOn(await mon(), id).length === 1);
  return runningOn(await mon(), id)[0]!;
}

const other = (node: string): string => NODES.find((n) => n !== node)!;

describe('ops on the live cluster (issue 8)', () => {
  it('node standby moves the resource away; online lets it back', async () => {
    const where = await addDummy('d1');
    const r = await tcrm.run(['node', 'standby', where]);
    expect(r.text).toContain(`INFO: standby node ${where}`);
    expect(r.status).toBe(0);
    await waitFor('d1 moves off the standby node', 60_000, async () => runningOn(await mon(), 'd1')[0] === other(where));
    expect(await monXml()).toMatch(new RegExp(`name="${where}"[^>]*standby="true"`));
    const on = await tcrm.run(['node', 'online', where]);
    expect(on.status).toBe(0);
    expect(on.text).toContain(`INFO: online node ${where}`);
    await waitFor('node online again', 60_000, async () => new RegExp(`name="${where}"[^>]*standby="false"`).test(await monXml()));
  }, 240_000);

  it('locate names the node crm_mon shows; status matches crm_mon -1 -r', async () => {
    const where = await addDummy('d2');
    const r = await tcrm.run(['resource', 'locate', 'd2']);
    expect(r.stdout.trim()).toBe(`resource d2 is running on: ${where}`);
    const ours = await tcrm.run(['status']);
    const theirs = await labExec('Lubuntu', ['crm_mon', '-1', '-r']);
    // Times of the two runs differ; everything else must be crm_mon's text.
    const strip = (t: string) => t.replace(/Last updated: .*/, '').replace(/\(last updated [^)]*\)/, '').trim();
    expect(ours.status).toBe(0);
    expect(strip(ours.stdout)).toBe(strip(theirs.stdout));
  }, 240_000);

  it('move adds cli-prefer (with crmsh’s INFO lines), clear removes it', async () => {
    const where = await addDummy('d3');
    const target = other(where);
    const r = await tcrm.run(['resource', 'move', 'd3', target]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`INFO: Move constraint created for d3 to ${target}`);
    expect(r.stdout).toContain('INFO: Use `crm resource clear d3` to remove this constraint');
    expect(await cibXml()).toContain('id="cli-prefer-d3"');
    await waitFor('d3 moved', 60_000, async () => runningOn(await mon(), 'd3')[0] === target);
    const c = await tcrm.run(['resource', 'clear', 'd3']);
    expect(c.status).toBe(0);
    expect(c.stdout).toContain('INFO: Removed migration constraints for d3');
    expect(await cibXml()).not.toContain('cli-prefer-d3');
  }, 240_000);

  it('cleanup clears the fail count', async () => {
    const where = await addDummy('d4');
    const f = await labExec('Lubuntu', ['crm_resource', '--fail', '--resource', 'd4', '--node', where]);
    expect(f.status).toBe(0);
    await waitFor('fail count recorded', 60_000, async () => failCount(await mon(), where, 'd4') > 0);
    const shown = await tcrm.run(['resource', 'failcount', 'd4', 'show', where]);
    expect(shown.stdout).toMatch(/name=fail-count-d4 value=[1-9]/);
    const r = await tcrm.run(['resource', 'cleanup', 'd4']);
    expect(r.status).toBe(0);
    await waitFor('fail count cleared', 60_000, async () => failCount(await mon(), where, 'd4') === 0);
  }, 240_000);

  it('-w waits until the cluster is idle: the stop has happened when tcrm returns', async () => {
    await addDummy('d5');
    const r = await tcrm.run(['-w', 'resource', 'stop', 'd5']);
    // crm_resource --wait returned, so the transition is complete: no waiting here.
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('waiting for the cluster to settle');
    expect(runningOn(await mon(), 'd5')).toEqual([]);
  }, 240_000);

  it('param/meta set and show go through crm_resource on the node', async () => {
    await addDummy('d6');
    const s = await tcrm.run(['resource', 'param', 'd6', 'set', 'fake', 'xyz']);
    expect(s.stdout.trim()).toBe("Set 'd6' option: id=d6-instance_attributes-fake set=d6-instance_attributes name=fake value=xyz");
    const g = await tcrm.run(['resource', 'param', 'd6', 'show', 'fake']);
    expect(g.stdout.trim()).toBe('xyz');
    const a = await tcrm.run(['node', 'attribute', 'Lubuntu', 'set', 'color', 'red']);
    expect(a.status).toBe(0);
    expect((await tcrm.run(['node', 'attribute', 'Lubuntu', 'show', 'color'])).stdout.trim()).toBe('scope=nodes  name=color value=red');
  }, 240_000);

  it('ra info IPaddr2 is crmsh’s text, with ip required', async () => {
    const ours = await tcrm.run(['ra', 'info', 'ocf:heartbeat:IPaddr2']);
    const theirs = await labExec('Lubuntu', ['crm', 'ra', 'info', 'ocf:heartbeat:IPaddr2']);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toMatch(/^ip\* \(string\): /m);
    expect(ours.stdout).toBe(theirs.stdout);
  }, 120_000);

  it('a node that stops answering gives a clear error within the timeout, no hang', async () => {
    // The CIB daemon of node Lubuntu is frozen (SIGSTOP): every tool asking it hangs.
    const node = lab().nodes.find((n) => n.name === 'Lubuntu')!;
    const pacemakerd = readFileSync(`${node.dir}/pacemakerd.pid`, 'utf8').trim();
    const children = readFileSync(`/proc/${pacemakerd}/task/${pacemakerd}/children`, 'utf8').trim().split(/\s+/);
    const based = children.find((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'pacemaker-based');
    expect(based, 'pacemaker-based of Lubuntu').toBeDefined();
    process.kill(Number(based), 'SIGSTOP');
    try {
      // On the node itself: the tool hangs, tcrm's timeout names it.
      let started = Date.now();
      const r = await onNode('Lubuntu').run(['node', 'attribute', 'Lubuntu', 'show', 'color'], { TCRM_TOOL_TIMEOUT: '8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('ERROR: crm_attribute did not answer within 8 s on local');
      expect(Date.now() - started).toBeLessThan(60_000);
      // Over SSH to that node only: an error, not a hang.
      const one = createTcrmDriver({ ...lab(), nodes: lab().nodes.filter((n) => n.name === 'Lubuntu') });
      try {
        one.env.TCRM_TOOL_TIMEOUT = '8';
        started = Date.now();
        const s = await one.run(['node', 'attribute', 'Lubuntu', 'show', 'color']);
        expect(s.status).toBe(1);
        expect(s.stderr).toMatch(/ERROR: .*(did not answer|could not|failed|timed out)/i);
        expect(Date.now() - started).toBeLessThan(90_000);
      } finally {
        one.dispose();
      }
    } finally {
      process.kill(Number(based), 'SIGCONT');
    }
  }, 240_000);
});
