/**
 * The local (or, through an SSH exec, a node's) source: Pacemaker's own tools answer.
 * The lists are read when the catalog is loaded; metadata is fetched for the agents named in
 * `prefetch` (e.g. those a CIB uses) and cached per source. An agent that was not prefetched
 * is answered by `fallback` (the bundled data) rather than called absent.
 */
import { AgentCache } from './agent-cache.js';
import { readAgentMetadata, readParameters } from './parse-metadata.js';
import { agentLabel, resolveAgentSpec } from './spec.js';
import type { AgentCatalog, AgentFacts, AgentSpec, ParamFacts } from './types.js';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}
/** Runs a command (argv, no shell); injected so this folder never imports child_process. */
export type Exec = (argv: string[]) => Promise<ExecResult>;

export interface CommandCatalogOptions {
  /** Cache key prefix: `local`, or the node's name. */
  source: string;
  cache?: AgentCache;
  prefetch?: string[];
  fallback?: AgentCatalog;
  fencerPath?: string;
}

export interface CommandCatalog extends AgentCatalog {
  /** Fetch (and cache) more agents' metadata. */
  prefetch(specs: Array<string | AgentSpec>): Promise<void>;
}

function words(r: ExecResult): string[] {
  return r.code === 0 ? r.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '') : [];
}

/** Null when crm_resource itself is not there (exit 127 or no output at all for standards). */
export async function loadCommandCatalog(exec: Exec, opts: CommandCatalogOptions): Promise<CommandCatalog | null> {
  const cache = opts.cache ?? new AgentCache();
  const standards = await exec(['crm_resource', '--list-standards']);
  if (standards.code !== 0) return null;
  const classes = words(standards);
  const providers = words(await exec(['crm_resource', '--list-ocf-providers']));
  const agents = new Map<string, string[]>();
  await Promise.all([
    ...providers.map(async (p) => agents.set(`ocf:${p}`, words(await exec(['crm_resource', '--list-agents', `ocf:${p}`])))),
    ...classes
      .filter((c) => c !== 'ocf')
      .map(async (c) => agents.set(c, words(await exec(['crm_resource', '--list-agents', c])))),
  ]);
  const fencer = await exec([opts.fencerPath ?? '/usr/lib/pacemaker/pacemaker-fenced', 'metadata']);
  const fencerParams: ParamFacts[] = fencer.code === 0 ? readParameters(fencer.stdout, { prose: true }) : (opts.fallback?.fencerParams() ?? []);

  const providersOf = (type: string): string[] => providers.filter((p) => (agents.get(`ocf:${p}`) ?? []).includes(type));
  const resolve = (spec: string | AgentSpec): AgentSpec | null => resolveAgentSpec(spec, providersOf);

  const fetch = async (spec: string | AgentSpec): Promise<void> => {
    const s = resolve(spec);
    if (!s) return;
    const label = s.cls === 'ocf' ? agentLabel(s) : `${s.cls}:${s.type}`;
    if (cache.has(opts.source, label)) return;
    const r = await exec(['crm_resource', '--show-metadata', label]);
    cache.set(opts.source, label, r.code === 0 ? readAgentMetadata(r.stdout, { prose: true }) : null);
  };

  const metadata = (spec: string | AgentSpec): AgentFacts | null => {
    const s = resolve(spec);
    if (!s) return null;
    const label = s.cls === 'ocf' ? agentLabel(s) : `${s.cls}:${s.type}`;
    const cached = cache.get(opts.source, label);
    if (cached !== undefined) return cached;
    return opts.fallback ? opts.fallback.metadata(s) : null;
  };

  const catalog: CommandCatalog = {
    has: (spec) => metadata(spec) !== null,
    metadata,
    list(cls, provider) {
      if (cls !== 'ocf') return [...(agents.get(cls) ?? [])];
      const from = provider ? [provider] : providers;
      return [...new Set(from.flatMap((p) => agents.get(`ocf:${p}`) ?? []))].sort();
    },
    providers: providersOf,
    classes: () => [...classes],
    ocfProviders: () => [...providers],
    fencerParams: () => fencerParams,
    async prefetch(specs) {
      await Promise.all(specs.map(fetch));
    },
  };
  await catalog.prefetch(opts.prefetch ?? []);
  return catalog;
}
