/**
 * The SSH transport: one ssh2 connection per node, kept for the session, every command an exec
 * channel on it. argv is quoted by `quote.ts` (the one tested function) behind an
 * `env LC_ALL=C NAME=VALUE …` prefix, and `sudo -n --` before that when the profile says so.
 * This is the only file that imports ssh2.
 */
import { constants as osConstants } from 'node:os';
import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig, AnyAuthMethod, ParsedKey, ServerHostKeyAlgorithm } from 'ssh2';
import { message, type Lang } from '../messages/catalog.js';
import { remoteCommand } from './quote.js';
import { INTERRUPTED_CODE, TransportError, type ExecOptions, type ExecResult, type Transport } from './types.js';
import type { HostKeyPolicy } from './host-key-policy.js';

const { Client, utils } = ssh2;

export interface SshNodeOptions {
  /** Address to connect to (HostName). */
  host: string;
  port: number;
  user: string;
  /** How the node is named to the user: `root@10.200.0.11` (`:port` off 22). */
  where: string;
  /** Decides on the host key (known_hosts, --accept-new-host-key, StrictHostKeyChecking). */
  hostKeys: HostKeyPolicy;
  /** Private key files to offer, in order (missing files are skipped). */
  identityFiles: string[];
  /** ssh-agent socket (SSH_AUTH_SOCK), offered first. */
  agentSocket?: string;
  connectTimeoutMs: number;
  keepaliveMs: number;
  /** Commands run through `sudo -n --` (a non-root user whose profile says `sudo = yes`). */
  sudo: boolean;
  /** Per-command timeout when the caller gives none. */
  commandTimeoutMs?: number;
  /** Read a key file (injected: tests and errors). */
  readKey: (path: string) => Buffer | null;
  lang: Lang;
  /** false only to measure what Nagle's algorithm costs (docs/ssh.md). */
  noDelay?: boolean;
}

/** How long after the node's own deadline the local timer gives up on the channel. */
const LOCAL_TIMEOUT_GRACE_MS = 2000;

/** The preference order ssh2 uses by default; known key types are moved to the front. */
const HOST_KEY_ALGORITHMS: ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

function algorithmsFor(keyType: string): ServerHostKeyAlgorithm[] {
  if (keyType === 'ssh-rsa') return ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
  return HOST_KEY_ALGORITHMS.filter((a) => a === keyType);
}

/** OpenSSH's order: algorithms of the key types known_hosts has for this host come first. */
export function hostKeyAlgorithmOrder(knownTypes: string[]): ServerHostKeyAlgorithm[] {
  return [...new Set([...knownTypes.flatMap(algorithmsFor), ...HOST_KEY_ALGORITHMS])];
}

interface AuthPlan {
  methods: AnyAuthMethod[];
  offered: string[];
  encrypted: string[];
  tried: string[];
}

function authPlan(o: SshNodeOptions): AuthPlan {
  const plan: AuthPlan = { methods: [], offered: [], encrypted: [], tried: [] };
  if (o.agentSocket) {
    plan.methods.push({ type: 'agent', username: o.user, agent: o.agentSocket });
    plan.offered.push('ssh-agent');
  }
  for (const path of o.identityFiles) {
    plan.tried.push(path);
    const data = o.readKey(path);
    if (!data) continue;
    const parsed = utils.parseKey(data);
    if (parsed instanceof Error) {
      // ssh2 says "Encrypted private OpenSSH key detected, but no passphrase given".
      if (/passphrase|encrypted/i.test(parsed.message)) plan.encrypted.push(path);
      continue;
    }
    const key = (Array.isArray(parsed) ? parsed[0] : parsed) as ParsedKey;
    plan.methods.push({ type: 'publickey', username: o.user, key });
    plan.offered.push(path);
  }
  return plan;
}

/** Exit status as a shell reports it: a signal n becomes 128+n. */
function exitCode(code: number | null | undefined, signal: string | undefined): number {
  if (typeof code === 'number') return code;
  const n = signal ? (osConstants.signals as Record<string, number>)[signal] : undefined;
  return 128 + (n ?? 9);
}

