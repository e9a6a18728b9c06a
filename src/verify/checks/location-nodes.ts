/** A location's `node`, and the `#uname eq` values of its rules, must name a node
 *  (case-insensitive). The rule part runs after the pattern check, as in crmsh. */
import { childElements } from '../../shadow-cib/xml.js';
import { warning } from '../findings.js';
import { perRun, rememberedDidYouMean } from '../per-run.js';
import type { Check, CheckContext, CibObject, Finding } from '../types.js';

const nodeUnames = perRun((ctx: CheckContext): string[] =>
  [...ctx.objects.values()].filter((o) => o.type === 'node').map((o) => o.el.getAttribute('uname') ?? ''),
);

function nodeWarning(obj: CibObject, ctx: CheckContext, uname: string) {
  return warning(`${obj.id}: referenced node ${uname} does not exist`, rememberedDidYouMean(uname, nodeUnames(ctx)));
}

export const locationNode: Check = {
  code: 'TCRM3110',
  appliesTo: ['location'],
  run(obj, ctx) {
    const uname = obj.el.getAttribute('node');
    if (!uname || ctx.nodeNames.has(uname.toLowerCase())) return { findings: [] };
    return { findings: [nodeWarning(obj, ctx, uname)] };
  },
};

export const locationRuleNodes: Check = {
  code: 'TCRM3112',
  appliesTo: ['location'],
  run(obj, ctx) {
    const findings: Finding[] = [];
    for (const rule of childElements(obj.el)) {
      if (rule.tagName !== 'rule') continue;
      for (const e of childElements(rule)) {
        if (e.tagName !== 'expression' || e.getAttribute('attribute') !== '#uname') continue;
        const v = e.getAttribute('value');
        if (v && !ctx.nodeNames.has(v.toLowerCase())) findings.push(nodeWarning(obj, ctx, v));
      }
    }
    return { findings };
  },
};
