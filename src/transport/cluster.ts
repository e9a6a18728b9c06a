/**
 * Opening the cluster: connect to the profile's nodes in order, ask each reachable one (one
 * exec) whether its partition has quorum and knows the DC, keep the first that does, else the
 * first reachable one; tell the user which node served. A node that is down, refuses its host
 * key or our keys is reported and the next one is tried.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { message, type Lang } from '../messages/catalog.js';
import type { ClusterProfile } from './profile.js';
import { nodeSettings } from './node-options.js';
import { hostKeyPolicy } from './host-key-policy.js';
import { connectSsh, type SshTransport } from './ssh.js';
import { PROBE_ARGV, parseProbe, servesWell, type NodeReport } from './node-choice.js';
import { TransportError, type Transport } from './types.js';

export interface ClusterReporter {
  /** One line for the user, not command output (stderr). */
  notice(text: string): void;
}

export interface OpenClusterOptions {
  acceptNewHostKey: boolean;
  lang: Lang;
  /** The interactive session's yes/no question, for `StrictHostKeyChecking ask` (the default). */
  askUser?: (question: string) => Promise<boolean>;
  /** Keepalive interval (ms); default 15 s. */
  keepaliveMs?: number;
  /** Timeout of the node-choice probe (ms); default 20 s. */
  probeTimeoutMs?: number;
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function readKeyOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function localUserName(env: Record<string, string | undefined>): string {
  if (env.USER) return env.USER;
  if (env.LOGNAME) return env.LOGNAME;
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}

export async function openCluster(
  profile: ClusterProfile,
  env: Record<string, string | undefined>,
  reporter: ClusterReporter,
  opts: OpenClusterOptions,
): Promise<Transport> {
  const lang = opts.lang;
  const localUser = localUserName(env);
  const ignoredNamed = new Set<string>();
  let fallback: { transport: SshTransport; report: NodeReport } | null = null;
  const failures: string[] = [];
  for (const [index, node] of profile.nodes.entries()) {
    // The last failure, when no node is left to serve, is the error itself: not said twice.
    const warn = (where: string, reason: string): void => {
      failures.push(reason);
      if (index < profile.nodes.length - 1 || fallback) reporter.notice(`WARNING: ${message('TCRM5012', { where, reason }, lang)}`);
    };
    const s = nodeSettings(node, profile, env, readTextOrNull, localUser);
    const fresh = s.ignored.filter((k) => !ignoredNamed.has(k));
    if (fresh.length > 0) {
      fresh.forEach((k) => ignoredNamed.add(k));
      reporter.notice(`WARNING: ${message('TCRM5025', { path: s.sshConfigPath, host: node.host, keywords: fresh.join(', ') }, lang)}`);
    }
    let transport: SshTransport;
    try {
      transport = await connectSsh({
        host: s.host,
        port: s.port,
        user: s.user,
        where: s.where,
        hostKeys: hostKeyPolicy({
          name: s.knownHostsName,
          userFiles: s.userKnownHostsFiles,
          globalFiles: s.globalKnownHostsFiles,
          acceptNew: opts.acceptNewHostKey,
          strict: s.strict,
          readText: readTextOrNull,
          notice: (t) => reporter.notice(`INFO: ${t}`),
          lang,
          ...(opts.askUser ? { askUser: opts.askUser } : {}),
        }),
        identityFiles: s.identityFiles,
        ...(s.agentSocket ? { agentSocket: s.agentSocket } : {}),
        connectTimeoutMs: s.connectTimeoutMs,
        keepaliveMs: opts.keepaliveMs ?? 15_000,
        sudo: profile.sudo,
        ...(s.commandTimeoutMs ? { commandTimeoutMs: s.commandTimeoutMs } : {}),
        readKey: readKeyOrNull,
        lang,
      });
    } catch (e) {
      warn(s.where, e instanceof Error ? e.message : String(e));
      continue;
    }
    let report: NodeReport;
    try {
      const r = await transport.exec(PROBE_ARGV, { timeoutMs: opts.probeTimeoutMs ?? 20_000 });
      report = parseProbe(r.code, r.stdout, r.stderr);
    } catch (e) {
      warn(s.where, e instanceof Error ? e.message : String(e));
      await transport.close();
      continue;
    }
    if (report.nodeName) transport.nodeName = report.nodeName;
    if (servesWell(report)) {
      if (fallback) await fallback.transport.close();
      reporter.notice(`INFO: ${message('TCRM5010', { node: report.nodeName, where: s.where, dc: report.dc! }, lang)}`);
      return transport;
    }
    if (fallback) await transport.close();
    else fallback = { transport, report };
  }
  if (fallback) {
    reporter.notice(`INFO: ${message('TCRM5011', { node: fallback.report.nodeName, where: fallback.transport.where }, lang)}`);
    return fallback.transport;
  }
  const hosts = profile.nodes.map((n) => n.spec).join(', ');
  const text = `${message('TCRM5013', { hosts }, lang)}; ${failures[failures.length - 1] ?? ''}`;
  throw new TransportError(text, profile.source, false);
}
