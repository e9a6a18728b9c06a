/** Several sources as one: the first that has an agent answers; lists are merged. Used to lay
 *  `--agents-dir` custom agents over the truth (live, local or bundled). */
import { resolveAgentSpec } from './spec.js';
import type { AgentCatalog } from './types.js';

export function layerCatalogs(...layers: AgentCatalog[]): AgentCatalog {
  const union = (lists: string[][]): string[] => [...new Set(lists.flat())].sort();
  const providers = (type: string): string[] => union(layers.map((l) => l.providers(type)));
  const metadata: AgentCatalog['metadata'] = (spec) => {
    const s = resolveAgentSpec(spec, providers);
    if (!s) return null;
    for (const l of layers) {
      const m = l.metadata(s);
      if (m) return m;
    }
    return null;
  };
  return {
    has: (spec) => metadata(spec) !== null,
    metadata,
    list: (cls, provider) => union(layers.map((l) => l.list(cls, provider))),
    providers,
    classes: () => union(layers.map((l) => l.classes())),
    ocfProviders: () => union(layers.map((l) => l.ocfProviders())),
    fencerParams: () => layers.find((l) => l.fencerParams().length > 0)?.fencerParams() ?? [],
  };
}
