/**
 * crmsh's id rules (cib-mapping.md §2): a generated id is built from the id of the nearest
 * ancestor that has one plus a suffix that depends on the element, and deduplicated against
 * every id of the configuration and every id handed out earlier in the session.
 */
import { childElements, configurationOf, type Document, type Element } from './xml.js';

/** Elements whose generated id is `<prefix>-<tag>`. */
const TAG_SUFFIX: Record<string, string> = {
  instance_attributes: 'instance_attributes',
  meta_attributes: 'meta_attributes',
  utilization: 'utilization',
  rule: 'rule',
  expression: 'expression',
  date_expression: 'expression',
  duration: 'duration',
  date_spec: 'date_spec',
};

/** Upper bound of crmsh's `-0` … `-98` dedup suffixes; we keep counting past it. */
const CRMSH_DEDUP_LIMIT = 99;

export class IdAllocator {
  private readonly used: Set<string>;

  constructor(ids: Iterable<string> = []) {
    this.used = new Set(ids);
  }

  /** An allocator that knows every id of the document's configuration. */
  static fromDocument(doc: Document): IdAllocator {
    const alloc = new IdAllocator();
    alloc.seed(configurationOf(doc));
    return alloc;
  }

  /** Marks every id under (and including) `el` as taken. */
  seed(el: Element): void {
    const id = el.getAttribute('id');
    if (id) this.used.add(id);
    for (const c of childElements(el)) this.seed(c);
  }

  isUsed(id: string): boolean {
    return this.used.has(id);
  }

  reserve(id: string): void {
    this.used.add(id);
  }

  release(id: string): void {
    this.used.delete(id);
  }

  /** A copy of the taken ids, to roll back a statement that failed. */
  snapshot(): Set<string> {
    return new Set(this.used);
  }

  restore(snapshot: Set<string>): void {
    this.used.clear();
    for (const id of snapshot) this.used.add(id);
  }

  /** `candidate` if free, else `candidate-0`, `candidate-1`, …; the result is reserved. */
  fresh(candidate: string): string {
    let id = candidate;
    for (let i = 0; this.used.has(id); i++) {
      id = `${candidate}-${i}`;
      if (i > CRMSH_DEDUP_LIMIT * 100) break;
    }
    this.used.add(id);
    return id;
  }

  /** The id crmsh generates for `el` whose nearest id-bearing ancestor has id `prefix`. */
  forElement(el: Element, prefix: string): string {
    return this.fresh(candidateId(el, prefix));
  }
}

/** The undeduplicated id for `el` under `prefix` (a node's prefix is its uname). */
export function candidateId(el: Element, prefix: string): string {
  const tag = el.tagName;
  if (tag === 'node' && el.getAttribute('uname')) return el.getAttribute('uname')!;
  const pfx = /^\d+$/.test(prefix) ? `num-${prefix}` : prefix;
  if (tag === 'nvpair' && el.hasAttribute('name')) return `${pfx}-${el.getAttribute('name')}`;
  if (tag === 'op') return `${pfx}-${el.getAttribute('name')}-${el.getAttribute('interval')}`;
  const suffix = TAG_SUFFIX[tag];
  return suffix ? `${pfx}-${suffix}` : pfx;
}

/** Elements that never get a generated id. */
const NO_ID = new Set([
  'operations',
  'fencing-topology',
  'docker',
  'rkt',
  'podman',
  'network',
  'storage',
  'select',
  'select_nodes',
  'select_fencing',
  'select_resources',
  'select_attributes',
  'resource_ref',
  'obj_ref',
  'role',
]);

/**
 * Gives an id to every element under `root` that needs one and has none, walking in document
 * order (so `-0`, `-1` follow the written order). `prefix` is the id inherited from above
 * `root`. Fencing levels use the fixed prefix `fencing`.
 */
export function assignIds(root: Element, alloc: IdAllocator, prefix = ''): void {
  let own = root.getAttribute('id');
  if (!own && root.tagName === 'node' && root.getAttribute('uname')) {
    // A node without an id is named by its uname, never deduplicated (nodes have their own namespace).
    own = root.getAttribute('uname')!;
    root.setAttribute('id', own);
    alloc.reserve(own);
  } else if (!own && needsId(root)) {
    const pfx = root.tagName === 'fencing-level' ? 'fencing' : prefix;
    own = alloc.forElement(root, pfx);
    root.setAttribute('id', own);
  } else if (own) {
    alloc.reserve(own);
  }
  const childPrefix = root.tagName === 'node' ? root.getAttribute('uname') || own || prefix : own || prefix;
  for (const c of childElements(root)) assignIds(c, alloc, childPrefix);
}

function needsId(el: Element): boolean {
  if (NO_ID.has(el.tagName) || el.tagName.startsWith('select')) return false;
  if (el.hasAttribute('id-ref')) return false;
  return true;
}

/**
 * Rule 2 of cib-mapping.md §2: when an existing object is re-parsed (`load update`, `edit`),
 * each new child without an id takes the id of the matching old child (same tag and the same
 * identifying attributes, first unused match in order), recursively. Unmatched children keep
 * no id, for `assignIds` to generate.
 */
export function inheritIds(fresh: Element, old: Element, alloc: IdAllocator): void {
  const taken = new Set<Element>();
  const oldChildren = childElements(old);
  for (const child of childElements(fresh)) {
    const match = oldChildren.find((o) => !taken.has(o) && o.tagName === child.tagName && sameIdentity(child, o));
    if (!match) continue;
    taken.add(match);
    const oldId = match.getAttribute('id');
    if (oldId && !child.hasAttribute('id') && !child.hasAttribute('id-ref') && !alloc.isUsed(oldId)) {
      child.setAttribute('id', oldId);
      alloc.reserve(oldId);
    }
    inheritIds(child, match, alloc);
  }
}

/** The attributes that identify a child among its siblings, per tag. */
const IDENTITY: Record<string, string[]> = {
  nvpair: ['name'],
  op: ['name', 'interval'],
  rule: ['score', 'score-attribute', 'role'],
  expression: ['attribute', 'operation', 'value'],
  'fencing-level': ['target', 'devices'],
  node: ['uname'],
  alert: ['path'],
  recipient: ['value'],
};

function sameIdentity(a: Element, b: Element): boolean {
  return (IDENTITY[a.tagName] ?? []).every((attr) => a.getAttribute(attr) === b.getAttribute(attr));
}
