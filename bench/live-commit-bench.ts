/**
 * The live commit, measured: round trips (commands run on the node) and connections per commit,
 * and the time of a 1,000-resource commit — through LocalTransport with CIB_file (real cibadmin
 * writing a file) and over loopback SSH (a real sshd from test/helpers/sshd.ts with
 * `SetEnv CIB_file=…`) when OpenSSH is installed. Two commits each: 1,000 primitives added to a
 * small CIB, then one attribute changed in that 1,000-resource CIB.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readLiveCib } from '../src/commit/live-read.js';
import { commitLive } from '../src/commit/live-target.js';
import { createPatch } from '../src/commit/patch.js';
import { firstChild, parseXml, serializeDocument, type Document } from '../src/shadow-cib/xml.js';
import { LocalTransport } from '../src/transport/local.js';
import type { Transport } from '../src/transport/types.js';
import { haveOpenSsh, startSshd } from '../test/helpers/sshd.js';
import { startCib } from '../test/commit/live-mutator.js';

const N = Number(process.env.BENCH_LIVE_RESOURCES ?? 1000);

function freshCib(dir: string): string {
  const cib = join(dir, `cib-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(cib, startCib());
  spawnSync('cibadmin', ['-M', '-X', '<cib admin_epoch="0"/>'], { env: { ...process.env, CIB_file: cib } });
  return cib;
}

function withResources(doc: Document, n: number): Document {
  const copy = parseXml(serializeDocument(doc));
  const resources = firstChild(firstChild(copy.documentElement!, 'configuration')!, 'resources')!;
  let xml = '<r>';
  for (let i = 0; i < n; i++) {
    xml += `<primitive id="d${i}" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes id="d${i}-ia"><nvpair id="d${i}-ia-state" name="state" value="/run/d${i}.state"/></instance_attributes><operations><op name="monitor" interval="10s" timeout="20s" id="d${i}-monitor-10s"/></operations></primitive>`;
  }
  for (const el of Array.from(parseXml(xml + '</r>').documentElement!.childNodes)) resources.appendChild(copy.importNode(el, true));
  return copy;
}

function withOneChange(doc: Document): Document {
  const copy = parseXml(serializeDocument(doc));
  const nvs = copy.getElementsByTagName('nvpair');
  for (let i = 0; i < nvs.length; i++) if (nvs.item(i)!.getAttribute('id') === `d${N >> 1}-ia-state`) nvs.item(i)!.setAttribute('value', '/run/changed');
  return copy;
}

interface Row {
  label: string;
  seconds: number;
  execs: number;
  connections: number;
  patchKb: number;
}

async function measure(
  label: string,
  transport: () => Promise<Transport>,
  env: Record<string, string> | undefined,
  logins: () => number,
): Promise<Row[]> {
  const rows: Row[] = [];
  const before = logins();
  let t = await transport();
  const reconnect = async (): Promise<Transport> => (t = await transport());
  const start = await readLiveCib(t, { env });
  if (!start.doc) throw new Error(start.diagnostics.map((d) => d.message).join('\n'));
  let loaded = start.doc;
  for (const [what, make] of [
    [`add ${N} primitives`, (d: Document) => withResources(d, N)],
    [`change 1 attribute of ${N}`, withOneChange],
  ] as const) {
    const working = make(loaded);
    const patchKb = Buffer.byteLength(createPatch(loaded, working).xml) / 1024;
    const connectionsBefore = logins();
    const t0 = performance.now();
    const r = await commitLive(t, loaded, working, { env, force: false, replace: false, reconnect });
    const seconds = (performance.now() - t0) / 1000;
    if (!r.ok || !r.after) throw new Error(`${label} ${what}: ${r.diagnostics.map((d) => d.message).join('\n')}`);
    rows.push({ label: `${label}: ${what}`, seconds, execs: r.execs, connections: logins() - connectionsBefore, patchKb });
    loaded = r.after.doc;
  }
  await t.close();
  rows.push({ label: `${label}: whole session`, seconds: NaN, execs: NaN, connections: logins() - before, patchKb: NaN });
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'tcrm-live-bench-'));
const rows: Row[] = [];
{
  const cib = freshCib(dir);
  rows.push(...(await measure('local+CIB_file', async () => new LocalTransport({ PATH: process.env.PATH }), { CIB_file: cib }, () => 0)));
}
if (haveOpenSsh()) {
  const cib = freshCib(dir);
  const sshd = await startSshd({ extraConfig: [`SetEnv CIB_file=${cib}`] });
  appendFileSync(join(sshd.home, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd.port} ${sshd.hostKeyPub}\n`);
  const { openCluster } = await import('../src/transport/cluster.js');
  const profile = { source: 'bench', nodes: [{ host: '127.0.0.1', port: sshd.port, spec: `127.0.0.1:${sshd.port}` }], sudo: false };
  const env = { HOME: sshd.home, USER: sshd.user, PATH: process.env.PATH ?? '' };
  try {
    rows.push(
      ...(await measure('loopback SSH', () => openCluster(profile, env, { notice: () => {} }, { acceptNewHostKey: false, lang: 'en' }), undefined, () =>
        sshd.acceptedLogins(),
      )),
    );
  } finally {
    await sshd.stop();
  }
} else {
  console.log('(OpenSSH not installed: loopback SSH not measured)');
}

console.log('live commit                                  seconds  round trips  connections  patch KB');
for (const r of rows) {
  const f = (x: number, d: number, w: number): string => (Number.isNaN(x) ? '-' : x.toFixed(d)).padStart(w);
  console.log(`${r.label.padEnd(44)} ${f(r.seconds, 2, 7)}  ${f(r.execs, 0, 11)}  ${f(r.connections, 0, 11)}  ${f(r.patchKb, 1, 8)}`);
}
console.log('round trips per commit: the framed apply (a versioned patch: cibadmin checks the CIB did not move) and the confirming read; the connection is the session\'s');
