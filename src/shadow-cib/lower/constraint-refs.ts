/**
 * When a resource moves into a new container, crmsh points every constraint that referenced it
 * at the container instead (`INFO: modified location:l1 from a to g`), merges duplicate set
 * members, turns a constraint left with two references back into the simple form, and drops
 * constraints that end up relating the container to itself.
 */
import { constraintElements, crmTypeOf } from '../cib-query.js';
import { childElements, type Element } from '../xml.js';
import { crmInfo, element } from './common.js';
import type { Env } from './env.js';

/** Attributes of a simple constraint that name a resource. */
const RSC_REF_ATTRS = ['rsc', 'with-rsc', 'first', 'then'];

export function redirectConstraints(env: Env, children: string[], containerId: string): void {
  for (const child of children) {
    for (const c of constraintElements(env.doc)) {
      if (renameSimple(c, child, containerId) || renameInSets(env, c, child, containerId)) {
        env.diags.push(crmInfo(`modified ${crmTypeOf(c)}:${c.getAttribute('id')} from ${child} to ${containerId}`));
        env.ctx.changed.add(c.getAttribute('id')!);
      }
    }
  }
  for (const c of constraintElements(env.doc)) {
    if (references(c, containerId) && isSilly(c, containerId)) c.parentNode!.removeChild(c);
  }
}

function renameSimple(c: Element, from: string, to: string): boolean {
  let changed = false;
  for (const attr of RSC_REF_ATTRS) {
    if (c.getAttribute(attr) === from) {
      c.setAttribute(attr, to);
      changed = true;
    }
  }
  return changed;
}

/** The `resource_ref`s of a constraint's sets, in order. */
export function setRefs(c: Element): Element[] {
  return childElements(c)
    .filter((s) => s.tagName === 'resource_set')
    .flatMap((s) => childElements(s).filter((r) => r.tagName === 'resource_ref'));
}

/** Renames `from` → `to` among a constraint's set references; counts each id's references after. */
export function renameSetRefs(c: Element, from: string, to: string): { changed: boolean; counts: Map<string, number> } {
  let changed = false;
  const counts = new Map<string, number>();
  for (const ref of setRefs(c)) {
    if (ref.getAttribute('id') === from) {
      ref.setAttribute('id', to);
      changed = true;
    }
    const id = ref.getAttribute('id')!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { changed, counts };
}

/** crmsh's rset_uniq: drops the earlier duplicates, keeping the last reference of each resource; returns how many are left. */
export function keepLastRefOfEach(c: Element, counts: Map<string, number>): number {
  for (const ref of setRefs(c)) {
    const id = ref.getAttribute('id')!;
    if (counts.get(id)! > 1) {
      ref.parentNode!.removeChild(ref);
      counts.set(id, counts.get(id)! - 1);
    }
  }
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

function renameInSets(env: Env, c: Element, from: string, to: string): boolean {
  const { changed, counts } = renameSetRefs(c, from, to);
  // Only constraints that referenced the child are touched (crmsh walks the related ones).
  if (!changed) return false;
  if (keepLastRefOfEach(c, counts) === 2) toSimpleForm(env, c);
  return changed;
}

/**
 * Two references left in sets: crmsh drops every `sequential` and re-reads the constraint from
 * its text form, so colocation and order whose sets are now plain become simple again (a set
 * still marked `require-all="false"` keeps its brackets, hence the set form).
 */
export function toSimpleForm(env: Env, c: Element): void {
  const sets = childElements(c).filter((s) => s.tagName === 'resource_set');
  for (const s of sets) s.removeAttribute('sequential');
  if (c.tagName !== 'rsc_colocation' && c.tagName !== 'rsc_order') return;
  if (sets.some((s) => s.getAttribute('require-all') === 'false')) return;
  const refs = sets.flatMap((s) =>
    childElements(s)
      .filter((r) => r.tagName === 'resource_ref')
      .map((r) => ({ id: r.getAttribute('id')!, role: s.getAttribute('role'), action: s.getAttribute('action') })),
  );
  if (refs.length !== 2) return;
  let [first, second] = refs as [(typeof refs)[0], (typeof refs)[0]];
  // A single colocation set lists resources in the opposite sense of the simple form.
  if (sets.length === 1 && c.tagName === 'rsc_colocation') [first, second] = [second, first];
  const keep = (name: string) => c.getAttribute(name) ?? undefined;
  const simple =
    c.tagName === 'rsc_colocation'
      ? element(env.doc, 'rsc_colocation', [
          ['id', keep('id')],
          ['score', keep('score')],
          ['score-attribute', keep('score-attribute')],
          ['node-attribute', keep('node-attribute')],
          ['rsc', first.id],
          ['rsc-role', first.role ?? undefined],
          ['with-rsc', second.id],
          ['with-rsc-role', second.role ?? undefined],
        ])
      : element(env.doc, 'rsc_order', [
          ['id', keep('id')],
          ['kind', keep('kind')],
          ['symmetrical', keep('symmetrical')],
          ['first', first.id],
          ['first-action', first.action ?? undefined],
          ['then', second.id],
          ['then-action', second.action ?? undefined],
        ]);
  c.parentNode!.replaceChild(simple, c);
}

function references(c: Element, id: string): boolean {
  return RSC_REF_ATTRS.some((a) => c.getAttribute(a) === id) || setRefs(c).some((r) => r.getAttribute('id') === id);
}

/** A constraint with too few references left (locations and tickets need only one). */
function isSilly(c: Element, id: string): boolean {
  const oneIsEnough = c.tagName === 'rsc_location' || c.tagName === 'rsc_ticket';
  const inSets = setRefs(c);
  if (inSets.length > 0) return oneIsEnough ? inSets.length < 1 : inSets.length <= 1;
  const present = RSC_REF_ATTRS.filter((a) => c.hasAttribute(a));
  if (oneIsEnough) return present.length < 1;
  const toSelf = present.filter((a) => c.getAttribute(a) === id).length;
  return toSelf === 2 || present.length < 2;
}
