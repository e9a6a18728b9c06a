/**
 * Which cluster to talk to: `--hosts`, a named profile (`-C NAME`) in
 * `$XDG_CONFIG_HOME/tcrm/clusters.conf`, or `TCRM_HOSTS`, in that order. Pure parsing; the
 * caller reads the file. clusters.conf is a small INI (docs/ssh.md):
 *
 *     # comment
 *     [lab]
 *     hosts = root@10.200.0.11, root@10.200.0.12:22
 *     user = admin            # for hosts that name no user
 *     sudo = yes              # run Pacemaker's tools through `sudo -n`
 *     identity = ~/.ssh/lab_ed25519
 *     known_hosts = ~/.ssh/known_hosts_lab
 *     connect_timeout = 10    # seconds
 *     command_timeout = 120   # seconds
 */
import { join } from 'node:path';
import { message, type Lang } from '../messages/catalog.js';

export interface NodeAddress {
  user?: string;
  host: string;
  port?: number;
  /** As written, for messages. */
  spec: string;
}

export interface ClusterProfile {
  /** Where it came from, for messages: `--hosts`, `TCRM_HOSTS` or the profile's name. */
  source: string;
  nodes: NodeAddress[];
  user?: string;
  sudo: boolean;
  identityFiles?: string[];
  knownHostsFile?: string;
  connectTimeoutSec?: number;
  commandTimeoutSec?: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const HOST_SPEC = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s\[\]]+)(?::(\d+))?$/;

/** `user@host[:port],…` (IPv6 in brackets: `root@[::1]:2222`). */
export function parseHosts(text: string, source: string, lang: Lang = 'en'): Parsed<NodeAddress[]> {
  const nodes: NodeAddress[] = [];
  for (const raw of text.split(',')) {
    const spec = raw.trim();
    if (spec === '') continue;
    const m = HOST_SPEC.exec(spec);
    const port = m?.[3] === undefined ? undefined : Number(m[3]);
    if (!m || (port !== undefined && (port < 1 || port > 65535))) {
      return { ok: false, error: message('TCRM5001', { spec, source }, lang) };
    }
    const host = m[2]!.startsWith('[') ? m[2]!.slice(1, -1) : m[2]!;
    const node: NodeAddress = { host, spec };
    if (m[1] !== undefined) node.user = m[1];
    if (port !== undefined) node.port = port;
    nodes.push(node);
  }
  if (nodes.length === 0) return { ok: false, error: message('TCRM5001', { spec: JSON.stringify(text), source }, lang) };
  return { ok: true, value: nodes };
}

type Section = Map<string, { value: string; line: number }>;

/** `[name]` sections of `key = value` lines; `#` and `;` start comments. */
export function parseClustersConf(text: string, path: string, lang: Lang = 'en'): Parsed<Map<string, Section>> {
  const sections = new Map<string, Section>();
  let current: Section | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\s[#;].*$/, '').trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1]!.trim(), current);
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (!kv || !current) {
      const reason = current ? `expected key = value, got ${JSON.stringify(line)}` : 'a setting before any [profile] header';
      return { ok: false, error: message('TCRM5003', { path, line: i + 1, reason }, lang) };
    }
    current.set(kv[1]!.toLowerCase().replace(/-/g, '_'), { value: kv[2]!.trim(), line: i + 1 });
  }
  return { ok: true, value: sections };
}

const YES = new Set(['yes', 'true', 'on', '1']);
const NO = new Set(['no', 'false', 'off', '0']);
const KEYS = new Set(['hosts', 'user', 'sudo', 'identity', 'known_hosts', 'connect_timeout', 'command_timeout']);

function profileFromSection(name: string, section: Section, path: string, home: string, lang: Lang): Parsed<ClusterProfile> {
  const bad = (line: number, reason: string): Parsed<ClusterProfile> => ({
    ok: false,
    error: message('TCRM5003', { path, line, reason }, lang),
  });
  for (const [key, { line }] of section) if (!KEYS.has(key)) return bad(line, `unknown setting ${key} (known: ${[...KEYS].join(', ')})`);
  const hosts = section.get('hosts');
  if (!hosts || hosts.value === '') return { ok: false, error: message('TCRM5004', { name, path }, lang) };
  const nodes = parseHosts(hosts.value, `${path}:${hosts.line}`, lang);
  if (!nodes.ok) return nodes;
  const profile: ClusterProfile = { source: name, nodes: nodes.value, sudo: false };
  const user = section.get('user');
  if (user) profile.user = user.value;
  const sudo = section.get('sudo');
  if (sudo) {
    const v = sudo.value.toLowerCase();
    if (!YES.has(v) && !NO.has(v)) return bad(sudo.line, `sudo must be yes or no, not ${JSON.stringify(sudo.value)}`);
    profile.sudo = YES.has(v);
  }
  const identity = section.get('identity');
  if (identity) profile.identityFiles = identity.value.split(',').map((p) => expandHome(p.trim(), home)).filter((p) => p !== '');
  const knownHosts = section.get('known_hosts');
  if (knownHosts) profile.knownHostsFile = expandHome(knownHosts.value, home);
  for (const key of ['connect_timeout', 'command_timeout'] as const) {
    const entry = section.get(key);
    if (!entry) continue;
    const n = Number(entry.value);
    if (!Number.isFinite(n) || n <= 0) return bad(entry.line, `${key} must be a number of seconds, not ${JSON.stringify(entry.value)}`);
    if (key === 'connect_timeout') profile.connectTimeoutSec = n;
    else profile.commandTimeoutSec = n;
  }
  return { ok: true, value: profile };
}

export function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? home + path.slice(1) : path;
}

export function homeOf(env: Record<string, string | undefined>): string {
  return env.HOME ?? '/root';
}

export function clustersConfPath(env: Record<string, string | undefined>): string {
  return join(env.XDG_CONFIG_HOME || join(homeOf(env), '.config'), 'tcrm', 'clusters.conf');
}

export interface ProfileRequest {
  hosts?: string;
  profile?: string;
}

/**
 * The profile asked for, or null when none is (tcrm then works locally or offline).
 * `readText(path)` returns the file's text or null when it does not exist.
 */
export function resolveProfile(
  req: ProfileRequest,
  env: Record<string, string | undefined>,
  readText: (path: string) => string | null,
  lang: Lang = 'en',
): Parsed<ClusterProfile> | null {
  if (req.hosts !== undefined) {
    const nodes = parseHosts(req.hosts, '--hosts', lang);
    return nodes.ok ? { ok: true, value: { source: '--hosts', nodes: nodes.value, sudo: false } } : nodes;
  }
  if (req.profile !== undefined) {
    const path = clustersConfPath(env);
    const text = readText(path);
    const sections = parseClustersConf(text ?? '', path, lang);
    if (!sections.ok) return sections;
    const section = sections.value.get(req.profile);
    if (!section) return { ok: false, error: message('TCRM5002', { name: req.profile, path }, lang) };
    return profileFromSection(req.profile, section, path, homeOf(env), lang);
  }
  if (env.TCRM_HOSTS) {
    const nodes = parseHosts(env.TCRM_HOSTS, 'TCRM_HOSTS', lang);
    return nodes.ok ? { ok: true, value: { source: 'TCRM_HOSTS', nodes: nodes.value, sudo: false } } : nodes;
  }
  return null;
}
