/**
 * The bundled source: the facts of every agent Debian's resource-agents,
 * pacemaker-resource-agents, fence-agents, drbd-utils and cluster-glue ship (data/agents/,
 * made by scripts/gen-agent-data.ts). Each provider's file is read the first time it is needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentDataDir } from './data-dir.js';
import { resolveAgentSpec } from './spec.js';
import type { ActionFacts, AgentCatalog, AgentFacts, AgentSpec, ParamFacts } from './types.js';

interface AgentIndex {
  classes: string[];
  providers: string[];
  /** `ocf:<provider>`, `stonith`, `lsb`, `service`, `systemd` → agent names */
  agents: Record<string, string[]>;
  /** same keys (ocf and stonith) → file name in data/agents */
  files: Record<string, string>;
  fencerParams: ParamFacts[];
  synthesised: { lsb: ActionFacts[]; systemd: ActionFacts[] };
}

export function createBundledCatalog(dir: string = agentDataDir()): AgentCatalog {
  let index: AgentIndex | undefined;
  const files = new Map<string, Record<string, AgentFacts>>();
  const idx = (): AgentIndex => (index ??= JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as AgentIndex);

  const factsFile = (key: string): Record<string, AgentFacts> => {
    let facts = files.get(key);
    if (!facts) {
      const file = idx().files[key];
      facts = file ? (JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, AgentFacts>) : {};
      files.set(key, facts);
    }
    return facts;
  };

  const providers = (type: string): string[] =>
    idx().providers.filter((p) => (idx().agents[`ocf:${p}`] ?? []).includes(type));

  const synthesised = (cls: string, type: string): AgentFacts | null => {
    const lsb = idx().agents.lsb ?? [];
    const systemd = idx().agents.systemd ?? [];
    // service: resolves to an init script first, then a unit, as Pacemaker does
    const useLsb = (cls === 'lsb' || cls === 'service') && lsb.includes(type);
    const useSystemd = !useLsb && (cls === 'systemd' || cls === 'service') && systemd.includes(type);
    if (!useLsb && !useSystemd) return null;
    return { params: [], actions: useLsb ? idx().synthesised.lsb : idx().synthesised.systemd };
  };

  const metadata = (spec: AgentSpec | string): AgentFacts | null => {
    const s = resolveAgentSpec(spec, providers);
    if (!s) return null;
    if (s.cls === 'ocf') return factsFile(`ocf:${s.provider}`)[s.type] ?? null;
    if (s.cls === 'stonith') return factsFile('stonith')[s.type] ?? null;
    return synthesised(s.cls, s.type);
  };

  return {
    has: (spec) => metadata(spec) !== null,
    metadata,
    list(cls, provider) {
      if (cls !== 'ocf') return [...(idx().agents[cls] ?? [])];
      const from = provider ? [provider] : idx().providers;
      return [...new Set(from.flatMap((p) => idx().agents[`ocf:${p}`] ?? []))].sort();
    },
    providers,
    classes: () => [...idx().classes],
    ocfProviders: () => [...idx().providers],
    fencerParams: () => idx().fencerParams,
  };
}