/** Opens the connection (host key checked, key or agent auth); throws TransportError. */
export async function connectSsh(o: SshNodeOptions): Promise<SshTransport> {
  const plan = authPlan(o);
  if (plan.methods.length === 0) {
    const text = plan.encrypted.length > 0
      ? message('TCRM5031', { path: plan.encrypted[0]!, where: o.where }, o.lang)
      : message('TCRM5032', { where: o.where, tried: plan.tried.join(', ') || 'none' }, o.lang);
    throw new TransportError(text, o.where, false);
  }
  const client = new Client();
  // ssh2 may emit more than one error while failing (socket, then protocol): none may go unheard.
  client.on('error', () => {});
  let hostKeyRefusal: string | null = null;
  const config: ConnectConfig = {
    host: o.host,
    port: o.port,
    username: o.user,
    readyTimeout: o.connectTimeoutMs,
    keepaliveInterval: o.keepaliveMs,
    keepaliveCountMax: 3,
    authHandler: plan.methods,
    algorithms: { serverHostKey: hostKeyAlgorithmOrder(o.hostKeys.knownTypes()) },
    hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
      o.hostKeys.check(key).then(
        (refusal) => {
          hostKeyRefusal = refusal;
          verify(refusal === null);
        },
        (e: unknown) => {
          hostKeyRefusal = e instanceof Error ? e.message : String(e);
          verify(false);
        },
      );
    },
  };
  const started = Date.now();
  let agentProblem = '';
  await new Promise<void>((resolveReady, rejectReady) => {
    const fail = (err: Error & { level?: string; code?: string }): void => {
      // ssh2 reports an agent that cannot be reached or cannot sign, or a key that cannot sign,
      // and goes on with the next method: only the end of the methods is fatal.
      if (err.level === 'agent' || (err.level === 'client-authentication' && !/All configured authentication methods failed/.test(err.message))) {
        agentProblem = err.message;
        return;
      }
      client.removeListener('error', fail);
      client.removeAllListeners('ready');
      client.end();
      let text: string;
      if (hostKeyRefusal) text = hostKeyRefusal;
      else if (err.level === 'client-timeout') text = message('TCRM5040', { where: o.where, seconds: o.connectTimeoutMs / 1000 }, o.lang);
      else if (err.level === 'client-authentication') {
        text = plan.encrypted.length > 0
          ? message('TCRM5031', { path: plan.encrypted[0]!, where: o.where }, o.lang)
          : message('TCRM5030', { where: o.where, offered: plan.offered.join(', ') }, o.lang) + (agentProblem ? ` (${agentProblem})` : '');
      } else text = message('TCRM5041', { where: o.where, reason: err.code ? `${err.code} (${err.message})` : err.message }, o.lang);
      rejectReady(new TransportError(text, o.where, false));
    };
    client.once('ready', () => {
      client.removeListener('error', fail);
      resolveReady();
    });
    client.on('error', fail);
    client.connect(config);
    // Nagle's algorithm costs ~40 ms per login round trip (notes/stack.md): off right after connect.
    if (o.noDelay !== false) (client as unknown as { _sock?: { setNoDelay?: (v: boolean) => void } })._sock?.setNoDelay?.(true);
  });
  return new SshTransport(client, o, Date.now() - started);
}

export class SshTransport implements Transport {
  readonly where: string;
  nodeName?: string;
  /** Exec channels opened on this connection (the benchmark counts round trips). */
  execCount = 0;
  private closed = false;
  /** Commands in flight, failed when the connection drops under them. */
  private readonly pending = new Set<() => void>();

  constructor(
    private readonly client: InstanceType<typeof Client>,
    private readonly o: SshNodeOptions,
    /** Milliseconds from connect() to an authenticated session. */
    readonly connectMs: number,
  ) {
    this.where = o.where;
    const dropped = (): void => {
      if (this.closed) return;
      this.closed = true;
      for (const fail of [...this.pending]) fail();
    };
    client.on('close', dropped);
    client.on('end', dropped);
    // After ready, errors (keepalive timeout, socket reset) end in 'close'.
    client.on('error', () => {});
  }

