/** A location's `node`, and the `#uname eq` values of its rules, must name a node
 *  (case-insensitive). The rule part runs after the pattern check, as in crmsh. */
import { didYouMean } from '../../agents/suggest.js';
import { childElements } from '../../shadow-cib/xml.js';
import { warning } from '../findings.js';
import type { Check, CheckContext, CibObject } from '../types.js';

function nodeWarning(obj: CibObject, ctx: CheckContext, uname: string) {
  const names = [...ctx.objects.values()].filter((o) => o.type === 'node').map((o) => o.el.getAttribute('uname') ?? '');
  return warning(`${obj.id}: referenced node ${uname} does not exist`, didYouMean(uname, names));
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
    const findings = childElements(obj.el)
      .filter((r) => r.tagName === 'rule')
      .flatMap((r) => childElements(r).filter((e) => e.tagName === 'expression'))
      .filter((e) => e.getAttribute('attribute') === '#uname')
      .map((e) => e.getAttribute('value'))
      .filter((v): v is string => !!v && !ctx.nodeNames.has(v.toLowerCase()))
      .map((v) => nodeWarning(obj, ctx, v));
    return { findings };
  },
};
