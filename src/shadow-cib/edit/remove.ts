/**
 * Removing one object with crmsh's cascade (cibconfig._remove_obj / _delete_1): a container's
 * children stay (moved to the top of the resources), tags lose the reference (and go when it was
 * their last), constraints on a deleted container move to its first child, references are
 * dropped, and constraints left pointing at nothing are removed ("hanging … deleted").
 */
import { crmInfo } from '../lower/common.js';
import { constraintElements, crmTypeOf } from '../cib-query.js';
import { childElements, configurationOf, firstChild, type Element } from '../xml.js';
import {
  idsUnder,
  isAttached,
  labelOf,
  objectOfElement,
  parentContainer,
  resourceChildren,
  resourcesSection,
  RESOURCE_TAGS,
  type CibObject,
  type EditEnv,
} from './model.js';
import { deleteRscref, isSilly, referencesResource, renameRscref, RSC_REF_ATTRS } from './rscref.js';

export function removeObject(env: EditEnv, obj: CibObject): void {
  const el = obj.el;
  const id = obj.id;
  const children = resourceChildren(el);
  const firstChildId = children[0]?.getAttribute('id') ?? undefined;
  // Children are not removed, only re-linked to the top.
  const top = resourcesSection(env.doc);
  for (const c of children) top.appendChild(c);
  const tags = obj.kind === 'node' ? [] : relatedTags(env, id);
  const constraints = RESOURCE_TAGS.has(el.tagName) ? relatedConstraints(env, id) : [];
  for (const x of idsUnder(el)) env.ctx.ids.release(x);
  el.parentNode?.removeChild(el);
  env.ctx.changed.delete(id);

  for (const tag of tags) {
    for (const ref of childElements(tag.el).filter((r) => r.getAttribute('id') === id)) tag.el.removeChild(ref);
    if (!childElements(tag.el).some((r) => r.tagName === 'obj_ref')) {
      removeObject(env, tag);
      if (!env.quietHanging) env.diags.push(crmInfo(`hanging ${labelOf(tag)} deleted`));
    }
  }
  for (const c of constraints) {
    if (!isAttached(env.doc, c.el)) continue;
    let cel = c.el;
    const simple = RSC_REF_ATTRS.some((a) => cel.hasAttribute(a));
    // The first child inherits the constraints of a deleted container.
    if (simple && firstChildId !== undefined) cel = renameRscref(env, cel, labelOf(c), id, firstChildId);
    const result = deleteRscref(env, cel, id);
    cel = result.el;
    if (isSilly(cel, id)) {
      removeObject(env, { ...c, el: cel });
      if (!env.quietHanging) env.diags.push(crmInfo(`hanging ${labelOf(c)} deleted`));
    } else if (result.deleted) {
      env.diags.push(crmInfo(`constraint ${labelOf(c)} updated`));
    }
  }
}

/** crmsh's _delete_1: the only child of a container takes the container with it. */
export function deleteOne(env: EditEnv, obj: CibObject): void {
  const parent = parentContainer(obj.el);
  if (parent && resourceChildren(parent).length === 1) {
    const pobj = objectOfElement(env.doc, parent);
    if (pobj) deleteOne(env, pobj);
  }
  if (isAttached(env.doc, obj.el)) removeObject(env, obj);
}

function relatedTags(env: EditEnv, id: string): CibObject[] {
  const tags = firstChild(configurationOf(env.doc), 'tags');
  const hits = tags ? childElements(tags).filter((t) => t.tagName === 'tag' && childElements(t).some((r) => r.getAttribute('id') === id)) : [];
  return inCrmshOrder(env, hits);
}

function relatedConstraints(env: EditEnv, id: string): CibObject[] {
  return inCrmshOrder(env, constraintElements(env.doc).filter((c) => referencesResource(c, id)));
}

/** A few elements of one section as objects, in crmsh's list order (model.crmshOrder), cheaply. */
function inCrmshOrder(env: EditEnv, els: Element[]): CibObject[] {
  if (els.length === 0) return [];
  const rank = new Map(env.loadedOrder.map((x, i) => [x, i]));
  const base = env.loadedOrder.length;
  return els
    .map((el, i) => ({ o: { kind: crmTypeOf(el), id: el.getAttribute('id') ?? '', el, parent: null } as CibObject, i }))
    .map(({ o, i }) => ({ o, key: rank.get(o.id) ?? base + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.o);
}

export type { Element };
