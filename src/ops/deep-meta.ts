/**
 * crmsh's `set_deep_meta_attr` (ui_resource.py), behind `resource start|stop|manage|unmanage|
 * maintenance`: a primitive inside a group gets the attribute itself; anything else goes up to
 * its topmost container. Pure over the document; the questions crmsh asks (manage-children,
 * conflicting is-managed/maintenance) are answered by the `ask` callback.
 *
 * Where crmsh's commit puts a new meta set (measured): at the front of a clone, at the end of
 * a primitive or group.
 */
import { childElements, type Document, type Element } from '../shadow-cib/xml.js';
import { IdAllocator } from '../shadow-cib/ids.js';
import { CONTAINER_TAGS } from '../shadow-cib/cib-query.js';
import { findResource } from './crm-resource-attr.js';
import { addElement, nvpairsNamed, removeElement } from './nv-sets.js';

export type ManageChildren = 'ask' | 'never' | 'always';

export interface DeepMetaOptions {
  manageChildren: ManageChildren;
  ask: (question: string) => Promise<boolean>;
  /**
   * Top-level resources an earlier crmsh-style commit of this session touched. crmsh renders
   * such an object anew on the next commit, which puts a container's meta attributes before
   * its children (measured in batch runs); a first commit appends. Updated by the call.
   */
  committed?: Set<string>;
  /** crmsh's id registry for the session (ids stay taken after their element is removed). */
  ids?: IdAllocator;
}

/** The error crmsh prints when an id is no resource (ui_resource.set_deep_meta_attr). */
export const resourceNotFound = (rsc: string): string => `Resource not found: ${rsc}`;

/** Sets `attr=value` crmsh's way; returns false when `rsc` is no resource. */
export async function setDeepMetaAttr(doc: Document, rsc: string, attr: string, value: string, opts: DeepMetaOptions): Promise<boolean> {
  const el = findResource(doc, rsc);
  if (!el) return false;
  const parent = el.parentNode as Element | null;
  const target = el.tagName === 'primitive' && parent?.tagName === 'group' ? el : topmost(el);
  await setOnNode(doc, target, attr, value, opts);
  const top = topmost(el);
  const topId = top.getAttribute('id') ?? '';
  if (opts.committed?.has(topId) && top.tagName !== 'primitive') {
    const first = childElements(top).find((c) => c.tagName !== 'meta_attributes');
    for (const set of childElements(top).filter((c) => c.tagName === 'meta_attributes')) {
      if (first) top.insertBefore(set, first);
    }
  }
  opts.committed?.add(topId);
  return true;
}

function topmost(el: Element): Element {
  let cur = el;
  while (cur.parentNode && CONTAINER_TAGS.has((cur.parentNode as Element).tagName)) cur = cur.parentNode as Element;
  return cur;
}

const CONFLICTING: Record<string, string> = { maintenance: 'is-managed', 'is-managed': 'maintenance' };

async function setOnNode(doc: Document, target: Element, attr: string, value: string, opts: DeepMetaOptions): Promise<void> {
  const conflicting = CONFLICTING[attr] ?? '';
  const doomed = new Set<Element>();
  const isClone = target.tagName === 'clone' || target.tagName === 'master';
  if (isClone) {
    for (const c of childElements(target)) if (isChildRsc(c)) collectMeta(c, attr, doomed, false);
  }
  const groupish = target.tagName === 'group' || (isClone && childElements(target).find(isChildRsc)?.tagName === 'group');
  if (opts.manageChildren !== 'never' && groupish) {
    if (conflicting) {
      for (const c of childrenWithAttr(target, conflicting)) {
        const q = `'${attr}' conflicts with '${conflicting}' attribute. Remove '${conflicting}' for child resource ${c.getAttribute('id')}?`;
        if (opts.manageChildren === 'always' || (await opts.ask(q))) collectMeta(c, conflicting, doomed, true);
      }
    }
    for (const c of childrenWithAttr(target, attr)) {
      const q = `Do you want to override '${attr}' for child resource ${c.getAttribute('id')}?`;
      if (opts.manageChildren === 'always' || (await opts.ask(q))) collectMeta(c, attr, doomed, true);
    }
  }
  for (const nv of doomed) removeElement(nv);
  if (conflicting) {
    const own = nvpairsNamed(target, 'meta_attributes', conflicting);
    const q = `'${attr}' conflicts with '${conflicting}' attribute. Remove '${conflicting}' for resource ${target.getAttribute('id')}?`;
    if (own.length > 0 && (await opts.ask(q))) for (const nv of own) removeElement(nv);
  }
  removeEmptySetsBelow(target);

  const existing = nvpairsNamed(target, 'meta_attributes', attr);
  if (existing.length > 0) {
    for (const nv of existing) nv.setAttribute('value', value);
    return;
  }
  const ids = opts.ids ?? IdAllocator.fromDocument(doc);
  let sets = childElements(target).filter((c) => c.tagName === 'meta_attributes');
  if (sets.length === 0) {
    sets = [addElement(target, 'meta_attributes', [['id', ids.fresh(idFor(target.getAttribute('id')!, 'meta_attributes'))]])];
  }
  for (const set of sets) setAttrInSet(set, attr, value, ids);
}

/** xmlutil.set_attr: update the set's nvpair of that name, or add one with crmsh's id. */
export function setAttrInSet(set: Element, name: string, value: string, ids: IdAllocator): void {
  const nv = childElements(set).find((c) => c.tagName === 'nvpair' && c.getAttribute('name') === name);
  if (nv) {
    nv.setAttribute('value', value);
    return;
  }
  const id = ids.fresh(idFor(set.getAttribute('id') ?? '', '', name));
  addElement(set, 'nvpair', [['id', id], ['name', name], ['value', value]]);
}

/** idmgmt.new: `<prefix>-<suffix>`, a numeric prefix written `num-<n>`. */
export function idFor(prefix: string, suffix: string, nvName?: string): string {
  const pfx = /^\d+$/.test(prefix) ? `num-${prefix}` : prefix;
  return `${pfx}-${nvName ?? suffix}`;
}

const CHILD_TAGS = new Set(['primitive', 'group']);
const isChildRsc = (el: Element): boolean => CHILD_TAGS.has(el.tagName);

/** rm_meta_attribute: the `attr` nvpairs of `node`'s meta sets, recursively into children. */
function collectMeta(node: Element, attr: string, out: Set<Element>, forceChildren: boolean): void {
  for (const c of childElements(node)) {
    if (c.tagName === 'meta_attributes') {
      const nv = childElements(c).find((n) => n.tagName === 'nvpair' && n.getAttribute('name') === attr);
      if (nv) out.add(nv);
    } else if (forceChildren || (isChildRsc(c) && node.tagName !== 'group')) {
      collectMeta(c, attr, out, forceChildren);
    }
  }
}

/** get_children_with_attr: every primitive below `node` whose meta sets have `attr`. */
function childrenWithAttr(node: Element, attr: string): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of childElements(el)) {
      if (c.tagName === 'primitive' && nvpairsNamed(c, 'meta_attributes', attr).length > 0) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

const NV_SETS = new Set(['instance_attributes', 'meta_attributes', 'utilization']);

/** xml_processnodes(target, is_emptynvpairs, rmnodes): empty attribute sets below `el` go. */
function removeEmptySetsBelow(el: Element): void {
  for (const c of childElements(el)) {
    if (NV_SETS.has(c.tagName) && childElements(c).length === 0) removeElement(c);
    else removeEmptySetsBelow(c);
  }
}
