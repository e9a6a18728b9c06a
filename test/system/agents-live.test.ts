/**
 * Agent data and crm_verify over the live transport (issue 3 items 1-2, issue 7 item 5), against
 * a real OpenSSH sshd on loopback (test/helpers/sshd.ts) whose sessions run real crm_resource,
 * cibadmin and crm_verify on a CIB file (`SetEnv CIB_file=…`).
 *
 * The "node" has an OCF agent this machine lacks: crm_resource only reads the compiled
 * /usr/lib/ocf/resource.d (it ignores OCF_ROOT), so the sshd's ForceCommand runs each command in
 * its own mount namespace (unshare -m) where that directory is a copy with one more provider,
 * `tcrmnode`, whose `NodeOnly` agent is a real script printing real metadata. Nothing changes
 * outside that namespace. Needs root (the mounts); OpenSSH, Pacemaker's tools and root missing
 * fail when CI=true and skip otherwise.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgentMetadata } from '../../src/agents/parse-metadata.js';
import { agentCatalogFor, agentSourceFor } from '../../src/session/agent-source.js';
import { liveNodeNames } from '../../src/session/live-nodes.js';
import { liveVerifyFindings } from '../../src/session/live-verify.js';
import { checkAtCommit } from '../../src/commit/cluster-checks.js';
import { parseXml } from '../../src/shadow-cib/xml.js';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { openCluster } from '../../src/transport/cluster.js';
import type { ClusterProfile } from '../../src/transport/profile.js';
import type { ExecOptions, Transport } from '../../src/transport/types.js';
import { haveOpenSsh, requireOpenSsh, startSshd, type Sshd } from '../helpers/sshd.js';
import { runTcrm } from '../helpers/run-tcrm.js';

requireOpenSsh('the live agents system test');
const havePacemaker = spawnSync('crm_resource', ['--list-standards'], { encoding: 'utf8' }).status === 0;
const isRoot = process.getuid?.() === 0;
const haveUnshare = spawnSync('unshare', ['--version'], { encoding: 'utf8' }).status === 0;
if (process.env.CI === 'true') {
  if (!havePacemaker) throw new Error('crm_resource is not installed (pacemaker-cli-utils): live agent data cannot be tested');
  if (!isRoot || !haveUnshare) throw new Error('the live agents test needs root and unshare (util-linux) to give the test node its own OCF agent');
}
const runnable = haveOpenSsh() && havePacemaker && isRoot && haveUnshare;

const scratch = mkdtempSync(join(tmpdir(), 'tcrm-agents-live-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NODE_ONLY_AGENT = `#!/bin/sh
case "$1" in
meta-data) cat <<'XML'
<?xml version="1.0"?>
<resource-agent name="NodeOnly" version="1.0">
<version>1.0</version>
<shortdesc lang="en">An agent only the node has</shortdesc>
<longdesc lang="en">Installed on the test node only.</longdesc>
<parameters>
<parameter name="color" required="1"><shortdesc lang="en">colour</shortdesc><content type="string"/></parameter>
</parameters>
<actions>
<action name="start" timeout="33s"/>
<action name="stop" timeout="44s"/>
<action name="monitor" timeout="20s" interval="10s"/>
<action name="meta-data" timeout="5s"/>
</actions>
</resource-agent>
XML
exit 0;;
*) exit 3;;
esac
`;

/** The node's OCF tree: this machine's providers (through a bind mount) plus `tcrmnode`. */
function nodeOcfTree(): { orig: string; tree: string } {
  const orig = join(scratch, 'ocf-orig');
  const tree = join(scratch, 'ocf-node');
  mkdirSync(orig);
  mkdirSync(join(tree, 'tcrmnode'), { recursive: true });
  for (const p of ['heartbeat', 'pacemaker', 'linbit']) symlinkSync(join(orig, p), join(tree, p));
  writeFileSync(join(tree, 'tcrmnode', 'NodeOnly'), NODE_ONLY_AGENT);
  chmodSync(join(tree, 'tcrmnode', 'NodeOnly'), 0o755);
  return { orig, tree };
}

