/**
 * The object view the structural edits work on: crmsh's list of CIB objects (nodes, resources
 * with their containers, constraints, property and defaults sets, tags …) over the live working
 * document, plus the little state one edit carries (its messages, whether "hanging … deleted"
 * lines are printed).
 */
import type { Diagnostic } from '../../diagnostic.js';
import { allObjects, ensureSection } from '../cib-query.js';
import type { LowerContext } from '../lower/common.js';
import { bucketOf, collectObjects, type CibObject } from '../show/objects.js';
import { globToRegExp } from '../show/values.js';
import { childElements, configurationOf, type Document, type Element, type Node } from '../xml.js';

export type { CibObject } from '../show/objects.js';

export interface EditEnv {
  doc: Document;
  ctx: LowerContext;
  /** Messages in crmsh's print order. */
  diags: Diagnostic[];
  /** crmsh's `_no_constraint_rm_msg`: erase and re-linking drop constraints without a word. */
  quietHanging: boolean;
  /** Ids of the objects as loaded, in load order (see crmshOrder). */
  loadedOrder: string[];
}

export function editEnv(doc: Document, ctx: LowerContext, loadedOrder: string[] = []): EditEnv {
  return { doc, ctx, diags: [], quietHanging: false, loadedOrder };
}

/**
 * The objects in the order crmsh keeps its object list, which decides the order of its
 * messages: the objects loaded with the CIB first (in load order), then those created in the
 * session, in creation order (their document order: new objects are appended).
 */
export function crmshOrder(env: EditEnv): CibObject[] {
  const rank = new Map(env.loadedOrder.map((id, i) => [id, i]));
  const inDocument = new Map(allObjects(env.doc).map((el, i) => [el, i]));
  const base = env.loadedOrder.length;
  return objectsOf(env.doc)
    .map((o) => ({ o, key: rank.get(o.id) ?? base + (inDocument.get(o.el) ?? 0) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.o);
}

/** Every object of the working document, elements being the document's own (not copies). */
export function objectsOf(doc: Document): CibObject[] {
  return collectObjects(configurationOf(doc));
}

/** crmsh's `str(obj)`: `location:l1`. */
export function labelOf(o: CibObject): string {
  return `${o.kind}:${o.id}`;
}

/** The object whose element is `el`, if it is one. */
export function objectOfElement(doc: Document, el: Element): CibObject | undefined {
  return objectsOf(doc).find((o) => o.el === el);
}

/**
 * crmsh's find_object: the id is a glob (fnmatch) matched against ids and node unames; the
 * first match that is not a node wins, else the first node.
 */
export function findObjectGlob(doc: Document, glob: string): CibObject | undefined {
  const re = globToRegExp(glob);
  const found = objectsOf(doc).filter(
    (o) => (o.id !== '' && re.test(o.id)) || (o.kind === 'node' && re.test(o.el.getAttribute('uname') ?? '')),
  );
  return found.find((o) => o.kind !== 'node') ?? found[0];
}

/** The objects with exactly this id (no glob): nodes and the rest share no namespace. */
export function findExact(doc: Document, id: string): CibObject | undefined {
  const found = objectsOf(doc).filter((o) => o.id === id);
  return found.find((o) => o.kind !== 'node') ?? found[0];
}

const CHILD_RESOURCE_TAGS = new Set(['primitive', 'group', 'clone', 'master']);
export const CONTAINER_TAGS = new Set(['group', 'clone', 'master', 'bundle']);
export const RESOURCE_TAGS = new Set(['primitive', 'template', 'group', 'clone', 'master', 'bundle']);

/** A container's resource children, in order (crmsh's obj.children). */
export function resourceChildren(el: Element): Element[] {
  if (!CONTAINER_TAGS.has(el.tagName)) return [];
  return childElements(el).filter((c) => CHILD_RESOURCE_TAGS.has(c.tagName));
}

/** The container directly holding a resource. */
export function parentContainer(el: Element): Element | undefined {
  const p = el.parentNode as Element | null;
  return p && p.nodeType === 1 && CONTAINER_TAGS.has(p.tagName) ? p : undefined;
}

export function isAttached(doc: Document, el: Node): boolean {
  for (let n: Node | null = el; n; n = n.parentNode) if (n === doc) return true;
  return false;
}

export function resourcesSection(doc: Document): Element {
  return ensureSection(doc, 'resources');
}

/** crmsh's processing_sort_cli with sort-elements on: by kind bucket, then by id. */
export function cliSort(objects: CibObject[]): CibObject[] {
  return [...objects].sort((a, b) => bucketOf(a.kind) - bucketOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Ids of `el` and everything under it. */
export function idsUnder(el: Element): string[] {
  const out: string[] = [];
  const id = el.getAttribute('id');
  if (id) out.push(id);
  for (const c of childElements(el)) out.push(...idsUnder(c));
  return out;
}
