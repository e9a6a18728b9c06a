/**
 * The host-key decision for one node, as OpenSSH makes it, with tcrm's stricter rules:
 * known and matching → go on; revoked → refused; changed → always refused (even with
 * `StrictHostKeyChecking no`), naming the known_hosts file and line; unknown → refused with the
 * SHA256 fingerprint and how to accept it, unless `--accept-new-host-key` or the ssh config's
 * `StrictHostKeyChecking no|accept-new` says to add it, or (`ask`, OpenSSH's default) the user
 * at the REPL answers yes to OpenSSH's question: then one plain line is appended to the user's
 * known_hosts (write + fsync + rename).
 */
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomically } from '../commit/atomic-write.js';
import { message, type Lang } from '../messages/catalog.js';
import {
  checkHostKey,
  fingerprint,
  keyTypeOf,
  knownHostsLine,
  knownKeyTypes,
  parseKnownHosts,
  type KnownHostEntry,
} from './known-hosts.js';

export interface HostKeyPolicy {
  /** Key types known for the host (the handshake asks for these first). */
  knownTypes(): string[];
  /** null when the key is accepted, else the refusal text. */
  check(key: Buffer): Promise<string | null>;
}

export interface HostKeyPolicyOptions {
  /** The known_hosts name: `host`, `[host]:port`, or the HostKeyAlias. */
  name: string;
  /** The user's files; the first is the one new keys are added to. */
  userFiles: string[];
  /** Read-only files (/etc/ssh/ssh_known_hosts). */
  globalFiles: string[];
  acceptNew: boolean;
  strict: 'yes' | 'no' | 'accept-new' | 'ask';
  readText: (path: string) => string | null;
  notice: (text: string) => void;
  lang: Lang;
  /** Asks the user a yes/no question (an interactive session only); absent: `ask` refuses. */
  askUser?: (question: string) => Promise<boolean>;
}

export function hostKeyPolicy(o: HostKeyPolicyOptions): HostKeyPolicy {
  const files = [...o.userFiles, ...o.globalFiles];
  const load = (): KnownHostEntry[] =>
    files.flatMap((path) => {
      const text = o.readText(path);
      return text === null ? [] : parseKnownHosts({ path, text });
    });
  let entries = load();
  const notedCa = new Set<string>();
  return {
    knownTypes: () => knownKeyTypes(entries, o.name),
    async check(key: Buffer): Promise<string | null> {
      entries = load();
      for (const e of entries) {
        const at = `${e.path}:${e.lineNo}`;
        if (e.marker === 'cert-authority' && !notedCa.has(at)) {
          notedCa.add(at);
          o.notice(message('TCRM5024', { file: e.path, line: e.lineNo }, o.lang));
        }
      }
      const verdict = checkHostKey(entries, o.name, key);
      const params = { name: o.name, type: keyTypeOf(key), fingerprint: fingerprint(key) };
      switch (verdict.kind) {
        case 'known':
          return null;
        case 'revoked':
          return message('TCRM5022', { ...params, file: verdict.entry.path, line: verdict.entry.lineNo }, o.lang);
        case 'changed':
          return message('TCRM5021', { ...params, file: verdict.entry.path, line: verdict.entry.lineNo }, o.lang);
        case 'unknown': {
          const target = o.userFiles[0]!;
          const accepted =
            o.acceptNew ||
            o.strict === 'no' ||
            o.strict === 'accept-new' ||
            (o.strict === 'ask' && o.askUser !== undefined && (await o.askUser(message('TCRM5026', { ...params, file: target }, o.lang))));
          if (!accepted) return message('TCRM5020', { ...params, files: files.join(', '), file: target }, o.lang);
          await appendLine(target, knownHostsLine(o.name, key), o.readText);
          entries = load();
          o.notice(message('TCRM5023', { ...params, file: target }, o.lang));
          return null;
        }
      }
    },
  };
}

/** Appends one line: the file is re-read and replaced whole, so a crash leaves old or new. */
async function appendLine(path: string, line: string, readText: (path: string) => string | null): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const old = readText(path) ?? '';
  const sep = old === '' || old.endsWith('\n') ? '' : '\n';
  await writeFileAtomically(path, `${old}${sep}${line}\n`);
}
