/**
 * One node's SSH settings, from the cluster profile, `~/.ssh/config` and OpenSSH's defaults, in
 * OpenSSH's precedence: `user@host:port` as written wins, then the profile, then the ssh config,
 * then the defaults (port 22, the local user, id_ed25519/id_ecdsa/id_rsa, ~/.ssh/known_hosts).
 */
import { join } from 'node:path';
import type { ClusterProfile, NodeAddress } from './profile.js';
import { homeOf } from './profile.js';
import { resolveSshConfig } from './ssh-config.js';
import { knownHostsName } from './known-hosts.js';

export interface NodeSettings {
  host: string;
  port: number;
  user: string;
  where: string;
  knownHostsName: string;
  identityFiles: string[];
  userKnownHostsFiles: string[];
  globalKnownHostsFiles: string[];
  strict: 'yes' | 'no' | 'accept-new' | 'ask';
  connectTimeoutMs: number;
  commandTimeoutMs?: number;
  agentSocket?: string;
  /** Config keywords outside tcrm's subset that applied to this host. */
  ignored: string[];
  sshConfigPath: string;
}

export const DEFAULT_IDENTITIES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
export const DEFAULT_CONNECT_TIMEOUT_SEC = 10;

export function nodeSettings(
  node: NodeAddress,
  profile: ClusterProfile,
  env: Record<string, string | undefined>,
  readText: (path: string) => string | null,
  localUser: string,
): NodeSettings {
  const home = homeOf(env);
  const sshDir = join(home, '.ssh');
  const sshConfigPath = join(sshDir, 'config');
  const cfg = resolveSshConfig(readText(sshConfigPath) ?? '', node.host, { home, localUser, originalHost: node.host });
  const host = cfg.hostName ?? node.host;
  const port = node.port ?? cfg.port ?? 22;
  const user = node.user ?? profile.user ?? cfg.user ?? localUser;
  const settings: NodeSettings = {
    host,
    port,
    user,
    where: `${user}@${node.host}${port === 22 ? '' : `:${port}`}`,
    knownHostsName: knownHostsName(host, port, cfg.hostKeyAlias),
    identityFiles: profile.identityFiles ?? (cfg.identityFiles.length > 0 ? cfg.identityFiles : DEFAULT_IDENTITIES.map((f) => join(sshDir, f))),
    userKnownHostsFiles: profile.knownHostsFile
      ? [profile.knownHostsFile]
      : cfg.userKnownHostsFiles ?? [join(sshDir, 'known_hosts'), join(sshDir, 'known_hosts2')],
    globalKnownHostsFiles: ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'],
    strict: cfg.strictHostKeyChecking ?? 'ask',
    connectTimeoutMs: (profile.connectTimeoutSec ?? cfg.connectTimeoutSec ?? DEFAULT_CONNECT_TIMEOUT_SEC) * 1000,
    ignored: cfg.ignored,
    sshConfigPath,
  };
  if (profile.commandTimeoutSec !== undefined) settings.commandTimeoutMs = profile.commandTimeoutSec * 1000;
  if (env.SSH_AUTH_SOCK) settings.agentSocket = env.SSH_AUTH_SOCK;
  return settings;
}

