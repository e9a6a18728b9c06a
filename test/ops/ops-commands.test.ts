/**
 * The operational commands end to end in-process (run()), hermetic: CIB files, and stand-in
 * programs on PATH where a Pacemaker tool would run (real processes: a crm_mon that prints a
 * recorded XML, one that fails, one that hangs). Effects are asserted in the CIB file.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';

const OPS_BASE = readFileSync(join(REPO_ROOT, 'fixtures', 'crm', '600-ops-node-attribute', 'base.cib.xml'), 'utf8');
const MON_XML = join(REPO_ROOT, 'fixtures', 'crm-mon', 'sim3.mon.xml');

function withCib(): { dir: string; cib: string } {
  const dir = scratchDir('tcrm-ops-');
  const cib = join(dir, 'cib.xml');
  writeFileSync(cib, OPS_BASE);
  return { dir, cib };
}

/** A stand-in program in DIR/bin (a shell script), first on PATH. */
function fakeTool(dir: string, name: string, body: string): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
  return `${bin}:/usr/bin:/bin`;
}

describe('ops commands on a CIB file', () => {
  it('node standby writes crmsh’s nvpair (numeric id → num- prefix) and bumps epoch', async () => {
    const { dir, cib } = withCib();
    const r = await runTcrm(['node', 'standby', '127.0.0.1'], { dir, env: { CIB_file: cib } });
    expect(r.stdout).toBe('INFO: standby node 127.0.0.1\n');
    expect(r.code).toBe(0);
    const after = readFileSync(cib, 'utf8');
    expect(after).toContain('<nvpair id="num-3-instance_attributes-standby" name="standby" value="on"/>');
    expect(after).toMatch(/epoch="12"/);
  });

  it('node online sets standby off where it is (crmsh on a CIB file cannot: it asks crm_node)', async () => {
    const { dir, cib } = withCib();
    await runTcrm(['node', 'standby', '127.0.0.1'], { dir, env: { CIB_file: cib } });
    const r = await runTcrm(['node', 'online', '127.0.0.1'], { dir, env: { CIB_file: cib } });
    expect(r.stdout).toBe('INFO: online node 127.0.0.1\n');
    expect(readFileSync(cib, 'utf8')).toContain('name="standby" value="off"');
  });

  it('an unknown node or resource fails with crmsh’s text and leaves the file alone', async () => {
    const { dir, cib } = withCib();
    const script = writeScript(dir, 's.crm', 'node standby nosuch\nresource stop nosuch\nnode attribute nosuch set a b\n');
    const r = await runTcrm(['-f', script], { dir, env: { CIB_file: cib } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERROR: node.standby: Node "nosuch" is not a cluster node');
    expect(r.stderr).toContain('ERROR: Resource not found: nosuch');
    expect(r.stderr).toContain('crm_attribute: Could not map name=nosuch to a UUID');
    expect(readFileSync(cib, 'utf8')).toBe(OPS_BASE);
  });

  it('with uncommitted configure changes, resource stop only edits the session copy', async () => {
    const { dir, cib } = withCib();
    let stdout = '';
    const session = new Session({
      env: { CIB_file: cib, HOME: dir, XDG_STATE_HOME: join(dir, 'state'), TCRM_NO_LOCAL_CLUSTER: '1' },
      cwd: dir,
      out: streamOutput((t) => (stdout += t), () => {}),
      interactive: false,
      force: false,
      answerNo: false,
    });
    const line = (text: string) => splitLogicalLines(text, 't.crm')[0]!;
    expect(await session.executeLine(line('configure'))).toBe(true);
    expect(await session.executeLine(line('primitive extra Dummy'))).toBe(true);
    // Reach the resource level without leaving configure's state behind (as crmsh's shared CIB copy).
    session.levels = [];
    expect(await session.executeLine(line('resource stop p1'))).toBe(true);
    expect(stdout).toContain('INFO: Currently editing the CIB, changes will not be committed');
    expect(readFileSync(cib, 'utf8')).toBe(OPS_BASE);
    const { serializeDocument } = await import('../../src/shadow-cib/xml.js');
    expect(serializeDocument(session.configure!.working)).toContain('p1-meta_attributes-target-role');
  });
});

describe('status through a tool on PATH', () => {
  it('renders crm_mon’s XML like crm_mon -1 -r (crmsh’s default)', async () => {
    const { dir, cib } = withCib();
    const PATH = fakeTool(dir, 'crm_mon', `cat '${MON_XML}'`);
    const r = await runTcrm(['status'], { dir, env: { CIB_file: cib, PATH } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Full List of Resources:');
    expect(r.stdout).toContain('  * Node 127.0.0.1: standby\n');
    expect(r.stdout).toContain('    * p2\t(ocf:heartbeat:Dummy):\t Stopped (disabled)\n');
  });

  it('watch=N refreshes (bounded by TCRM_WATCH_COUNT here)', async () => {
    const { dir, cib } = withCib();
    const PATH = fakeTool(dir, 'crm_mon', `cat '${MON_XML}'`);
    const r = await runTcrm(['status', 'watch=1'], { dir, env: { CIB_file: cib, PATH, TCRM_WATCH_COUNT: '2' } });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/Cluster Summary:/g)?.length).toBe(2);
  });

  it('a failing crm_mon gives crmsh’s error line', async () => {
    const { dir, cib } = withCib();
    const PATH = fakeTool(dir, 'crm_mon', 'echo "crm_mon: Error: cluster is not available on this node" >&2; exit 102');
    const r = await runTcrm(['status'], { dir, env: { CIB_file: cib, PATH } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERROR: status: crm_mon (rc=102): crm_mon: Error: cluster is not available on this node');
  });

  it('a tool that stops answering is reported within the timeout, no hang', async () => {
    const { dir, cib } = withCib();
    const PATH = fakeTool(dir, 'crm_mon', 'exec sleep 60');
    const started = Date.now();
    const r = await runTcrm(['status'], { dir, env: { CIB_file: cib, PATH, TCRM_TOOL_TIMEOUT: '1' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('crm_mon did not answer within 1 s on local');
  });

  it('resource move runs crm_resource with crmsh’s argv and prints the clear hint', async () => {
    const { dir, cib } = withCib();
    const PATH = fakeTool(dir, 'crm_resource', `echo "$@" > '${join(dir, 'argv')}'`);
    const r = await runTcrm(['resource', 'move', 'p1', 'Lubuntu1'], { dir, env: { CIB_file: cib, PATH } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'argv'), 'utf8').trim()).toBe('--quiet --move --resource p1 --node Lubuntu1');
    expect(r.stdout).toBe('INFO: Move constraint created for p1 to Lubuntu1\nINFO: Use `crm resource clear p1` to remove this constraint\n');
  });
});

describe('ra without Pacemaker on the machine: bundled facts', () => {
  const NO_TOOLS = { PATH: '/nonexistent' };

  it('info lists parameters with required marks and advised timeouts', async () => {
    const dir = scratchDir('tcrm-ra-');
    const r = await runTcrm(['ra', 'info', 'IPaddr2'], { dir, env: NO_TOOLS });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('ocf:heartbeat:IPaddr2');
    expect(r.stdout).toMatch(/^ip\* \(string\): $/m);
    expect(r.stdout).toContain("Operations' defaults (advisory minimum):");
  });

  it('an unknown agent gets crmsh’s error', async () => {
    const dir = scratchDir('tcrm-ra-');
    const r = await runTcrm(['ra', 'info', 'ocf:heartbeat:Nope'], { dir, env: NO_TOOLS });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERROR: ocf:heartbeat:Nope: got no meta-data, does this RA exist?');
  });

  it('classes, providers and list come from the bundled lists', async () => {
    const dir = scratchDir('tcrm-ra-');
    const script = writeScript(dir, 'ra.crm', 'ra classes\nra providers IPaddr2\nra list ocf pacemaker\nra list nosuch\n');
    const r = await runTcrm(['-f', script], { dir, env: NO_TOOLS });
    expect(r.stdout).toMatch(/^ocf \/ .*heartbeat.*pacemaker/m);
    expect(r.stdout).toContain('heartbeat\n');
    expect(r.stdout).toMatch(/Dummy +HealthCPU/);
    expect(r.stderr).toContain('ERROR: ra.list: class nosuch does not exist');
  });
});
