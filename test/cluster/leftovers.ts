/**
 * What the lab leaves on the machine: used by the smoke test to prove that `down` removes every
 * namespace, process, bridge, veth, mount and directory it made. The lab's processes are found by
 * their network namespace (inode of /proc/PID/ns/net), never by name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface HostSnapshot {
  netns: string[];
  links: string[];
  mountPoints: string[];
  paths: Record<string, boolean>;
}

function listNetns(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((name) => name !== '');
}

function listLinks(): string[] {
  return readdirSync('/sys/class/net').sort();
}

function hostMountPoints(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split(' ')[4])
    .sort();
}

export function hostSnapshot(watchedPaths: string[]): HostSnapshot {
  return {
    netns: listNetns(),
    links: listLinks(),
    mountPoints: hostMountPoints(),
    paths: Object.fromEntries(watchedPaths.map((path) => [path, existsSync(path)])),
  };
}

/** The network-namespace inode of a process, or undefined if it is gone. */
function netnsInode(pid: string): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

/** The namespace identities of the lab's nodes, read from processes known to be inside them. */
export function labNetnsInodes(pids: string[]): Set<string> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    const inode = netnsInode(pid);
    if (inode) inodes.add(inode);
  }
  return inodes;
}

/** Every process (zombies included) still in one of the given network namespaces, or alive among PIDS. */
export function processesLeft(netnsInodes: Set<string>, pids: string[]): string[] {
  const left = new Set<string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const inode = netnsInode(entry);
    if (inode && netnsInodes.has(inode)) left.add(entry);
  }
  for (const pid of pids) if (existsSync(`/proc/${pid}`)) left.add(pid);
  return [...left].sort();
}

/** Describes a process for a failure message. */
export function describeProcess(pid: string): string {
  try {
    return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`;
  } catch {
    return `${pid} (gone)`;
  }
}
