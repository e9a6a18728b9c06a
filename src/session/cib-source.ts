/**
 * Which CIB a session works on (DECISIONS.md "Which CIB"): a shadow (`CIB_shadow`), a CIB file
 * (`CIB_file`), the live cluster (over SSH when a profile was given, else this machine's when a
 * cluster runs here), or the offline default CIB in the state directory. Files are read and
 * committed in-process; the live CIB through the session's transport (live-target.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from './state-dir.js';

export type CibSourceKind = 'file' | 'offline' | 'shadow' | 'live';

export interface CibSource {
  kind: CibSourceKind;
  /** What the prompt shows: `live` for files and the cluster, the shadow's name otherwise. */
  label: string;
  /** The file behind it (absent for the live cluster). */
  path?: string;
  /** For a shadow: its name. */
  shadow?: string;
}

/** Where shadows live: crm_shadow's directory on a cluster node (shared with crm), else ours. */
export function shadowDir(env: Record<string, string | undefined>): string {
  if (env.CIB_shadow_dir) return env.CIB_shadow_dir;
  if (onClusterNode(env)) return '/var/lib/pacemaker/cib';
  return join(stateDir(env), 'shadows');
}

export function shadowPath(env: Record<string, string | undefined>, name: string): string {
  return join(shadowDir(env), `shadow.${name}`);
}

/** A cluster has run on this machine (DECISIONS.md: the corosync nodelist is no sign of one). */
export function onClusterNode(env: Record<string, string | undefined>): boolean {
  return env.TCRM_NO_LOCAL_CLUSTER !== '1' && existsSync('/var/lib/pacemaker/cib/cib.xml');
}

export function offlineCibPath(env: Record<string, string | undefined>): string {
  return join(stateDir(env), 'offline.cib.xml');
}

/**
 * The CIB a fresh session starts on: CIB_shadow, else the cluster named by a profile (`remote`:
 * --hosts, -C or TCRM_HOSTS), else CIB_file, else live or offline.
 */
export function initialSource(env: Record<string, string | undefined>, cwd: string, remote = false): CibSource {
  if (env.CIB_shadow) {
    return { kind: 'shadow', label: env.CIB_shadow, shadow: env.CIB_shadow, path: shadowPath(env, env.CIB_shadow) };
  }
  return fileOrOffline(env, cwd, remote);
}

/**
 * The CIB that `cib use live` / `cib commit` target. A cluster profile given on the command line
 * wins over a CIB_file left in the environment (the explicit choice is the newer one); then
 * CIB_file, the local cluster, or offline.
 */
export function fileOrOffline(env: Record<string, string | undefined>, cwd: string, remote = false): CibSource {
  if (remote) return { kind: 'live', label: 'live' };
  if (env.CIB_file) {
    const path = env.CIB_file.startsWith('/') ? env.CIB_file : join(cwd, env.CIB_file);
    return { kind: 'file', label: 'live', path };
  }
  if (onClusterNode(env)) return { kind: 'live', label: 'live' };
  return { kind: 'offline', label: 'live', path: offlineCibPath(env) };
}

/** An empty CIB as `cibadmin --empty` makes it (pacemaker 2.1.5, schema pacemaker-3.9). */
export function emptyCibXml(epoch = 1): string {
  return `<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="${epoch}" num_updates="0" admin_epoch="0">
  <configuration>
    <crm_config/>
    <nodes/>
    <resources/>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;
}
