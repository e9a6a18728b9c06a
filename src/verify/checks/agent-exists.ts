/** The resource agent must have metadata; skipped in an asymmetric cluster and with
 *  ignore_missing_metadata, as crmsh does. Without metadata nothing more is checked. */
import { agentLabel } from '../../agents/spec.js';
import { suggestAgents } from '../../agents/suggest-agent.js';
import { error } from '../findings.js';
import type { Check } from '../types.js';

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
    const alternatives = suggestAgents(spec, ctx.catalog);
    const hint = alternatives.length > 0 ? `did you mean ${alternatives.map((a) => `'${a}'`).join(' or ')}?` : undefined;
    return { findings: [noMeta, error(`${label}: no such resource agent`, 'error', hint)], stop: true };
  },
};
