/**
 * The SSH transport against real OpenSSH sshd instances started here (test/helpers/sshd.ts) on
 * loopback, with real crm_mon reading a CIB file (`SetEnv CIB_file=…` in each sshd's config, so
 * two "nodes" answer differently). OpenSSH missing fails when CI=true and skips otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCluster, type OpenClusterOptions } from '../../src/transport/cluster.js';
import type { ClusterProfile } from '../../src/transport/profile.js';
import { TransportError, type Transport } from '../../src/transport/types.js';
import type { SshTransport } from '../../src/transport/ssh.js';
import { freePort, haveOpenSsh, keygen, requireOpenSsh, startSshd, type Sshd } from '../helpers/sshd.js';
import { runTcrm } from '../helpers/run-tcrm.js';

requireOpenSsh('the SSH transport system test');
const haveCrmMon = spawnSync('crm_mon', ['--version'], { encoding: 'utf8' }).status === 0;
if (!haveCrmMon && process.env.CI === 'true') throw new Error('crm_mon is not installed (pacemaker-cli-utils): node choice cannot be tested');

const scratch = mkdtempSync(join(tmpdir(), 'tcrm-ssh-test-'));

/** The oracle base CIB with the root attributes crm_mon reads for quorum and the DC. */
function cibFile(name: string, rootAttrs: string): string {
  const path = join(scratch, name);
  const base = spawnSync('cibadmin', ['--empty'], { encoding: 'utf8' }).stdout;
  writeFileSync(path, base.replace('<cib ', `<cib ${rootAttrs} `));
  for (const [id, uname] of [['1', 'Lubuntu'], ['2', 'Lubuntu1']]) {
    spawnSync('cibadmin', ['-C', '-o', 'nodes', '-X', `<node id="${id}" uname="${uname}"/>`], { env: { ...process.env, CIB_file: path } });
  }
  return path;
}

let quorate: Sshd;
let noQuorum: Sshd;

const profileOf = (d: Sshd | number, extra: Partial<ClusterProfile> = {}): ClusterProfile => ({
  source: 'test',
  nodes: [{ host: '127.0.0.1', port: typeof d === 'number' ? d : d.port, spec: `127.0.0.1:${typeof d === 'number' ? d : d.port}` }],
  sudo: false,
  ...extra,
});

