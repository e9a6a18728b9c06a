/**
 * Attribute sets (`instance_attributes`, `meta_attributes`, `utilization`) and their nvpairs,
 * as Pacemaker's tools and crmsh find and create them. Pure: edits an xmldom Document.
 */
import { childElements, type Element } from '../shadow-cib/xml.js';

export type SetTag = 'instance_attributes' | 'meta_attributes' | 'utilization';

/** The nvpairs named `name` in every `tag` set directly under `owner`, in document order. */
export function nvpairsNamed(owner: Element, tag: string, name: string): Element[] {
  const hits: Element[] = [];
  for (const set of childElements(owner)) {
    if (set.tagName !== tag) continue;
    for (const nv of childElements(set)) {
      if (nv.tagName === 'nvpair' && nv.getAttribute('name') === name) hits.push(nv);
    }
  }
  return hits;
}

export function setsOf(owner: Element, tag: string): Element[] {
  return childElements(owner).filter((c) => c.tagName === tag);
}

/** Appends a new element with these attributes (in this order) to `parent`, or before `before`. */
export function addElement(parent: Element, tag: string, attrs: Array<[string, string]>, before?: Element | null): Element {
  const el = parent.ownerDocument!.createElement(tag);
  for (const [k, v] of attrs) el.setAttribute(k, v);
  if (before) parent.insertBefore(el, before);
  else parent.appendChild(el);
  return el;
}

export function removeElement(el: Element): void {
  el.parentNode?.removeChild(el);
}

/** crmsh removes attribute sets left without nvpairs (xmlutil.is_emptynvpairs). */
export function removeEmptySets(owner: Element, tag: string): void {
  for (const set of setsOf(owner, tag)) {
    if (!childElements(set).some((c) => c.tagName === 'nvpair') && childElements(set).length === 0) removeElement(set);
  }
}
