/**
 * Which source is the truth (DECISIONS.md, "Resource-agent data"): a live node's agents when
 * connected (pass its exec), else the local machine's when Pacemaker's crm_resource answers,
 * else the bundled data. `TCRM_AGENT_SOURCE=bundled` forces the bundled data (tests of the
 * offline path on a machine with Pacemaker). `agentsDir` lays custom agents over the truth.
 */
import { AgentCache } from './agent-cache.js';
import { createBundledCatalog } from './bundled-catalog.js';
import { loadCommandCatalog, type Exec } from './command-catalog.js';
import { createDirCatalog } from './dir-catalog.js';
import { layerCatalogs } from './layered-catalog.js';
import type { AgentCatalog } from './types.js';

export interface ChooseCatalogOptions {
  /** runs Pacemaker's tools locally, or on a node over SSH */
  exec?: Exec;
  /** cache key prefix of that exec's answers: `local` or the node's name */
  source?: string;
  /** agents to fetch metadata for up front (e.g. verify's agentsUsedBy(doc)) */
  prefetch?: string[];
  cache?: AgentCache;
  agentsDir?: string;
  env?: Record<string, string | undefined>;
}

export interface ChosenCatalog {
  catalog: AgentCatalog;
  /** `bundled`, or the exec's source name */
  source: string;
}

let bundled: AgentCatalog | undefined;
export function bundledCatalog(): AgentCatalog {
  return (bundled ??= createBundledCatalog());
}

export async function chooseCatalog(opts: ChooseCatalogOptions = {}): Promise<ChosenCatalog> {
  const env = opts.env ?? process.env;
  let chosen: ChosenCatalog = { catalog: bundledCatalog(), source: 'bundled' };
  if (opts.exec && env.TCRM_AGENT_SOURCE !== 'bundled') {
    const source = opts.source ?? 'local';
    const live = await loadCommandCatalog(opts.exec, {
      source,
      cache: opts.cache ?? new AgentCache(),
      prefetch: opts.prefetch ?? [],
      fallback: bundledCatalog(),
    });
    if (live) chosen = { catalog: live, source };
  }
  if (opts.agentsDir) chosen = { ...chosen, catalog: layerCatalogs(createDirCatalog(opts.agentsDir), chosen.catalog) };
  return chosen;
}
