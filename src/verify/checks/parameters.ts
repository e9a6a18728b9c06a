/**
 * Instance attributes against the agent's parameters: required ones present (primitives only;
 * deprecated/obsoleting ones never required; `action`/`port` of fence_* and rhcs/* agents are
 * supplied by the fencer), given ones known (`$…` names skipped; the fencer's own parameters
 * count for stonith agents). Both are errors.
 */
import { factsIndex } from '../facts-index.js';
import type { NvPair } from '../resource-content.js';
import { error } from '../findings.js';
import { rememberedDidYouMean } from '../per-run.js';
import type { Check, Finding } from '../types.js';

/** The instance attribute names, each once, in order of first appearance. */
function givenNames(params: NvPair[]): Set<string> {
  const given = new Set<string>();
  for (const { name } of params) if (name !== null) given.add(name);
  return given;
}

export const parameters: Check = {
  code: 'TCRM3106',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const view = ctx.view(obj);
    if (!view.facts || !view.merged || !view.agent) return { findings: [] };
    const stonith = view.agent.cls === 'stonith';
    const index = factsIndex(view.facts, stonith ? ctx.catalog.fencerParams() : null);
    const known = index.paramNames;
    const given = givenNames(ctx.content(view.merged).params);
    const findings: Finding[] = [];
    if (obj.type === 'primitive') {
      const fencerSupplies = stonith && (view.agent.type.startsWith('fence_') || view.agent.type.startsWith('rhcs/'));
      for (const name of index.required) {
        if (fencerSupplies && (name === 'action' || name === 'port')) continue;
        if (!given.has(name)) findings.push(error(`${obj.id}: required parameter "${name}" not defined`));
      }
    }
    for (const name of given) {
      if (name.startsWith('$') || known.has(name)) continue;
      findings.push(error(`${obj.id}: parameter "${name}" is not known`, 'error', rememberedDidYouMean(name, known)));
    }
    return { findings };
  },
};
