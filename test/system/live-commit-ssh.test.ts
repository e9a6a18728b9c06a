/**
 * The live commit over real SSH: OpenSSH sshd on loopback (test/helpers/sshd.ts) with
 * `SetEnv CIB_file=…`, so the real cibadmin on the "node" reads and writes a CIB file. Between
 * tcrm and sshd a TCP relay counts the bytes tcrm sends and can cut the connection after N of
 * them — a real cut of a real connection, partway through a patch larger than 64 KB. And the
 * tcrm process itself (dist/tcrm.js) is SIGKILLed in the middle of a commit. Each time the CIB
 * must be old or new, never partial, and tcrm must say which and carry on.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdsConfiguration } from '../../src/commit/live-confirm.js';
import { readLiveCib, versionOf } from '../../src/commit/live-read.js';
import { commitLive } from '../../src/commit/live-target.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { streamOutput } from '../../src/session/output.js';
import { Session } from '../../src/session/session.js';
import { firstChild, parseXml, serializeDocument, type Document } from '../../src/shadow-cib/xml.js';
import { openCluster } from '../../src/transport/cluster.js';
import type { ClusterProfile } from '../../src/transport/profile.js';
import type { SshTransport } from '../../src/transport/ssh.js';
import type { Transport } from '../../src/transport/types.js';
import { haveOpenSsh, requireOpenSsh, startSshd, type Sshd } from '../helpers/sshd.js';
import { startCib } from '../commit/live-mutator.js';
import { requireTool } from './live-prereq.js';

requireOpenSsh('the live commit over SSH');
const ready = haveOpenSsh() && requireTool('cibadmin');

/** A TCP relay to sshd that counts client→server bytes and can cut every connection. */
class CuttingRelay {
  private server!: Server;
  port = 0;
  sent = 0;
  private cutAt: number | null = null;
  private onCut: (() => void) | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  connections = 0;

