/**
 * What the checks look up in an agent's facts, computed once per agent (a CIB with thousands
 * of primitives uses a handful of agents).
 */
import type { ActionFacts, AgentFacts, ParamFacts } from '../agents/types.js';

export interface FactsIndex {
  /** monitors in metadata order; other actions by name (the last one wins) */
  monitors: ActionFacts[];
  actions: Map<string, ActionFacts>;
  /** action names an op may use: `monitor` and the metadata's, less meta-data/validate-all */
  knownActions: Set<string>;
  paramNames: Set<string>;
  /** required parameters in crmsh's order (first mention), deprecated/obsoleting ones excluded */
  required: string[];
  unique: Set<string>;
}

const SKIPPED_ACTIONS = new Set(['meta-data', 'validate-all']);
const cache = new WeakMap<AgentFacts, Map<ParamFacts[] | null, FactsIndex>>();

/** `extraParams`: the fencer's parameters for stonith agents (they count as the agent's). */
export function factsIndex(facts: AgentFacts, extraParams: ParamFacts[] | null = null): FactsIndex {
  let byExtra = cache.get(facts);
  if (!byExtra) cache.set(facts, (byExtra = new Map()));
  let index = byExtra.get(extraParams);
  if (index) return index;

  const monitors: ActionFacts[] = [];
  const actions = new Map<string, ActionFacts>();
  for (const a of facts.actions) {
    if (!a.name || SKIPPED_ACTIONS.has(a.name)) continue;
    if (a.name === 'monitor') monitors.push(a);
    else actions.set(a.name, a);
  }
  const params = extraParams ? [...facts.params, ...extraParams] : facts.params;
  // a repeated name keeps its first place and its last definition, as a Python dict does
  const requiredByName = new Map<string, boolean>();
  for (const p of params) requiredByName.set(p.name, !!p.required && !p.deprecated && !p.obsoletes);
  index = {
    monitors,
    actions,
    knownActions: new Set(['monitor', ...actions.keys()]),
    paramNames: new Set(params.map((p) => p.name)),
    required: [...requiredByName].filter(([, r]) => r).map(([n]) => n),
    unique: new Set(facts.params.filter((p) => p.unique).map((p) => p.name)),
  };
  byExtra.set(extraParams, index);
  return index;
}
