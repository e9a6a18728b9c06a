/**
 * What the checks read below a primitive or template, gathered in one walk of its subtree.
 * Walking xmldom's nodes is the slow part of verify (its nodes come in many shapes), so the
 * checks read these plain arrays instead of walking the same elements again.
 */
import { ELEMENT_NODE, type Element } from '../shadow-cib/xml.js';

/** An nvpair as written (null: the attribute is missing). */
export interface NvPair {
  name: string | null;
  value: string | null;
}

/** Attributes in document order as one flat list, name then value: `[n0, v0, n1, v1, …]`
 *  (one array per element rather than one per attribute). */
export type AttributeList = string[];

export interface OpEntry {
  /** the op's attributes, name and id included */
  attrs: AttributeList;
  /** its `operations` is a child of the resource itself (the schema's place for it) */
  direct: boolean;
}

export interface ResourceContent {
  /** the nvpairs of the resource's own instance_attributes sets, in document order */
  params: NvPair[];
  /** the nvpairs of the resource's own meta_attributes sets, in document order */
  meta: NvPair[];
  /** every op in an `operations` anywhere below the resource (crmsh's `.//operations/op`), in
   *  document order; an op found there is not searched further */
  ops: OpEntry[];
}

export function resourceContent(rsc: Element): ResourceContent {
  const content: ResourceContent = { params: [], meta: [], ops: [] };
  walk(rsc, rsc, null, content);
  return content;
}

/** `nvpairs`: where the nvpair children of `el` go (el is one of the resource's own sets). */
function walk(el: Element, rsc: Element, nvpairs: NvPair[] | null, content: ResourceContent): void {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== ELEMENT_NODE) continue;
    const child = c as Element;
    const tag = child.tagName;
    if (nvpairs && tag === 'nvpair') nvpairs.push({ name: child.getAttribute('name'), value: child.getAttribute('value') });
    if (tag === 'op' && el.tagName === 'operations') {
      content.ops.push({ attrs: attributeList(child), direct: el.parentNode === rsc });
    } else {
      walk(child, rsc, el === rsc ? ownSet(tag, content) : null, content);
    }
  }
}

function ownSet(tag: string, content: ResourceContent): NvPair[] | null {
  if (tag === 'instance_attributes') return content.params;
  if (tag === 'meta_attributes') return content.meta;
  return null;
}

/** The nvpairs of an element's own meta_attributes sets (a group's, a clone's …). */
export function ownMeta(el: Element): NvPair[] {
  const meta: NvPair[] = [];
  for (let set = el.firstChild; set; set = set.nextSibling) {
    if (set.nodeType !== ELEMENT_NODE || (set as Element).tagName !== 'meta_attributes') continue;
    for (let c = set.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE && (c as Element).tagName === 'nvpair') {
        meta.push({ name: (c as Element).getAttribute('name'), value: (c as Element).getAttribute('value') });
      }
    }
  }
  return meta;
}

function attributeList(el: Element): AttributeList {
  const out: AttributeList = [];
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    out.push(a.name, a.value);
  }
  return out;
}

/** The value of an attribute in a list (XML allows each name once). */
export function pairValue(attrs: AttributeList, name: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}
