/**
 * From the command line and environment to the session's `openTransport`: the profile is
 * resolved (and its errors reported) at start; the SSH code (ssh2) is loaded only when the first
 * command needs the cluster, so offline runs do not pay for it.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../messages/catalog.js';
import { resolveProfile, type ClusterProfile } from './profile.js';
import type { Transport } from './types.js';

export interface ClusterArgs {
  hosts?: string;
  profile?: string;
  acceptNewHostKey: boolean;
}

export type ClusterOpener =
  | { ok: true; profile: ClusterProfile | null; open?: () => Promise<Transport> }
  | { ok: false; error: string };

export function clusterOpener(
  args: ClusterArgs,
  env: Record<string, string | undefined>,
  lang: Lang,
  notice: (text: string) => void,
  /** Asked when a node's host key is unknown and the ssh config says `ask` (interactive only). */
  askUser?: () => ((question: string) => Promise<boolean>) | undefined,
): ClusterOpener {
  const readText = (path: string): string | null => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  const req: { hosts?: string; profile?: string } = {};
  if (args.hosts !== undefined) req.hosts = args.hosts;
  if (args.profile !== undefined) req.profile = args.profile;
  const resolved = resolveProfile(req, env, readText, lang);
  if (resolved === null) return { ok: true, profile: null };
  if (!resolved.ok) return resolved;
  const profile = resolved.value;
  return {
    ok: true,
    profile,
    open: async () => {
      const { openCluster } = await import('./cluster.js');
      const ask = askUser?.();
      return openCluster(profile, env, { notice }, { acceptNewHostKey: args.acceptNewHostKey, lang, ...(ask ? { askUser: ask } : {}) });
    },
  };
}
