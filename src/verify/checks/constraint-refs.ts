/**
 * Resources a constraint names: they must exist; a grouped one should not be colocated on
 * its own; a clone/ms/bundle member (or a group's, for non-colocations nothing is said) is
 * ambiguous. A pattern location names no resource and gets crmsh's "resource None".
 */
import { ELEMENT_NODE, type Element } from '../../shadow-cib/xml.js';
import { warning } from '../findings.js';
import { perRun, rememberedDidYouMean } from '../per-run.js';
import type { Check, CheckContext, CibObject, Finding } from '../types.js';

const CONTAINERS = new Set(['group', 'clone', 'ms', 'bundle']);
const RESOURCES = new Set(['primitive', 'rsc_template', 'group', 'clone', 'ms', 'bundle']);

/** The resource_refs of the resource sets anywhere below `el`, in document order. */
function setRefs(el: Element, out: string[] = []): string[] {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT_NODE) continue;
    const child = c as Element;
    if (child.tagName === 'resource_ref' && el.tagName === 'resource_set') out.push(child.getAttribute('id') ?? '');
    setRefs(child, out);
  }
  return out;
}

/** crmsh's list of referenced ids; `null` entries stand for a missing attribute. */
export function referencedResources(obj: CibObject): Array<string | null> {
  const refs = setRefs(obj.el);
  if (refs.length > 0) return refs;
  const el = obj.el;
  if (obj.type === 'order') return [el.getAttribute('first'), el.getAttribute('then')];
  if (obj.type === 'colocation') return [el.getAttribute('rsc'), el.getAttribute('with-rsc')];
  if (obj.type === 'location') return [el.getAttribute('rsc')];
  const rsc = el.getAttribute('rsc');
  return rsc ? [rsc] : [];
}

const resourceIds = perRun((ctx: CheckContext): string[] =>
  [...ctx.objects.values()].filter((o) => RESOURCES.has(o.type)).map((o) => o.id),
);

export const constraintRefs: Check = {
  code: 'TCRM3113',
  appliesTo: ['location', 'colocation', 'order', 'rsc_ticket'],
  run(obj, ctx) {
    const findings: Finding[] = [];
    for (const ref of referencedResources(obj)) {
      const target = ref === null ? undefined : ctx.objects.get(ref);
      if (!target) {
        const hint = ref === null ? undefined : rememberedDidYouMean(ref, resourceIds(ctx));
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