/** sshd's ForceCommand: the client's command in a mount namespace that has the node's tree. */
function nodeShell(orig: string, tree: string): string {
  const path = join(scratch, 'node-shell.sh');
  writeFileSync(
    path,
    '#!/bin/sh\n' +
      'exec unshare -m --propagation private /bin/sh -c ' +
      `'mount --bind /usr/lib/ocf/resource.d "$1" && mount --bind "$2" /usr/lib/ocf/resource.d && exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"'` +
      ` node-shell '${orig}' '${tree}'\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

/** The oracle's base CIB (nodes Lubuntu, Lubuntu1) with the lab's resources. */
function cibFile(name: string, resources: string[], rootAttrs = ''): string {
  const path = join(scratch, name);
  const base = spawnSync('cibadmin', ['--empty'], { encoding: 'utf8' }).stdout;
  writeFileSync(path, rootAttrs ? base.replace('<cib ', `<cib ${rootAttrs} `) : base);
  const env = { ...process.env, CIB_file: path };
  for (const [id, uname] of [['1', 'Lubuntu'], ['2', 'Lubuntu1']]) {
    spawnSync('cibadmin', ['-C', '-o', 'nodes', '-X', `<node id="${id}" uname="${uname}"/>`], { env });
  }
  spawnSync('cibadmin', ['-C', '-o', 'crm_config', '-X', '<cluster_property_set id="cib-bootstrap-options"><nvpair id="o-st" name="stonith-enabled" value="false"/></cluster_property_set>'], { env });
  for (const r of resources) {
    const made = spawnSync('cibadmin', ['-C', '-o', 'resources', '-X', r], { env, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`cibadmin refused ${r}: ${made.stderr}`);
  }
  return path;
}

const RESOURCES = [
  '<primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2"><instance_attributes id="vip-ia"><nvpair id="vip-ip" name="ip" value="172.31.0.100"/></instance_attributes></primitive>',
  '<primitive id="web" class="ocf" provider="heartbeat" type="apache"><instance_attributes id="web-ia"><nvpair id="web-cf" name="configfile" value="/etc/apache2/apache2.conf"/></instance_attributes></primitive>',
  '<primitive id="only" class="ocf" provider="tcrmnode" type="NodeOnly"><instance_attributes id="only-ia"><nvpair id="only-c" name="color" value="red"/></instance_attributes></primitive>',
];

let node: Sshd;
let nodeCib: string;

/** A transport that counts what ran through it (argv of each exec). */
class CountingTransport implements Transport {
  readonly runs: string[][] = [];
  constructor(private readonly inner: Transport) {}
  get where(): string {
    return this.inner.where;
  }
  get nodeName(): string | undefined {
    return this.inner.nodeName;
  }
  inFlight = 0;
  maxInFlight = 0;
  async exec(argv: string[], opts?: ExecOptions) {
    this.runs.push(argv);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      return await this.inner.exec(argv, opts);
    } finally {
      this.inFlight--;
    }
  }
  close() {
    return this.inner.close();
  }
}

function sessionOverSsh(extraEnv: Record<string, string> = {}): { session: Session; out: () => string; transports: CountingTransport[] } {
  let text = '';
  const transports: CountingTransport[] = [];
  const profile: ClusterProfile = {
    source: 'test',
    nodes: [{ host: '127.0.0.1', port: node.port, spec: `127.0.0.1:${node.port}` }],
    sudo: false,
  };
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: node.home,
    USER: node.user,
    XDG_STATE_HOME: join(scratch, 'state'),
    XDG_CONFIG_HOME: join(scratch, 'config'),
    TCRM_NO_LOCAL_CLUSTER: '1',
    LANG: 'C',
    ...extraEnv,
  };
  const session = new Session({
    env,
    cwd: scratch,
    out: streamOutput((t) => (text += t), (t) => (text += t)),
    interactive: false,
    force: false,
    answerNo: false,
    openTransport: async () => {
      const t = new CountingTransport(await openCluster(profile, env, { notice: (n) => (text += n + '\n') }, { acceptNewHostKey: false, lang: 'en' }));
      transports.push(t);
      return t;
    },
  });
  return { session, out: () => text, transports };
}

async function runLines(session: Session, text: string): Promise<boolean> {
  let ok = true;
  for (const line of splitLogicalLines(text, '<test>')) ok = (await session.executeLine(line)) && ok;
  return ok;
}

const metadataRuns = (t: CountingTransport): string[][] => t.runs.filter((a) => a[0] === 'crm_resource' && a[1] === '--show-metadata');

describe.skipIf(!runnable)('agents and crm_verify over SSH', () => {
  beforeAll(async () => {
    const { orig, tree } = nodeOcfTree();
    // no have-quorum on the node's CIB: crm_verify there says so, a line tcrm's emulation omits
    nodeCib = cibFile('node.xml', RESOURCES);
    node = await startSshd({ extraConfig: [`SetEnv CIB_file=${nodeCib}`, `ForceCommand ${nodeShell(orig, tree)}`] });
    appendFileSync(join(node.home, '.ssh', 'known_hosts'), `[127.0.0.1]:${node.port} ${node.hostKeyPub}\n`);
  }, 30_000);

  afterAll(async () => {
    await node?.stop();
  });

  it('metadata read over SSH equals local crm_resource\'s (IPaddr2, apache)', async () => {
    const { session } = sessionOverSsh();
    const catalog = await agentCatalogFor(session, ['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:apache']);
    expect((await agentSourceFor(session)).source).toMatch(/^node:/);
    for (const agent of ['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:apache']) {
      const local = spawnSync('crm_resource', ['--show-metadata', agent], { encoding: 'utf8' });
      expect(local.status).toBe(0);
      expect(catalog.metadata(agent)).toEqual(readAgentMetadata(local.stdout, { prose: true }));
      expect(catalog.metadata(agent)?.longdesc).toBeTruthy();
    }
    await session.finish();
  }, 60_000);

  it('many agents at once stay under sshd\'s MaxSessions: every one read, at most 4 channels open', async () => {
    const { session, transports } = sessionOverSsh();
    const heartbeat = spawnSync('crm_resource', ['--list-agents', 'ocf:heartbeat'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const agents = heartbeat.slice(0, 24).map((a) => `ocf:heartbeat:${a}`);
    expect(agents).toHaveLength(24);
    const catalog = await agentCatalogFor(session, agents);
    expect(agents.filter((a) => catalog.metadata(a) === null)).toEqual([]);
    expect(transports[0]!.maxInFlight).toBeLessThanOrEqual(4);
    expect(metadataRuns(transports[0]!)).toHaveLength(24);
    await session.finish();
  }, 120_000);

  it('an agent only the node has is found when connected and absent offline', async () => {
    const { session, out } = sessionOverSsh();
    const catalog = await agentCatalogFor(session, ['ocf:tcrmnode:NodeOnly']);
    expect(catalog.ocfProviders()).toContain('tcrmnode');
    expect(catalog.list('ocf', 'tcrmnode')).toEqual(['NodeOnly']);
    expect(catalog.metadata('ocf:tcrmnode:NodeOnly')?.params.map((p) => p.name)).toEqual(['color']);
    expect(await runLines(session, 'configure\nverify\nup')).toBe(true);
    expect(out()).not.toContain('NodeOnly');
    await session.finish();

    // The same configuration offline (a CIB file here): this machine has no such agent.
    const dir = mkdtempSync(join(scratch, 'offline-'));
    const copy = join(dir, 'cib.xml');
    copyFileSync(nodeCib, copy);
    const offline = await runTcrm(['configure', 'verify'], { dir, env: { CIB_file: copy, PATH: process.env.PATH ?? '' } });
    expect(offline.stderr).toContain('ERROR: ocf:tcrmnode:NodeOnly: got no meta-data, does this RA exist?');
    expect(offline.code).toBe(1);
  }, 60_000);

  it('TCRM_AGENT_SOURCE=bundled switches the tools off: no crm_resource runs, the node-only agent is absent', async () => {
    const { session, out, transports } = sessionOverSsh({ TCRM_AGENT_SOURCE: 'bundled' });
    expect((await agentSourceFor(session)).source).toBe('bundled');
    expect(await runLines(session, 'configure\nverify')).toBe(false);
    expect(out()).toContain('ERROR: ocf:tcrmnode:NodeOnly: got no meta-data, does this RA exist?');
    expect(transports[0]!.runs.filter((a) => a[0] === 'crm_resource')).toEqual([]);
    await session.dropTransport();
  }, 60_000);

  it('verify reads each agent\'s metadata once per session: the second verify runs no crm_resource', async () => {
    const { session, transports } = sessionOverSsh();
    expect(await runLines(session, 'configure\nverify')).toBe(true);
    const t = transports[0]!;
    // one metadata read per agent the CIB uses, at most
    expect(metadataRuns(t).map((a) => a[2]).sort()).toEqual(['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:apache', 'ocf:tcrmnode:NodeOnly']);
    const listing = t.runs.filter((a) => a[0] === 'crm_resource').length;
    expect(listing).toBeLessThan(20);
    const before = t.runs.length;
    expect(await runLines(session, 'verify')).toBe(true);
    const second = t.runs.slice(before);
    expect(second.filter((a) => a[0] === 'crm_resource')).toEqual([]);
    // what the second verify still runs: crm_verify on the node, nothing per agent
    expect(second).toEqual([['crm_verify', '-VV', '--xml-pipe']]);
    expect(transports).toHaveLength(1);
    await session.finish();
  }, 60_000);

  it('node names are read live: the CIB\'s nodes (crm_node -l has no membership on a CIB file)', async () => {
    const { session } = sessionOverSsh();
    expect(await liveNodeNames(session)).toEqual(['Lubuntu', 'Lubuntu1']);
    await session.finish();
  }, 60_000);

  it('a location on an unknown node: verify asks the node for its names, then still warns once', async () => {
    const { session, out, transports } = sessionOverSsh();
    expect(await runLines(session, 'configure\nlocation l-vip vip 100: Nowhere\nverify')).toBe(true);
    expect(out().split('\n').filter((l) => l.includes('referenced node Nowhere does not exist'))).toHaveLength(1);
    expect(transports[0]!.runs).toContainEqual(['cibadmin', '-Q', '-o', 'nodes']);
    // not finish(): leaving configure would commit the location to the node's CIB
    await session.dropTransport();
  }, 60_000);

  it('on the live CIB, crm_verify runs on the node: its own line shown once, at its real level', async () => {
    const { session, out, transports } = sessionOverSsh();
    expect(await runLines(session, 'configure\nverify')).toBe(true);
    const quorum = '(cluster_status) \twarning: Fencing and resource management disabled due to lack of quorum';
    expect(out().split('\n').filter((l) => l.includes('lack of quorum'))).toEqual([`WARNING: ${quorum}`]);
    expect(out().split('\n').filter((l) => l.includes('Blind faith'))).toHaveLength(1);
    const verify = transports[0]!.runs.filter((a) => a[0] === 'crm_verify');
    expect(verify).toEqual([['crm_verify', '-VV', '--xml-pipe']]);
    await session.finish();
  }, 60_000);
});

describe.skipIf(!havePacemaker)('crm_verify with --live on a CIB file', () => {
  const bogus = [
    '<primitive id="d" class="ocf" provider="heartbeat" type="Dummy"><meta_attributes id="d-m"><nvpair id="d-m-t" name="target-role" value="Bogus"/></meta_attributes></primitive>',
  ];

  it('a configuration crm_verify rejects: each of its errors once, as an ERROR, and verify fails', async () => {
    const dir = mkdtempSync(join(scratch, 'live-flag-'));
    const cib = cibFile('bogus-role.xml', bogus);
    const r = await runTcrm(['--live', 'configure', 'verify'], { dir, env: { CIB_file: cib, PATH: process.env.PATH ?? '' } });
    const lines = (r.stdout + r.stderr).split('\n');
    expect(lines.filter((l) => l.includes('Unknown role: Bogus'))).toEqual(['ERROR: (text2role) \terror: Unknown role: Bogus']);
    expect(lines.filter((l) => l.includes("Ignoring 'target-role' for d"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('crm_verify: Errors found during check'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('lack of quorum'))).toEqual([]);
    expect(r.code).toBe(1);
  });

  it('the commit gate\'s call: blocking as crm_verify says, nothing repeated; no primitive, no crm_verify (crmsh\'s rule)', async () => {
    const dir = mkdtempSync(join(scratch, 'gate-'));
    const live = new Session({ env: { PATH: process.env.PATH, TCRM_NO_LOCAL_CLUSTER: '1', XDG_STATE_HOME: dir }, cwd: dir, out: streamOutput(() => {}, () => {}), interactive: false, force: false, answerNo: false, live: true });
    const doc = parseXml(readFileSync(cibFile('gate.xml', bogus), 'utf8'));
    const gate = checkAtCommit(doc);
    const real = await liveVerifyFindings(live, doc, gate.lines, 'commit');
    expect(real?.rc).toBe(78);
    expect(real?.blocking).toBe(true);
    expect(real?.diagnostics).toEqual([]);
    const empty = parseXml(readFileSync(cibFile('gate-empty.xml', []), 'utf8'));
    expect(await liveVerifyFindings(live, empty, [], 'commit')).toBeNull();
    const offline = new Session({ env: { PATH: process.env.PATH, TCRM_NO_LOCAL_CLUSTER: '1', XDG_STATE_HOME: dir }, cwd: dir, out: streamOutput(() => {}, () => {}), interactive: false, force: false, answerNo: false });
    expect(await liveVerifyFindings(offline, doc, [], 'commit')).toBeNull();
  });

  it('--live runs the real crm_verify (without it, none runs): missing, it is a warning, not a crash', async () => {
    const dir = mkdtempSync(join(scratch, 'live-flag-'));
    const cib = cibFile('bogus-role-2.xml', bogus);
    const without = await runTcrm(['--live', 'configure', 'verify'], { dir, env: { CIB_file: cib, PATH: '/nonexistent' } });
    expect(without.stdout).toContain("WARNING: crm_verify is not installed on local (Pacemaker's pacemaker-cli-utils): only tcrm's own checks ran");
    const plain = await runTcrm(['configure', 'verify'], { dir, env: { CIB_file: cib, PATH: '/nonexistent' } });
    expect(plain.stdout + plain.stderr).not.toContain('crm_verify is not installed');
    // the emulated lines are there either way
    expect(plain.stderr).toContain('ERROR: (text2role) \terror: Unknown role: Bogus');
  });
});
