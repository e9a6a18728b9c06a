/**
 * The objects `show` knows about: every CIB element crmsh treats as a configuration object
 * (nodes, resources, constraints, property sets, …), found in a sanitised copy of the
 * configuration, each with the kind word `show` prints and the id selectors match.
 */
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, childElements, type Element, type Node } from '../xml.js';

/** XML tag → the object kind (crmsh's CLI word). */
export const KIND_OF_TAG: Record<string, string> = {
  node: 'node',
  primitive: 'primitive',
  group: 'group',
  clone: 'clone',
  master: 'ms',
  bundle: 'bundle',
  rsc_location: 'location',
  rsc_colocation: 'colocation',
  rsc_order: 'order',
  rsc_ticket: 'rsc_ticket',
  template: 'rsc_template',
  cluster_property_set: 'property',
  rsc_defaults: 'rsc_defaults',
  op_defaults: 'op_defaults',
  acl_target: 'acl_target',
  acl_group: 'acl_group',
  acl_user: 'user',
  acl_role: 'role',
  'fencing-topology': 'fencing_topology',
  tag: 'tag',
  alert: 'alert',
};

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

/**
 * A deep copy of `<configuration>` the way crmsh holds it after loading: text dropped,
 * default-valued attributes removed, container children after their attribute sets.
 */
export function sanitizedConfiguration(configuration: Element): Element {
  const copy = configuration.cloneNode(true) as Element;
  sanitize(copy, 1);
  return copy;
}

function sanitize(el: Element, depth: number): void {
  for (let c = el.firstChild; c; ) {
    const next = c.nextSibling;
    if (c.nodeType !== ELEMENT_NODE && c.nodeType !== COMMENT_NODE) el.removeChild(c);
    c = next;
  }
  // crmsh reads the CIB as cibadmin prints it (two spaces per level) and lxml keeps the text
  // after a comment (its "tail"): a newline and the indentation of whatever follows it.
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== COMMENT_NODE) continue;
    const following = c.nextSibling ? depth + 1 : depth;
    const tail = el.ownerDocument!.createTextNode('\n' + '  '.repeat(following));
    el.insertBefore(tail, c.nextSibling);
    c = tail;
  }
  for (const [name, value] of DEFAULT_ATTRS[el.tagName] ?? []) {
    if (el.getAttribute(name) === value) el.removeAttribute(name);
  }
  if (CONTAINER_TAGS.has(el.tagName)) {
    const moved = childElements(el).filter((c) => CHILD_RESOURCE_TAGS.has(c.tagName));
    for (const c of moved) el.appendChild(c);
  }
  for (const c of childElements(el)) sanitize(c, depth + 1);
}

/** Comments of an object are printed before its head: move them there and give them `# `. */
function tidyComments(el: Element): void {
  const kids: Node[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) kids.push(c);
  const firstEl = kids.find((k) => k.nodeType === ELEMENT_NODE);
  if (firstEl) {
    let seenEl = false;
    for (const k of kids) {
      if (k === firstEl) seenEl = true;
      else if (seenEl && k.nodeType === COMMENT_NODE) {
        const tail = k.nextSibling?.nodeType === TEXT_NODE ? k.nextSibling : null;
        el.insertBefore(k, firstEl);
        if (tail) el.insertBefore(tail, firstEl);
      }
    }
  }
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== COMMENT_NODE) continue;
    let text = (c.nodeValue ?? '').trim();
    if (!text.startsWith('#')) text = `# ${text}`;
    c.nodeValue = text;
    (c as unknown as { data: string }).data = text;
  }
}

/** Every object in document order (crmsh's load order before sorting). */
export function collectObjects(configuration: Element): CibObject[] {
  const out: CibObject[] = [];
  walk(configuration, null);
  for (const o of out) tidyComments(o.el);
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
