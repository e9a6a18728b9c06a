/**
 * A real OpenSSH sshd for tests: `/usr/sbin/sshd -D -e -f CONFIG` on 127.0.0.1 and a free port,
 * with its own host key, one authorized client key and a client HOME (`~/.ssh`) in a temp dir.
 * Keys only (no passwords, no PAM), `StrictModes no` (the files live under /tmp), LogLevel
 * VERBOSE so every accepted login is a line in `log()` (tests count connections with it).
 * Works as root (creates /run/sshd, the privilege-separation directory, when missing) and as a
 * non-root user logging in as themselves.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

/** sshd and ssh-keygen present? A system test must fail, not skip, when CI=true and they are not. */
export function haveOpenSsh(): boolean {
  return existsSync(SSHD) && spawnSync('ssh-keygen', ['-?'], { encoding: 'utf8' }).error === undefined;
}

export function requireOpenSsh(what: string): void {
  if (!haveOpenSsh() && process.env.CI === 'true') {
    throw new Error(`OpenSSH (Debian packages openssh-server, openssh-client) is not installed: ${what} cannot run`);
  }
}

export function keygen(path: string, type = 'ed25519', passphrase = ''): string {
  const r = spawnSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', '', '-f', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface SshdOptions {
  /** Extra sshd_config lines (e.g. `SetEnv CIB_file=/tmp/x.xml`). */
  extraConfig?: string[];
  /** Reuse a directory (and its keys) from an earlier instance: a restarted node. */
  dir?: string;
  /** Give this sshd another host key (the "changed key" case). */
  freshHostKey?: boolean;
}

export interface Sshd {
  port: number;
  dir: string;
  /** The client's HOME: `.ssh/id_ed25519` is the authorized key; known_hosts starts empty. */
  home: string;
  user: string;
  /** `ssh-ed25519 AAAA…` of the host key. */
  hostKeyPub: string;
  /** The host key blob as ssh2 sees it. */
  hostKeyBlob: Buffer;
  /** sshd's stderr so far. */
  log(): string;
  /** Logins accepted so far. */
  acceptedLogins(): number;
  /** SIGKILL to the per-connection sshd processes (children of the listener): connections drop. */
  dropConnections(): void;
  stop(): Promise<void>;
}

export async function startSshd(opts: SshdOptions = {}): Promise<Sshd> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'tcrm-sshd-'));
  const home = join(dir, 'home');
  const user = userInfo().username;
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const hostKey = join(dir, 'host_ed25519');
  if (opts.freshHostKey || !existsSync(hostKey)) {
    spawnSync('rm', ['-f', hostKey, `${hostKey}.pub`]);
    keygen(hostKey);
  }
  const clientKey = join(home, '.ssh', 'id_ed25519');
  if (!existsSync(clientKey)) writeFileSync(join(dir, 'authorized_keys'), keygen(clientKey) + '\n');
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      // sshd takes the first value of a keyword: the caller's lines come first and win.
      ...(opts.extraConfig ?? []),
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      'PidFile none',
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'LogLevel VERBOSE',
      'MaxStartups 50',
      '',
    ].join('\n'),
  );
  chmodSync(hostKey, 0o600);
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (b: Buffer) => (log += b.toString('utf8')));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 15_000;
  while (!log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sshd did not start on port ${port}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const hostKeyPub = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  return {
    port,
    dir,
    home,
    user,
    hostKeyPub,
    hostKeyBlob: Buffer.from(hostKeyPub.split(' ')[1]!, 'base64'),
    log: () => log,
    acceptedLogins: () => (log.match(/Accepted publickey for /g) ?? []).length,
    dropConnections() {
      const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' });
      for (const pid of r.stdout.split(/\s+/).filter(Boolean).map(Number)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
