/** Did-you-mean for an agent the catalog does not have: a misspelt type (`IPadr2` → `IPaddr2`),
 *  provider (`hearbeat` → `heartbeat`) or class. */
import { agentLabel } from './spec.js';
import { suggestNames } from './suggest.js';
import type { AgentCatalog, AgentSpec } from './types.js';

export function suggestAgents(spec: AgentSpec, catalog: AgentCatalog): string[] {
  const classes = catalog.classes();
  const cls = classes.includes(spec.cls) ? spec.cls : suggestNames(spec.cls, classes, 1)[0];
  if (!cls) return [];
  if (cls !== 'ocf') {
    const types = catalog.list(cls);
    const names = types.includes(spec.type) ? [spec.type] : suggestNames(spec.type, types);
    return names.map((t) => agentLabel({ cls, provider: '', type: t }));
  }
  // the type exists, only under another provider
  const elsewhere = catalog.providers(spec.type).filter((p) => p !== spec.provider);
  if (elsewhere.length > 0) return elsewhere.map((p) => agentLabel({ cls, provider: p, type: spec.type }));
  const providers = catalog.ocfProviders();
  const wanted = spec.provider && !providers.includes(spec.provider) ? suggestNames(spec.provider, providers, 1) : [spec.provider];
  const out: string[] = [];
  for (const provider of wanted) {
    const types = catalog.list('ocf', provider || undefined);
    const names = types.includes(spec.type) ? [spec.type] : suggestNames(spec.type, types);
    for (const t of names) {
      const p = provider || (catalog.providers(t).includes('heartbeat') ? 'heartbeat' : (catalog.providers(t)[0] ?? ''));
      out.push(agentLabel({ cls, provider: p, type: t }));
    }
  }
  return out.filter((label) => label !== agentLabel(spec)).slice(0, 3);
}
