/**
 * The objects `show` knows about: every CIB element crmsh treats as a configuration object
 * (nodes, resources, constraints, property sets, …), found in a sanitised copy of the
 * configuration, each with the kind word `show` prints and the id selectors match.
 */
import { childElements, type Element } from '../xml.js';
import { CRM_TYPE_OF_TAG } from '../../cib-names.js';
import { asElement, liteCopy, liteElement, type CopyRules } from './lite.js';

/** XML tag → the object kind (crmsh's CLI word). */
export const KIND_OF_TAG = CRM_TYPE_OF_TAG;


/** Output buckets (sort-elements): objects of one bucket are sorted together by id. */
const BUCKETS: string[][] = [
  ['node'],
  ['rsc_template'],
  ['primitive'],
  ['bundle'],
  ['group'],
  ['ms'],
  ['clone'],
  ['tag'],
  ['location', 'colocation', 'order'],
  ['rsc_ticket', 'fencing_topology'],
  ['property'],
  ['rsc_defaults'],
  ['op_defaults'],
  ['role'],
  ['acl_target', 'acl_group', 'user'],
  ['alert'],
];
const LAST_BUCKET = 1000;

export function bucketOf(kind: string): number {
  const i = BUCKETS.findIndex((b) => b.includes(kind));
  return i < 0 ? LAST_BUCKET : i;
}

export interface CibObject {
  kind: string;
  /** The id selectors match and sorting uses (uname for a node without id). */
  id: string;
  /** The object's element in the sanitised copy (a `meta_attributes` for rsc/op_defaults). */
  el: Element;
  /** The containing object (group/clone/ms/bundle) of a child resource. */
  parent: CibObject | null;
}

export const CONTAINER_TAGS = new Set(['group', 'clone', 'master', 'bundle']);
const CHILD_RESOURCE_TAGS = new Set(['group', 'primitive']);

/** Attributes crmsh drops on load because they hold the schema default. */
const DEFAULT_ATTRS: Record<string, Array<[string, string]>> = {
  node: [['type', 'normal']],
  resource_set: [
    ['sequential', 'true'],
    ['require-all', 'true'],
  ],
  rule: [['boolean-op', 'and']],
  expression: [['type', 'string']],
};

const COPY_RULES: CopyRules = {
  dropAttr: (tag, name, value) => (DEFAULT_ATTRS[tag] ?? []).some(([n, v]) => n === name && v === value),
  movesLast: (parentTag, childTag) => CONTAINER_TAGS.has(parentTag) && CHILD_RESOURCE_TAGS.has(childTag),
  isObject: (el, parentTag) =>
    el.tagName === 'meta_attributes'
      ? parentTag === 'rsc_defaults' || parentTag === 'op_defaults'
      : el.tagName in KIND_OF_TAG && el.tagName !== 'rsc_defaults' && el.tagName !== 'op_defaults',
};

/**
 * A copy of `<configuration>` the way crmsh holds it after loading: text dropped, default-valued
 * attributes removed, container children after their attribute sets, object comments first.
 */
export function sanitizedConfiguration(configuration: Element): Element {
  return asElement(liteCopy(configuration, 1, COPY_RULES));
}

/** Every object in document order (crmsh's load order before sorting). */
export function collectObjects(configuration: Element): CibObject[] {
  const out: CibObject[] = [];
  walk(configuration, null);
  // crmsh loads objects bucket by bucket (stable), which is the order `sort-elements=no` keeps.
  return out
    .map((o, i) => ({ o, i }))
    .sort((a, b) => bucketOf(a.o.kind) - bucketOf(b.o.kind) || a.i - b.i)
    .map((x) => x.o);

  function walk(el: Element, parent: CibObject | null): void {
    for (const c of childElements(el)) {
      const kind = KIND_OF_TAG[c.tagName];
      let inner = parent;
      if (kind === 'rsc_defaults' || kind === 'op_defaults') {
        for (const set of childElements(c)) {
          if (set.tagName === 'meta_attributes') out.push({ kind, id: set.getAttribute('id') ?? '', el: set, parent: null });
        }
      } else if (kind) {
        const obj: CibObject = { kind, id: objectId(c, kind), el: c, parent };
        out.push(obj);
        inner = obj;
      }
      walk(c, inner);
    }
  }
}

function objectId(el: Element, kind: string): string {
  if (kind === 'fencing_topology') return 'fencing_topology';
  return el.getAttribute('id') || el.getAttribute('uname') || (kind === 'property' ? 'cib-bootstrap-options' : '');
}

/** The outermost container of an object (the object itself when it has none). */
export function topParent(obj: CibObject): CibObject {
  let o = obj;
  while (o.parent) o = o.parent;
  return o;
}

/** The sanitised copy of one element, under a stand-in `<configuration>` so it is collected as an object. */
export function sanitizedObject(el: Element): Element {
  let depth = 0;
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) depth++;
  const parentTag = (el.parentNode as Element | null)?.tagName ?? '';
  const holder = liteElement('configuration');
  const copy = liteCopy(el, depth, COPY_RULES, parentTag);
  if (parentTag === 'rsc_defaults' || parentTag === 'op_defaults') holder.appendChild(liteElement(parentTag)).appendChild(copy);
  else holder.appendChild(copy);
  return asElement(holder);
}
