/** The resource agent must have metadata; skipped in an asymmetric cluster and with
 *  ignore_missing_metadata, as crmsh does. Without metadata nothing more is checked. */
import { agentLabel } from '../../agents/spec.js';
import { suggestAgents } from '../../agents/suggest-agent.js';
import { error } from '../findings.js';
import { perRun } from '../per-run.js';
import type { AgentSpec } from '../../agents/types.js';
import type { Check, CheckContext } from '../types.js';

/** The alternatives to a missing agent, looked for once per agent in a run. */
const alternativesByAgent = perRun(() => new Map<string, string[]>());

function alternativesTo(spec: AgentSpec, ctx: CheckContext): string[] {
  const known = alternativesByAgent(ctx);
  const key = `${spec.cls}\0${spec.provider}\0${spec.type}`;
  let alternatives = known.get(key);
  if (!alternatives) known.set(key, (alternatives = suggestAgents(spec, ctx.catalog)));
  return alternatives;
}

export const agentExists: Check = {
  code: 'TCRM3103',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const view = ctx.view(obj);
    if (view.facts) return { findings: [] };
    const spec = view.agent ?? { cls: '', provider: '', type: '' };
    const label = agentLabel(spec);
    if (ctx.ignoreMissingMetadata) return { findings: [], stop: true };
    const noMeta = error(`${label}: got no meta-data, does this RA exist?`, 'none');
    if (ctx.asymmetric) return { findings: [noMeta], stop: true };
    const alternatives = alternativesTo(spec, ctx);
    const hint = alternatives.length > 0 ? `did you mean ${alternatives.map((a) => `'${a}'`).join(' or ')}?` : undefined;
    return { findings: [noMeta, error(`${label}: no such resource agent`, 'error', hint)], stop: true };
  },
};