function trustHost(d: Sshd, home = d.home): void {
  mkdirSync(join(home, '.ssh'), { recursive: true });
  appendFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${d.port} ${d.hostKeyPub}\n`);
}

async function open(
  profile: ClusterProfile,
  env: Record<string, string>,
  opts: Partial<OpenClusterOptions> = {},
): Promise<{ transport: SshTransport; notices: string[] }> {
  const notices: string[] = [];
  const transport = (await openCluster(profile, { USER: quorate.user, ...env }, { notice: (t) => notices.push(t) }, {
    acceptNewHostKey: false,
    lang: 'en',
    ...opts,
  })) as SshTransport;
  return { transport, notices };
}

async function openError(profile: ClusterProfile, env: Record<string, string>, opts: Partial<OpenClusterOptions> = {}): Promise<TransportError> {
  try {
    const { transport } = await open(profile, env, opts);
    await transport.close();
  } catch (e) {
    if (e instanceof TransportError) return e;
    throw e;
  }
  throw new Error('expected the connection to be refused');
}

const sshKeygenFingerprint = (pubLine: string): string => {
  const file = join(scratch, `fp-${Math.random()}.pub`);
  writeFileSync(file, pubLine + '\n');
  return spawnSync('ssh-keygen', ['-l', '-f', file], { encoding: 'utf8' }).stdout.split(' ')[1]!;
};

describe.skipIf(!haveOpenSsh())('SSH transport against a real sshd', () => {
  let t: SshTransport;

  beforeAll(async () => {
    quorate = await startSshd({ extraConfig: [`SetEnv CIB_file=${cibFile('quorate.xml', 'dc-uuid="2" have-quorum="1"')}`] });
    noQuorum = await startSshd({ extraConfig: [`SetEnv CIB_file=${cibFile('no-quorum.xml', 'dc-uuid="1" have-quorum="0"')}`] });
    trustHost(quorate);
    // Both "nodes" are reached from quorate's HOME with its key.
    trustHost(noQuorum, quorate.home);
    appendFileSync(join(noQuorum.dir, 'authorized_keys'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519.pub')));
    t = (await open(profileOf(quorate), { HOME: quorate.home })).transport;
  });

  afterAll(async () => {
    await t?.close();
    await quorate?.stop();
    await noQuorum?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('exec round trip: exit codes, a signal as 128+n, stdout and stderr in UTF-8', async () => {
    expect(await t.exec(['sh', '-c', 'printf "héllo ✓"; printf "err ü" >&2; exit 3'])).toEqual({ code: 3, stdout: 'héllo ✓', stderr: 'err ü' });
    expect((await t.exec(['sh', '-c', 'kill -TERM $$'])).code).toBe(143);
    expect((await t.exec(['/nonexistent/tool'])).code).toBe(127);
  });

  it('1 MB of stdin arrives whole (Buffer and string)', async () => {
    const data = Buffer.alloc(1 << 20, 'abcdefghijklmnopqrstuvwxyz\n');
    const started = Date.now();
    const r = await t.exec(['sha256sum'], { stdin: data });
    const ms = Date.now() - started;
    expect(r.stdout.split(' ')[0]).toBe(createHash('sha256').update(data).digest('hex'));
    const echoed = await t.exec(['cat'], { stdin: data.toString('utf8') });
    expect(echoed.stdout.length).toBe(data.length);
    expect(echoed.stdout === data.toString('utf8')).toBe(true);
    console.log(`1 MB through sha256sum over SSH: ${ms} ms`);
  });

  it('env prefix: LC_ALL=C and the caller variables, values verbatim', async () => {
    const value = "a 'b' \"c\" $(d) `e` ; f\ng <h &i ü";
    const r = await t.exec(['sh', '-c', 'printf "%s\\0%s\\0" "$LC_ALL" "$TCRM_VALUE"'], { env: { TCRM_VALUE: value, LC_ALL: 'C' } });
    expect(r.stdout.split('\0').slice(0, 2)).toEqual(['C', value]);
    // The sshd's SetEnv reaches commands too (what the node-choice tests rely on).
    expect((await t.exec(['sh', '-c', 'printf %s "$CIB_file"'])).stdout).toMatch(/quorate\.xml$/);
  });

  it('injection: hostile argv values travel unharmed and run nothing', async () => {
    const canary = join(scratch, 'canary');
    const hostile = [
      `$(touch ${canary})`,
      `\`touch ${canary}\``,
      `; touch ${canary}`,
      `&& touch ${canary}`,
      `| touch ${canary}`,
      `\ntouch ${canary}\n`,
      `< /etc/passwd`,
      `> ${canary}`,
      "'; touch " + canary + "; '",
      '"; touch ' + canary + '; "',
      'ünïcödé ✓ 日本',
      '',
      '*',
    ];
    const r = await t.exec(['printf', '%s\\0', ...hostile]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(hostile);
    expect(existsSync(canary)).toBe(false);
    // A file name with all of it is created under exactly that name.
    const weird = join(scratch, "we'ird $(x) `y`; <z> & é\nname");
    expect((await t.exec(['touch', '--', weird])).code).toBe(0);
    expect(existsSync(weird)).toBe(true);
    expect(existsSync(canary)).toBe(false);
  });

  it('one connection for the session, however many commands (also in parallel)', async () => {
    const before = quorate.acceptedLogins();
    const { transport } = await open(profileOf(quorate), { HOME: quorate.home });
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect((await transport.exec(['true'])).code).toBe(0);
    const sequentialMs = (Date.now() - started) / 5;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => transport.exec(['echo', String(i)])));
    expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 8 }, (_, i) => `${i}\n`));
    await transport.close();
    expect(quorate.acceptedLogins() - before).toBe(1);
    console.log(`connect ${transport.connectMs} ms; exec round trip ${sequentialMs.toFixed(0)} ms`);
  });

  it('a command timeout stops the remote command and says so; with stdin sent the outcome is unknown', async () => {
    const marker = join(scratch, 'late-marker');
    const started = Date.now();
    const e = await t.exec(['sh', '-c', `sleep 3; touch ${marker}`], { timeoutMs: 800 }).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).message).toMatch(/^sh on .* timed out after 0\.8 s and was stopped$/);
    expect((e as TransportError).outcomeUnknown).toBe(false);
    const withInput = await t.exec(['sh', '-c', 'cat >/dev/null; sleep 30'], { timeoutMs: 800, stdin: 'x' }).catch((x: unknown) => x);
    expect((withInput as TransportError).outcomeUnknown).toBe(true);
    expect((withInput as TransportError).message).toMatch(/outcome is unknown/);
    // The process group was killed, not left running: the marker never appears.
    await new Promise((r) => setTimeout(r, 3500));
    expect(existsSync(marker)).toBe(false);
    // The connection is still good.
    expect((await t.exec(['true'])).code).toBe(0);
  });

  it('an interrupted command (Ctrl-C) resolves at once with 130; the connection stays good', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = t.exec(['sh', '-c', 'echo started; sleep 30'], { timeoutMs: 40_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 700);
    const r = await running;
    expect(r.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5_000);
    const pre = new AbortController();
    pre.abort();
    expect((await t.exec(['sh', '-c', 'sleep 30'], { signal: pre.signal })).code).toBe(130);
    expect((await t.exec(['true'])).code).toBe(0);
  });

  it('host keys: unknown refused with the fingerprint; --accept-new-host-key appends a proper line', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'id_ed25519'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
    const fp = sshKeygenFingerprint(quorate.hostKeyPub);
    const e = await openError(profileOf(quorate), { HOME: home });
    expect(e.message).toContain(`the host key of [127.0.0.1]:${quorate.port} is unknown (ssh-ed25519 key, fingerprint ${fp})`);
    expect(e.message).toContain('--accept-new-host-key');
    expect(existsSync(join(home, '.ssh', 'known_hosts'))).toBe(false);

    const { transport, notices } = await open(profileOf(quorate), { HOME: home }, { acceptNewHostKey: true });
    await transport.close();
    expect(notices.join('\n')).toContain(`added the host key of [127.0.0.1]:${quorate.port} (ssh-ed25519, ${fp})`);
    const line = readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8');
    expect(line).toBe(`[127.0.0.1]:${quorate.port} ${quorate.hostKeyPub}\n`);
    // OpenSSH itself reads the line back.
    const found = spawnSync('ssh-keygen', ['-F', `[127.0.0.1]:${quorate.port}`, '-f', join(home, '.ssh', 'known_hosts')], { encoding: 'utf8' });
    expect(found.status).toBe(0);
    // Next time no flag is needed.
    const again = await open(profileOf(quorate), { HOME: home });
    await again.transport.close();
  });

  it('host keys: unknown, StrictHostKeyChecking ask (the default) at a prompt: asked; no refuses, yes adds and connects', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'id_ed25519'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
    const fp = sshKeygenFingerprint(quorate.hostKeyPub);
    const questions: string[] = [];
    const refused = await openError(profileOf(quorate), { HOME: home }, { askUser: async (q) => (questions.push(q), false) });
    expect(refused.message).toContain('is unknown');
    expect(questions[0]).toContain(`The authenticity of host '[127.0.0.1]:${quorate.port}' can't be established (ssh-ed25519 key fingerprint ${fp})`);
    expect(existsSync(join(home, '.ssh', 'known_hosts'))).toBe(false);
    const { transport } = await open(profileOf(quorate), { HOME: home }, { askUser: async () => true });
    expect((await transport.exec(['true'])).code).toBe(0);
    await transport.close();
    expect(readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8')).toBe(`[127.0.0.1]:${quorate.port} ${quorate.hostKeyPub}\n`);
  });

  it('host keys: a hashed entry (ssh-keygen -H) is accepted', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'id_ed25519'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
    const kh = join(home, '.ssh', 'known_hosts');
    writeFileSync(kh, `[127.0.0.1]:${quorate.port} ${quorate.hostKeyPub}\n`);
    expect(spawnSync('ssh-keygen', ['-H', '-f', kh]).status).toBe(0);
    expect(readFileSync(kh, 'utf8')).toMatch(/^\|1\|/);
    const { transport } = await open(profileOf(quorate), { HOME: home });
    expect((await transport.exec(['true'])).code).toBe(0);
    await transport.close();
  });

  it('host keys: only an RSA key known for a host that also has ed25519: the RSA key is asked for and matches', async () => {
    const rsaKey = join(scratch, 'rsa_host');
    const rsaPub = keygen(rsaKey, 'rsa').split(' ').slice(0, 2).join(' ');
    const both = await startSshd({ extraConfig: [`HostKey ${rsaKey}`, `HostKey ${join(quorate.dir, 'host_ed25519')}`, `AuthorizedKeysFile ${join(quorate.dir, 'authorized_keys')}`] });
    try {
      const home = mkdtempSync(join(scratch, 'home-'));
      mkdirSync(join(home, '.ssh'));
      writeFileSync(join(home, '.ssh', 'id_ed25519'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
      writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${both.port} ${rsaPub}\n`);
      const { transport } = await open(profileOf(both), { HOME: home });
      expect((await transport.exec(['true'])).code).toBe(0);
      await transport.close();
    } finally {
      await both.stop();
    }
  });

  it('host keys: a changed key is refused naming file and line, even with --accept-new-host-key and StrictHostKeyChecking no', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'id_ed25519'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
    const other = keygen(join(scratch, `other-${Date.now()}`));
    const kh = join(home, '.ssh', 'known_hosts');
    writeFileSync(kh, `# first line\n[127.0.0.1]:${quorate.port} ${other.split(' ').slice(0, 2).join(' ')}\n`);
    writeFileSync(join(home, '.ssh', 'config'), 'Host *\n  StrictHostKeyChecking no\n');
    const e = await openError(profileOf(quorate), { HOME: home }, { acceptNewHostKey: true });
    expect(e.message).toContain(`the host key of [127.0.0.1]:${quorate.port} has CHANGED: ${kh}:2 holds another ssh-ed25519 key`);
    expect(e.message).toContain(sshKeygenFingerprint(quorate.hostKeyPub));
    expect(readFileSync(kh, 'utf8')).not.toContain(quorate.hostKeyPub);
  });

  it('ssh config: Host alias with HostName, Port, IdentityFile, UserKnownHostsFile, StrictHostKeyChecking accept-new; others named as ignored', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(join(home, '.ssh'));
    const keyPath = join(home, 'keys', 'lab key');
    mkdirSync(join(home, 'keys'));
    writeFileSync(keyPath, readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
    writeFileSync(
      join(home, '.ssh', 'config'),
      [
        'Host other',
        '  Port 1',
        'Host node-* !node-9',
        '  HostName 127.0.0.1',
        `  Port ${quorate.port}`,
        `  User ${quorate.user}`,
        '  IdentityFile "~/keys/lab key"',
        '  UserKnownHostsFile ~/.ssh/kh_%n',
        '  StrictHostKeyChecking accept-new',
        '  ForwardAgent yes',
        '  ConnectTimeout 5',
        '',
      ].join('\n'),
    );
    const profile: ClusterProfile = { source: 'test', nodes: [{ host: 'node-1', spec: 'node-1' }], sudo: false };
    const { transport, notices } = await open(profile, { HOME: home });
    expect(transport.where).toBe(`${quorate.user}@node-1:${quorate.port}`);
    expect((await transport.exec(['true'])).code).toBe(0);
    await transport.close();
    expect(readFileSync(join(home, '.ssh', 'kh_node-1'), 'utf8')).toBe(`[127.0.0.1]:${quorate.port} ${quorate.hostKeyPub}\n`);
    expect(notices.filter((n) => n.includes('ignored for node-1')).length).toBe(1);
    expect(notices.join('\n')).toContain('forwardagent');
    // node-9 is excluded from the block: none of its settings (the key among them) apply.
    const e = await openError({ ...profile, nodes: [{ host: 'node-9', spec: 'node-9' }] }, { HOME: home });
    expect(e.message).toContain(`no SSH key to offer to ${quorate.user}@node-9`);
  });

  it('ssh-agent: an encrypted key is refused clearly without the agent and works through it', async () => {
    const home = mkdtempSync(join(scratch, 'home-'));
    mkdirSync(join(home, '.ssh'));
    const key = join(home, '.ssh', 'id_ecdsa');
    const pub = keygen(key, 'ecdsa', 'secret passphrase');
    appendFileSync(join(quorate.dir, 'authorized_keys'), pub + '\n');
    trustHost(quorate, home);
    const refused = await openError(profileOf(quorate), { HOME: home });
    expect(refused.message).toContain(`${key} is encrypted and no ssh-agent offered a key`);
    // An agent socket that is not there is passed over: the plain key still logs in.
    const plain = await open(profileOf(quorate), { HOME: quorate.home, SSH_AUTH_SOCK: join(home, 'no-agent.sock') });
    expect((await plain.transport.exec(['true'])).code).toBe(0);
    await plain.transport.close();

    const sock = join(home, 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 100 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 50));
      const askpass = join(home, 'askpass.sh');
      writeFileSync(askpass, "#!/bin/sh\necho 'secret passphrase'\n", { mode: 0o700 });
      const add = spawnSync('ssh-add', [key], {
        env: { ...process.env, SSH_AUTH_SOCK: sock, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' },
        encoding: 'utf8',
      });
      expect(add.status, add.stderr).toBe(0);
      const { transport } = await open(profileOf(quorate), { HOME: home, SSH_AUTH_SOCK: sock });
      expect((await transport.exec(['true'])).code).toBe(0);
      await transport.close();
    } finally {
      agent.kill('SIGTERM');
    }
  });

  it('connect timeout: a silent port gives a clear error within the timeout; a closed port at once', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const e = await openError(profileOf(port, { connectTimeoutSec: 1 }), { HOME: quorate.home });
      const ms = Date.now() - started;
      expect(e.message).toContain(`connecting to ${quorate.user}@127.0.0.1:${port} timed out after 1 s`);
      expect(ms).toBeLessThan(3000);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
    const closed = await freePort();
    const started = Date.now();
    const e = await openError(profileOf(closed), { HOME: quorate.home });
    expect(e.message).toContain(`cannot connect to ${quorate.user}@127.0.0.1:${closed}: ECONNREFUSED`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('first node down: the second serves, and the user is told', async () => {
    const closed = await freePort();
    const profile: ClusterProfile = {
      source: 'test',
      nodes: [
        { host: '127.0.0.1', port: closed, spec: `127.0.0.1:${closed}` },
        { host: '127.0.0.1', port: quorate.port, spec: `127.0.0.1:${quorate.port}` },
      ],
      sudo: false,
    };
    const { transport, notices } = await open(profile, { HOME: quorate.home });
    expect(transport.where).toBe(`${quorate.user}@127.0.0.1:${quorate.port}`);
    await transport.close();
    expect(notices[0]).toMatch(new RegExp(`^WARNING: ${quorate.user}@127\\.0\\.0\\.1:${closed} is not usable: cannot connect`));
  });

  it.skipIf(!haveCrmMon)('node choice prefers the node whose partition has quorum and knows the DC', async () => {
    const both = (first: Sshd, second: Sshd): ClusterProfile => ({
      source: 'test',
      nodes: [first, second].map((d) => ({ host: '127.0.0.1', port: d.port, spec: `127.0.0.1:${d.port}` })),
      sudo: false,
    });
    const before = noQuorum.acceptedLogins();
    const chosen = await open(both(noQuorum, quorate), { HOME: quorate.home });
    expect(chosen.transport.where).toBe(`${quorate.user}@127.0.0.1:${quorate.port}`);
    expect(chosen.transport.nodeName).toBeTruthy();
    expect(chosen.notices).toEqual([
      `INFO: using node ${chosen.transport.nodeName} (${quorate.user}@127.0.0.1:${quorate.port}): its partition has quorum and knows the DC (Lubuntu1)`,
    ]);
    await chosen.transport.close();
    expect(noQuorum.acceptedLogins() - before).toBe(1);
    // Only non-quorate nodes: the first reachable serves, and the user is told why.
    const fallback = await open(both(noQuorum, noQuorum), { HOME: quorate.home });
    expect(fallback.transport.where).toBe(`${quorate.user}@127.0.0.1:${noQuorum.port}`);
    expect(fallback.notices[0]).toContain('no reachable node reported quorum with a DC');
    await fallback.transport.close();
  });

  it('a dropped connection: the running command has an unknown outcome, later ones were not run', async () => {
    const { transport } = await open(profileOf(quorate), { HOME: quorate.home });
    const running = transport.exec(['sleep', '20']).catch((x: unknown) => x);
    await new Promise((r) => setTimeout(r, 1500));
    quorate.dropConnections();
    const e = (await running) as TransportError;
    expect(e).toBeInstanceOf(TransportError);
    expect(e.outcomeUnknown).toBe(true);
    expect(e.message).toContain('dropped while sleep was running: its outcome is unknown');
    const after = (await transport.exec(['true']).catch((x: unknown) => x)) as TransportError;
    expect(after.outcomeUnknown).toBe(false);
    expect(after.message).toContain('is closed: true was not run');
  });

  it('tcrm --hosts: configure show reads the node\'s CIB over SSH, saying which node served', async () => {
    const dir = mkdtempSync(join(scratch, 'cli-'));
    const before = quorate.acceptedLogins();
    const r = await runTcrm(['--hosts', `${quorate.user}@127.0.0.1:${quorate.port}`, 'configure', 'show'], { dir, env: { HOME: quorate.home } });
    expect(r.stderr).toMatch(/^INFO: using node \S+ \(.*\): its partition has quorum and knows the DC \(Lubuntu1\)$/m);
    expect(r.stdout).toContain('node 1: Lubuntu');
    expect(r.stdout).toContain('node 2: Lubuntu1');
    expect(r.code).toBe(0);
    expect(quorate.acceptedLogins() - before).toBe(1);
  });

  it('tcrm --hosts: an unknown host key stops the command; --accept-new-host-key adds it and goes on', async () => {
    const dir = mkdtempSync(join(scratch, 'cli-'));
    mkdirSync(join(dir, '.ssh'));
    writeFileSync(join(dir, '.ssh', 'id_ed25519'), readFileSync(join(quorate.home, '.ssh', 'id_ed25519')), { mode: 0o600 });
    const hosts = `${quorate.user}@127.0.0.1:${quorate.port}`;
    const refused = await runTcrm(['--hosts', hosts, 'configure', 'show'], { dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`ERROR: no node of the cluster could be reached: ${hosts}; the host key of [127.0.0.1]:${quorate.port} is unknown`);
    expect(refused.stdout).toBe('');
    const accepted = await runTcrm(['--accept-new-host-key', '--hosts', hosts, 'configure', 'show'], { dir });
    expect(accepted.stderr).toContain(`INFO: added the host key of [127.0.0.1]:${quorate.port}`);
    expect(accepted.stdout).toContain('node 1: Lubuntu');
    expect(accepted.code).toBe(0);
    expect(readFileSync(join(dir, '.ssh', 'known_hosts'), 'utf8')).toBe(`[127.0.0.1]:${quorate.port} ${quorate.hostKeyPub}\n`);
  });

  it('tcrm --hosts: an unreachable cluster is one clear error and exit 1', async () => {
    const dir = mkdtempSync(join(scratch, 'cli-'));
    const closed = await freePort();
    const r = await runTcrm(['--hosts', `root@127.0.0.1:${closed}`, 'configure', 'show'], { dir, env: { HOME: quorate.home } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ERROR: no node of the cluster could be reached: root@127.0.0.1:${closed}; cannot connect to root@127.0.0.1:${closed}: ECONNREFUSED`);
    expect(r.stderr).toContain('(the next command connects again)');
    expect(r.stderr).not.toContain('internal error');
  });

  it('tcrm -C NAME: a clusters.conf profile with its own identity and known_hosts, first node down', async () => {
    const dir = mkdtempSync(join(scratch, 'cli-'));
    const closed = await freePort();
    const kh = join(dir, 'kh_lab');
    writeFileSync(kh, `[127.0.0.1]:${quorate.port} ${quorate.hostKeyPub}\n`);
    mkdirSync(join(dir, 'config', 'tcrm'), { recursive: true });
    writeFileSync(
      join(dir, 'config', 'tcrm', 'clusters.conf'),
      `[lab]\nhosts = 127.0.0.1:${closed}, 127.0.0.1:${quorate.port}\nuser = ${quorate.user}\n` +
        `identity = ${join(quorate.home, '.ssh', 'id_ed25519')}\nknown_hosts = ${kh}\nconnect_timeout = 5\n`,
    );
    // HOME is the scratch dir: no default key, no known_hosts there.
    const r = await runTcrm(['-C', 'lab', 'configure', 'show'], { dir });
    expect(r.stderr).toContain(`WARNING: ${quorate.user}@127.0.0.1:${closed} is not usable: cannot connect`);
    expect(r.stderr).toContain(`(${quorate.user}@127.0.0.1:${quorate.port}): its partition has quorum`);
    expect(r.stdout).toContain('node 2: Lubuntu1');
    expect(r.code).toBe(0);
  });
});
