/**
 * OpenSSH's known_hosts, read and checked by tcrm (ssh2 leaves host keys to the caller). Pure:
 * file texts in, a verdict out. Supports plain and hashed (`|1|salt|hash`) names, `[host]:port`,
 * comma-separated names with `*`/`?`/`!` patterns, `@revoked` (refused) and `@cert-authority`
 * (tcrm does not check certificates: such lines are skipped with a note).
 */
import { createHash, createHmac } from 'node:crypto';
import { hostPatternsMatch } from './ssh-config.js';

export interface KnownHostsFile {
  path: string;
  text: string;
}

export interface KnownHostEntry {
  path: string;
  lineNo: number;
  marker?: 'revoked' | 'cert-authority';
  /** The names field as written (comma-separated patterns, or one `|1|…` hash). */
  names: string;
  keyType: string;
  keyBase64: string;
}

export type HostKeyVerdict =
  | { kind: 'known'; entry: KnownHostEntry }
  | { kind: 'revoked'; entry: KnownHostEntry }
  | { kind: 'changed'; entry: KnownHostEntry }
  | { kind: 'unknown' };

/** The name OpenSSH looks up: `host`, or `[host]:port` off port 22 (a HostKeyAlias has no port). */
export function knownHostsName(host: string, port: number, alias?: string): string {
  if (alias) return alias;
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `SHA256:…` as `ssh-keygen -l` and OpenSSH's prompts print it (base64, no padding). */
export function fingerprint(keyBlob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '');
}

/** The key type named inside an SSH public key blob (its first length-prefixed string). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const n = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + n).toString('latin1');
}

export function parseKnownHosts(file: KnownHostsFile): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  file.text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields.shift() === '@revoked' ? 'revoked' : 'cert-authority';
    } else if (fields[0]!.startsWith('@')) return; // unknown marker: OpenSSH skips the line
    const [names, keyType, keyBase64] = fields;
    if (!names || !keyType || !keyBase64) return;
    const entry: KnownHostEntry = { path: file.path, lineNo: i + 1, names, keyType, keyBase64 };
    if (marker) entry.marker = marker;
    entries.push(entry);
  });
  return entries;
}

function hashedNameMatches(field: string, name: string): boolean {
  const parts = field.split('|'); // ['', '1', salt, hash]
  if (parts.length !== 4 || parts[1] !== '1') return false;
  const salt = Buffer.from(parts[2]!, 'base64');
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return hash === parts[3];
}

/** Does this entry's names field cover `name` (already in `[host]:port` form when needed)? */
export function entryNamesMatch(names: string, name: string): boolean {
  if (names.startsWith('|')) return hashedNameMatches(names, name);
  return hostPatternsMatch(names.split(','), name);
}

/**
 * The verdict for a host key: revoked anywhere → revoked; an entry for this name with the same
 * key → known; an entry for this name and key type with another key → changed; else unknown.
 */
export function checkHostKey(entries: KnownHostEntry[], name: string, keyBlob: Buffer): HostKeyVerdict {
  const b64 = keyBlob.toString('base64');
  const type = keyTypeOf(keyBlob);
  const revoked = entries.find((e) => e.marker === 'revoked' && e.keyBase64 === b64);
  if (revoked) return { kind: 'revoked', entry: revoked };
  const forName = entries.filter((e) => e.marker === undefined && entryNamesMatch(e.names, name));
  const same = forName.find((e) => e.keyBase64 === b64);
  if (same) return { kind: 'known', entry: same };
  const changed = forName.find((e) => e.keyType === type);
  if (changed) return { kind: 'changed', entry: changed };
  return { kind: 'unknown' };
}

/** Key types known for a name, so the handshake can ask for them first (as OpenSSH orders). */
export function knownKeyTypes(entries: KnownHostEntry[], name: string): string[] {
  const types: string[] = [];
  for (const e of entries) {
    if (e.marker === undefined && entryNamesMatch(e.names, name) && !types.includes(e.keyType)) types.push(e.keyType);
  }
  return types;
}

/** The line `--accept-new-host-key` appends (plain name, as OpenSSH with HashKnownHosts no). */
export function knownHostsLine(name: string, keyBlob: Buffer): string {
  return `${name} ${keyTypeOf(keyBlob)} ${keyBlob.toString('base64')}`;
}