  async start(target: number): Promise<void> {
    this.server = createServer((client) => {
      this.connections++;
      const upstream = createConnection({ host: '127.0.0.1', port: target });
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('data', (b: Buffer) => {
        if (this.killAt !== null && this.sent + b.length >= this.killAt) {
          // The process dies here: what it wrote before arrives, the kernel then closes its socket.
          const keep = this.killAt - this.sent;
          this.killAt = null;
          this.onKill?.();
          this.sent += keep;
          upstream.end(b.subarray(0, keep));
          client.destroy();
          return;
        }
        this.sent += b.length;
        if (this.cutAt !== null && this.sent >= this.cutAt) {
          this.cutAt = null;
          this.cutAll();
          this.onCut?.();
          return;
        }
        upstream.write(b);
      });
      upstream.on('data', (b: Buffer) => client.write(b));
      const end = (): void => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('close', end);
      upstream.on('close', end);
      client.on('error', () => {});
      upstream.on('error', () => {});
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
  }

  private killAt: number | null = null;
  private onKill: (() => void) | null = null;

  /** Once tcrm has sent `bytes` more bytes, run `kill` and let only those bytes through. */
  killAfter(bytes: number, kill: () => void): void {
    this.killAt = this.sent + bytes;
    this.onKill = kill;
  }

  disarm(): void {
    this.killAt = null;
    this.cutAt = null;
  }

  /** Cut every connection once tcrm has sent `bytes` more bytes. */
  cutAfter(bytes: number, onCut?: () => void): void {
    this.cutAt = this.sent + bytes;
    this.onCut = onCut ?? null;
  }

  cutAll(): void {
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'tcrm-live-ssh-'));
const cib = join(scratch, 'cib.xml');
let sshd: Sshd;
let relay: CuttingRelay;

function resetCib(): void {
  writeFileSync(cib, startCib());
  spawnSync('cibadmin', ['-M', '-X', '<cib admin_epoch="0"/>'], { env: { ...process.env, CIB_file: cib } });
}

function profile(): ClusterProfile {
  return { source: 'test', nodes: [{ host: '127.0.0.1', port: relay.port, spec: `127.0.0.1:${relay.port}` }], sudo: false };
}

function clientEnv(): Record<string, string> {
  return { HOME: sshd.home, USER: sshd.user, PATH: process.env.PATH ?? '' };
}

async function connect(): Promise<SshTransport> {
  return (await openCluster(profile(), clientEnv(), { notice: () => {} }, { acceptNewHostKey: false, lang: 'en' })) as SshTransport;
}

function withPrimitives(doc: Document, prefix: string, n: number): Document {
  const copy = parseXml(serializeDocument(doc));
  const resources = firstChild(firstChild(copy.documentElement!, 'configuration')!, 'resources')!;
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${i}`;
    const xml = `<primitive id="${id}" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes id="${id}-ia"><nvpair id="${id}-ia-state" name="state" value="/run/${id}"/></instance_attributes><operations><op name="monitor" interval="10s" timeout="20s" id="${id}-mon"/></operations></primitive>`;
    resources.appendChild(copy.importNode(parseXml(xml).documentElement!, true));
  }
  return copy;
}

function fileDoc(): Document {
  return parseXml(readFileSync(cib, 'utf8'));
}

beforeAll(async () => {
  if (!ready) return;
  resetCib();
  sshd = await startSshd({ extraConfig: [`SetEnv CIB_file=${cib}`] });
  relay = new CuttingRelay();
  await relay.start(sshd.port);
  mkdirSync(join(sshd.home, '.ssh'), { recursive: true });
  appendFileSync(join(sshd.home, '.ssh', 'known_hosts'), `[127.0.0.1]:${relay.port} ${sshd.hostKeyPub}\n`);
});

afterAll(async () => {
  await relay?.stop();
  await sshd?.stop();
});

describe('live commit over SSH (real sshd, real cibadmin on a CIB file)', () => {
  it('commits with one connection: one framed exec and one confirming read', async () => {
    if (!ready) return;
    resetCib();
    const logins = sshd.acceptedLogins();
    const t = await connect();
    const loaded = (await readLiveCib(t)).doc!;
    const working = withPrimitives(loaded, 'one', 1);
    const before = t.execCount;
    const r = await commitLive(t, loaded, working, { force: false, replace: false, reconnect: connect });
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(t.execCount - before).toBe(2);
    expect(holdsConfiguration(fileDoc(), working)).toBe(true);
    expect(sshd.acceptedLogins() - logins).toBe(1);
    await t.close();
  });

  it('sends the environment as an env argv prefix, and values that are shell syntax run nothing', async () => {
    if (!ready) return;
    resetCib();
    // Another CIB file named in the prefix: it, not sshd's SetEnv one, must change.
    const other = join(scratch, "other cib 'x' $(y).xml");
    writeFileSync(other, readFileSync(cib, 'utf8'));
    const untouched = readFileSync(cib, 'utf8');
    const canary = join(scratch, 'pwned');
    const t = await connect();
    const env = { CIB_file: other };
    const loaded = (await readLiveCib(t, { env })).doc!;
    const working = withPrimitives(loaded, 'w', 1);
    const nv = working.getElementsByTagName('nvpair');
    const values = [`$(touch ${canary})`, `\`touch ${canary}\``, `'; touch ${canary}; '`, `"; touch ${canary}; "`, 'a <b> & c', 'line1\nline2', 'é 日本 ✓'];
    for (let i = 0; i < nv.length && i < values.length; i++) nv.item(i)!.setAttribute('value', values[i]!);
    const r = await commitLive(t, loaded, working, { env, force: false, replace: false, reconnect: connect });
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(existsSync(canary)).toBe(false);
    expect(holdsConfiguration(parseXml(readFileSync(other, 'utf8')), working)).toBe(true);
    expect(readFileSync(cib, 'utf8')).toBe(untouched);
    await t.close();
  });

  it('a connection cut partway through a >64 KB patch: nothing partial, tcrm says so, reconnects and commits', async () => {
    if (!ready) return;
    for (const fraction of [0.1, 0.5, 0.9]) {
      resetCib();
      const t = await connect();
      const loaded = (await readLiveCib(t)).doc!;
      const working = withPrimitives(loaded, 'big', 250);
      const seen: string[] = [];
      let reconnects = 0;
      let payloadBytes = 0;
      const r = await commitLive(t, loaded, working, {
        force: false,
        replace: false,
        mangleStdin: (b, attempt) => {
          payloadBytes = b.length;
          if (attempt === 0) relay.cutAfter(Math.floor(payloadBytes * fraction));
          return b;
        },
        reconnect: async () => {
          reconnects++;
          // Between the cut and the re-read, the CIB is old or new, never partial.
          await settle();
          const now = fileDoc();
          const state = holdsConfiguration(now, loaded) ? 'old' : holdsConfiguration(now, working) ? 'new' : 'partial';
          seen.push(state);
          return connect();
        },
      });
      expect(payloadBytes).toBeGreaterThan(64 * 1024);
      expect(reconnects, `fraction ${fraction}`).toBe(1);
      expect(seen).not.toContain('partial');
      const said = r.diagnostics.map((d) => d.code);
      expect(said[0]).toBe('TCRM4101');
      expect(said).toContain(seen[0] === 'new' ? 'TCRM4102' : 'TCRM4103');
      expect(r.ok).toBe(true);
      expect(holdsConfiguration(fileDoc(), working)).toBe(true);
      await t.close().catch(() => {});
    }
  });

  it('a session whose connection drops between commands reconnects on the next one', async () => {
    if (!ready) return;
    resetCib();
    let stdout = '';
    let stderr = '';
    let opened = 0;
    const dir = mkdtempSync(join(scratch, 'session-'));
    const session = new Session({
      env: { ...clientEnv(), XDG_STATE_HOME: join(dir, 'state'), TCRM_NO_LOCAL_CLUSTER: '1', LANG: 'C' },
      cwd: dir,
      out: streamOutput((s) => (stdout += s), (s) => (stderr += s)),
      interactive: false,
      force: false,
      answerNo: false,
      openTransport: async () => (opened++, connect() as Promise<Transport>),
    });
    const run = async (text: string): Promise<boolean> => {
      let ok = true;
      for (const line of splitLogicalLines(text, 'script')) ok = (await session.executeLine(line)) && ok;
      return ok;
    };
    expect(await run('configure primitive s1 ocf:heartbeat:Dummy'), stderr).toBe(true);
    relay.cutAll();
    expect(await run('configure primitive s2 ocf:heartbeat:Dummy'), stderr).toBe(true);
    expect(opened).toBe(2);
    const text = readFileSync(cib, 'utf8');
    expect(text).toContain('id="s1"');
    expect(text).toContain('id="s2"');
    await session.finish();
    void stdout;
  });

  it('tcrm SIGKILLed in the middle of a commit leaves the CIB old or new and valid', async () => {
    if (!ready) return;
    // The shipped bundle (npm run test:system builds it); TCRM_BUNDLE=bin/tcrm.ts runs the source.
    const bundle = process.env.TCRM_BUNDLE ?? join(process.cwd(), 'dist', 'tcrm.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
    const nodeArgs = bundle.endsWith('.ts') ? ['--import', 'tsx', bundle] : [bundle];
    const script = join(scratch, 'big.crm');
    const lines = ['configure'];
    for (let i = 0; i < 250; i++) lines.push(`primitive k${i} ocf:heartbeat:Dummy params state=/run/k${i} op monitor interval=10s timeout=20s`);
    lines.push('commit');
    writeFileSync(script, lines.join('\n') + '\n');
    const outcomes: string[] = [];
    // First a run to the end (how many bytes a whole commit sends), then kills early in the
    // patch, in its middle, and just before the end (after the patch: the apply may have run).
    let total = 0;
    for (const which of ['whole', 'early', 'middle', 'end']) {
      const killAfter = which === 'whole' ? Infinity : which === 'early' ? 30_000 : which === 'middle' ? Math.floor(total / 2) : total - 250;
      resetCib();
      const old = fileDoc();
      const dir = mkdtempSync(join(scratch, 'kill-'));
      const child = spawn(process.execPath, [...nodeArgs, '--hosts', `127.0.0.1:${relay.port}`, '-f', script], {
        env: { ...clientEnv(), XDG_STATE_HOME: join(dir, 'state'), TCRM_NO_LOCAL_CLUSTER: '1', LANG: 'C', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let childErr = '';
      child.stderr!.on('data', (b: Buffer) => (childErr += b.toString('utf8')));
      // The patch of 250 primitives is ~100 KB, sent after the login and the read: kill tcrm
      // after that many bytes have left it (Infinity: let it finish).
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      if (Number.isFinite(killAfter)) relay.killAfter(killAfter, () => child.kill('SIGKILL'));
      const sentBefore = relay.sent;
      await exited;
      relay.disarm();
      if (which === 'whole') total = relay.sent - sentBefore;
      await settle();
      const now = fileDoc();
      const isOld = holdsConfiguration(now, old);
      const isNew = /id="k249"/.test(readFileSync(cib, 'utf8')) && versionOf(now).epoch === versionOf(old).epoch + 1;
      outcomes.push(`${isOld ? 'old' : isNew ? 'new' : 'partial'} (${child.signalCode ?? `exit ${child.exitCode}`}, killed after ${killAfter} bytes)`);
      if (child.signalCode === null) expect(child.exitCode, childErr).toBe(0);
      expect(isOld || isNew, `killed after ${killAfter} bytes: the CIB is neither old nor new`).toBe(true);
      const verify = spawnSync('crm_verify', ['-x', cib], { encoding: 'utf8' });
      expect(verify.stderr).not.toMatch(/error/i);
      if (!isOld) expect(readFileSync(cib, 'utf8').match(/<primitive id="k\d+"/g)!.length).toBe(250);
    }
    console.log(`SIGKILL mid-commit: ${outcomes.join(', ')}`);
  });
});

/** Lets the node side finish whatever the cut left running (its sh, head or cibadmin). */
async function settle(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = spawnSync('pgrep', ['-f', 'tcrm-framed'], { encoding: 'utf8' });
    if (r.status !== 0) return;
    await new Promise((res) => setTimeout(res, 50));
  }
}
