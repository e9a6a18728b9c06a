/**
 * Resources a constraint names: they must exist; a grouped one should not be colocated on
 * its own; a clone/ms/bundle member (or a group's, for non-colocations nothing is said) is
 * ambiguous. A pattern location names no resource and gets crmsh's "resource None".
 */
import { didYouMean } from '../../agents/suggest.js';
import type { Element } from '../../shadow-cib/xml.js';
import { warning } from '../findings.js';
import type { Check, CheckContext, CibObject, Finding } from '../types.js';

const CONTAINERS = new Set(['group', 'clone', 'ms', 'bundle']);
const RESOURCES = new Set(['primitive', 'rsc_template', 'group', 'clone', 'ms', 'bundle']);

function setRefs(el: Element): string[] {
  const out: string[] = [];
  const walk = (e: Element): void => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const child = c as Element;
      if (child.tagName === 'resource_ref' && e.tagName === 'resource_set') out.push(child.getAttribute('id') ?? '');
      walk(child);
    }
  };
  walk(el);
  return out;
}

/** crmsh's list of referenced ids; `null` entries stand for a missing attribute. */
export function referencedResources(obj: CibObject): Array<string | null> {
  const refs = setRefs(obj.el);
  if (refs.length > 0) return refs;
  const a = (n: string): string | null => obj.el.getAttribute(n);
  if (obj.type === 'order') return [a('first'), a('then')];
  if (obj.type === 'colocation') return [a('rsc'), a('with-rsc')];
  if (obj.type === 'location') return [a('rsc')];
  return a('rsc') ? [a('rsc')] : [];
}

function resourceIds(ctx: CheckContext): string[] {
  return [...ctx.objects.values()].filter((o) => RESOURCES.has(o.type)).map((o) => o.id);
}

export const constraintRefs: Check = {
  code: 'TCRM3113',
  appliesTo: ['location', 'colocation', 'order', 'rsc_ticket'],
  run(obj, ctx) {
    const findings: Finding[] = [];
    for (const ref of referencedResources(obj)) {
      const target = ref === null ? undefined : ctx.objects.get(ref);
      if (!target) {
        const hint = ref === null ? undefined : didYouMean(ref, resourceIds(ctx));
        findings.push(warning(`${obj.id}: resource ${ref ?? 'None'} does not exist`, hint));
      } else if (target.parent?.type === 'group') {
        if (obj.type === 'colocation') {
          findings.push(warning(`${obj.id}: resource ${ref} is grouped, constraints should apply to the group`));
        }
      } else if (target.parent && CONTAINERS.has(target.parent.type)) {
        findings.push(warning(`${obj.id}: resource ${ref} ambiguous, apply constraints to container`));
      }
    }
    return { findings };
  },
};
