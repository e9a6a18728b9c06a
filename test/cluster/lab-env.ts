/** The env file that `lab.sh up` writes: node names, IPs, SSH files and the baseline CIB. */
import { readFileSync } from 'node:fs';

export interface LabNode {
  name: string;
  ip: string;
  netns: string;
  dir: string;
}

export interface LabEnv {
  dir: string;
  nodes: LabNode[];
  bridge: string;
  bridgeIp: string;
  sshPort: number;
  sshUser: string;
  sshKey: string;
  sshConfig: string;
  knownHosts: string;
  baselineCib: string;
}

export const DEFAULT_LAB_DIR = '/tmp/tcrm-lab';

export function labDir(): string {
  return process.env.LAB_DIR ?? DEFAULT_LAB_DIR;
}

/** KEY=VALUE lines; values may be wrapped in double quotes. */
function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!match) continue;
    values.set(match[1], match[2].replace(/^"(.*)"$/, '$1'));
  }
  return values;
}

export function readLabEnv(dir = labDir()): LabEnv {
  const values = parseEnvFile(readFileSync(`${dir}/env`, 'utf8'));
  const get = (key: string): string => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`${dir}/env has no ${key}`);
    return value;
  };
  const nodes: LabNode[] = [];
  for (let i = 1; i <= Number(get('LAB_NODE_COUNT')); i++) {
    nodes.push({
      name: get(`LAB_NODE${i}_NAME`),
      ip: get(`LAB_NODE${i}_IP`),
      netns: get(`LAB_NODE${i}_NETNS`),
      dir: get(`LAB_NODE${i}_DIR`),
    });
  }
  return {
    dir: get('LAB_DIR'),
    nodes,
    bridge: get('LAB_BRIDGE'),
    bridgeIp: get('LAB_BRIDGE_IP'),
    sshPort: Number(get('LAB_SSH_PORT')),
    sshUser: get('LAB_SSH_USER'),
    sshKey: get('LAB_SSH_KEY'),
    sshConfig: get('LAB_SSH_CONFIG'),
    knownHosts: get('LAB_KNOWN_HOSTS'),
    baselineCib: get('LAB_BASELINE_CIB'),
  };
}
