/**
 * Instance attributes against the agent's parameters: required ones present (primitives only;
 * deprecated/obsoleting ones never required; `action`/`port` of fence_* and rhcs/* agents are
 * supplied by the fencer), given ones known (`$…` names skipped; the fencer's own parameters
 * count for stonith agents). Both are errors.
 */
import { didYouMean } from '../../agents/suggest.js';
import { childElements } from '../../shadow-cib/xml.js';
import { factsIndex } from '../facts-index.js';
import { error } from '../findings.js';
import type { Check, Finding } from '../types.js';

export const parameters: Check = {
  code: 'TCRM3106',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const view = ctx.view(obj);
    if (!view.facts || !view.merged || !view.agent) return { findings: [] };
    const stonith = view.agent.cls === 'stonith';
    const index = factsIndex(view.facts, stonith ? ctx.catalog.fencerParams() : null);
    const known = index.paramNames;
    const given: string[] = [];
    for (const set of childElements(view.merged).filter((c) => c.tagName === 'instance_attributes')) {
      for (const nv of childElements(set)) {
        const name = nv.getAttribute('name');
        if (nv.tagName === 'nvpair' && name !== null && !given.includes(name)) given.push(name);
      }
    }
    const findings: Finding[] = [];
    if (obj.type === 'primitive') {
      const fencerSupplies = stonith && (view.agent.type.startsWith('fence_') || view.agent.type.startsWith('rhcs/'));
      for (const name of index.required) {
        if (fencerSupplies && (name === 'action' || name === 'port')) continue;
        if (!given.includes(name)) findings.push(error(`${obj.id}: required parameter "${name}" not defined`));
      }
    }
    for (const name of given) {
      if (name.startsWith('$') || known.has(name)) continue;
      findings.push(error(`${obj.id}: parameter "${name}" is not known`, 'error', didYouMean(name, known)));
    }
    return { findings };
  },
};
