/**
 * The cluster option names Pacemaker's daemons advertise (controld, schedulerd, based
 * metadata), vendored in data/cluster-options.json beside data/agents.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { agentDataDir } from '../agents/data-dir.js';

let names: string[] | undefined;

export function clusterOptionNames(): string[] {
  names ??= (
    JSON.parse(readFileSync(join(dirname(agentDataDir()), 'cluster-options.json'), 'utf8')) as { options: Array<{ name: string }> }
  ).options.map((o) => o.name);
  return names;
}