  exec(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const command = argv[0] ?? '';
    if (this.closed) {
      return Promise.reject(new TransportError(message('TCRM5045', { where: this.where, command }, this.o.lang), this.where, false));
    }
    const timeoutMs = opts.timeoutMs ?? this.o.commandTimeoutMs;
    // The deadline is kept on the node by coreutils' `timeout`, which kills the command's whole
    // process group: sshd refuses `signal` requests for root logins (no privilege-separated
    // child), and closing an exec channel leaves its command running.
    const timed = timeoutMs ? ['timeout', '-s', 'KILL', String(timeoutMs / 1000), ...argv] : argv;
    let line: string;
    try {
      line = remoteCommand(timed, opts.env, this.o.sudo ? ['sudo', '-n', '--'] : []);
    } catch (e) {
      return Promise.reject(e); // a NUL or a bad variable name: nothing was sent
    }
    const started = Date.now();
    this.execCount++;
    return new Promise<ExecResult>((resolveResult, rejectResult) => {
      let settled = false;
      let stdinSent = false;
      let channel: ClientChannel | null = null;
      let timer: NodeJS.Timeout | undefined;
      const out: Buffer[] = [];
      const errOut: Buffer[] = [];
      const finish = (outcome: { result?: ExecResult; error?: TransportError }): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', interrupt);
        this.pending.delete(onDrop);
        if (outcome.error) rejectResult(outcome.error);
        else resolveResult(outcome.result!);
      };
      const dropped = (): TransportError =>
        new TransportError(message('TCRM5044', { where: this.where, command }, this.o.lang), this.where, true);
      // The exec request may have reached the node: the command may have run.
      const onDrop = (): void => finish({ error: dropped() });
      this.pending.add(onDrop);
      const interrupt = (): void => {
        const partial = { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(errOut).toString('utf8') };
        finish({ result: { code: INTERRUPTED_CODE, ...partial } });
        if (channel) killChannel(channel);
      };
      if (opts.signal?.aborted) {
        interrupt();
        return;
      }
      opts.signal?.addEventListener('abort', interrupt, { once: true });
      const timedOut = (): TransportError =>
        new TransportError(
          message(stdinSent ? 'TCRM5043' : 'TCRM5042', { command, where: this.where, seconds: timeoutMs! / 1000 }, this.o.lang),
          this.where,
          stdinSent,
        );
      if (timeoutMs) {
        // The node's `timeout` normally ends it first; this covers a node or link that hangs.
        timer = setTimeout(() => {
          finish({ error: timedOut() });
          if (channel) killChannel(channel);
        }, timeoutMs + LOCAL_TIMEOUT_GRACE_MS);
      }
      this.client.exec(line, (err, stream) => {
        if (err) {
          if (this.closed) finish({ error: dropped() });
          // The node refused the channel (MaxSessions …): the command did not run.
          else finish({ error: new TransportError(message('TCRM5045', { where: this.where, command }, this.o.lang) + ` (${err.message})`, this.where, false) });
          return;
        }
        channel = stream;
        if (settled) {
          killChannel(stream);
          return;
        }
        let code: number | null | undefined;
        let signal: string | undefined;
        stream.on('data', (b: Buffer) => out.push(b));
        stream.stderr.on('data', (b: Buffer) => errOut.push(b));
        stream.on('exit', (c: number | null, s?: string) => {
          code = c;
          signal = s;
        });
        stream.on('close', () => {
          if (code === undefined && signal === undefined) {
            // Closed without an exit status: the connection went away under the command.
            finish({ error: dropped() });
            return;
          }
          // `timeout -s KILL` exits 137 when the deadline killed the command.
          // (or dies of the same SIGKILL itself, as it signals its own process group).
          if (timeoutMs && exitCode(code, signal) === 137 && Date.now() - started >= timeoutMs) {
            finish({ error: timedOut() });
            return;
          }
          finish({
            result: {
              code: exitCode(code, signal),
              stdout: Buffer.concat(out).toString('utf8'),
              stderr: Buffer.concat(errOut).toString('utf8'),
            },
          });
        });
        stream.on('error', () => {});
        const input = opts.stdin ?? '';
        stdinSent = input.length > 0;
        stream.end(input);
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((done) => {
      this.client.once('close', () => done());
      this.client.end();
      setTimeout(done, 2000).unref();
    });
  }
}

/**
 * Stops a remote command: SIGKILL to its process group (OpenSSH honours `signal` requests), then
 * the channel is closed. ssh2's Channel.signal() refuses once stdin is ended, so the protocol
 * call is made directly (ssh2 is pinned at 1.17.0).
 */
function killChannel(channel: ClientChannel): void {
  const c = channel as unknown as {
    outgoing?: { id: number; state: string };
    _client?: { _protocol?: { signal(id: number, sig: string): void } };
  };
  try {
    if (c.outgoing && (c.outgoing.state === 'open' || c.outgoing.state === 'eof')) c._client?._protocol?.signal(c.outgoing.id, 'KILL');
  } catch {
    // the channel is closing anyway
  }
  channel.close();
}
