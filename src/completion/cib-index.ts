/**
 * What completion needs to know about a CIB, gathered in one walk and cached per Document (and
 * the caller's version number), so a keystroke on a 5,000-resource CIB costs a lookup, not a walk.
 */
import { allObjects, crmTypeOf } from '../shadow-cib/cib-query.js';
import { childElements, firstChild, type Document, type Element } from '../shadow-cib/xml.js';

export interface CibIndex {
  /** Node unames in CIB order. */
  nodes: string[];
  /** Node ids (what `show` names nodes by). */
  nodeIds: string[];
  /** Every resource id, nested ones too (primitive, template, group, clone, ms, bundle). */
  resources: string[];
  /** Resources directly under <resources>. */
  topLevel: string[];
  /** Top-level primitives and groups (what clone/ms wrap, what monitor names). */
  topPrimitivesAndGroups: string[];
  /** Primitives not held by any container (group members to be). */
  freePrimitives: string[];
  primitives: string[];
  stonith: string[];
  templates: string[];
  groups: string[];
  /** Group id → member ids. */
  groupMembers: Map<string, string[]>;
  constraints: string[];
  tags: string[];
  /** Every configuration object id (`show`, `edit`, `delete`). */
  objectIds: string[];
  /** The crm types present (`show type:<t>`). */
  types: string[];
  /** Attribute names set on each node (`node attribute NODE show NAME`), by uname. */
  nodeAttributes: Map<string, string[]>;
  /** The primitive's agent (`class:provider:type` or `@template`), by id. */
  agentOf: Map<string, string>;
  /** ACL role ids (`acl_target`, `user` name them). */
  aclRoles: string[];
  /** Ticket names already used by rsc_ticket constraints. */
  tickets: string[];
}

interface Cached {
  version: number | undefined;
  index: CibIndex;
}

const cache = new WeakMap<Document, Cached>();

export function cibIndex(doc: Document | undefined, version?: number): CibIndex {
  if (!doc) return EMPTY;
  const hit = cache.get(doc);
  if (hit && hit.version === version) return hit.index;
  let index: CibIndex;
  try {
    index = buildIndex(doc);
  } catch {
    index = EMPTY; // a document without <configuration>: nothing to offer
  }
  cache.set(doc, { version, index });
  return index;
}

const EMPTY: CibIndex = {
  nodes: [], nodeIds: [], resources: [], topLevel: [], topPrimitivesAndGroups: [], freePrimitives: [], primitives: [],
  stonith: [], templates: [], groups: [], groupMembers: new Map(), constraints: [], tags: [], objectIds: [], types: [],
  nodeAttributes: new Map(), agentOf: new Map(), aclRoles: [], tickets: [],
};

const RESOURCE = new Set(['primitive', 'template', 'group', 'clone', 'master', 'bundle']);
const CONSTRAINT = new Set(['rsc_location', 'rsc_colocation', 'rsc_order', 'rsc_ticket']);

function agentText(el: Element): string {
  const tpl = el.getAttribute('template');
  if (tpl) return `@${tpl}`;
  const cls = el.getAttribute('class') ?? '';
  const provider = el.getAttribute('provider');
  const type = el.getAttribute('type') ?? '';
  return provider ? `${cls}:${provider}:${type}` : `${cls}:${type}`;
}

function buildIndex(doc: Document): CibIndex {
  const ix: CibIndex = {
    nodes: [], nodeIds: [], resources: [], topLevel: [], topPrimitivesAndGroups: [], freePrimitives: [], primitives: [],
    stonith: [], templates: [], groups: [], groupMembers: new Map(), constraints: [], tags: [], objectIds: [], types: [],
    nodeAttributes: new Map(), agentOf: new Map(), aclRoles: [], tickets: [],
  };
  const tickets = new Set<string>();
  const types = new Set<string>();
  for (const el of allObjects(doc)) {
    const id = el.getAttribute('id') ?? '';
    const tag = el.tagName;
    const type = crmTypeOf(el);
    types.add(type);
    if (tag === 'node') {
      const uname = el.getAttribute('uname') ?? id;
      ix.nodes.push(uname);
      ix.nodeIds.push(id);
      ix.nodeAttributes.set(uname, nvNames(el, 'instance_attributes'));
    }
    if (id && tag !== 'fencing-topology') ix.objectIds.push(id);
    if (RESOURCE.has(tag)) {
      ix.resources.push(id);
      const parent = el.parentNode as Element | null;
      const top = parent?.tagName === 'resources';
      if (top) ix.topLevel.push(id);
      if (tag === 'primitive') {
        ix.primitives.push(id);
        ix.agentOf.set(id, agentText(el));
        if (top) ix.freePrimitives.push(id);
        if (el.getAttribute('class') === 'stonith') ix.stonith.push(id);
      }
      if (tag === 'template') {
        ix.templates.push(id);
        ix.agentOf.set(id, agentText(el));
      }
      if (tag === 'group') {
        ix.groups.push(id);
        ix.groupMembers.set(id, childElements(el).filter((c) => c.tagName === 'primitive').map((c) => c.getAttribute('id') ?? ''));
      }
      if (top && (tag === 'primitive' || tag === 'group')) ix.topPrimitivesAndGroups.push(id);
    } else if (CONSTRAINT.has(tag)) {
      ix.constraints.push(id);
      const ticket = tag === 'rsc_ticket' ? el.getAttribute('ticket') : null;
      if (ticket) tickets.add(ticket);
    } else if (tag === 'acl_role') ix.aclRoles.push(id);
    else if (tag === 'tag') ix.tags.push(id);
  }
  ix.types = [...types].sort();
  ix.tickets = [...tickets].sort();
  // Sorted once here: candidate lists are shown sorted, and sorting runs of sorted ids is cheap.
  for (const list of [ix.resources, ix.topLevel, ix.topPrimitivesAndGroups, ix.freePrimitives, ix.primitives, ix.stonith,
    ix.templates, ix.groups, ix.constraints, ix.tags, ix.objectIds, ix.aclRoles]) list.sort(byCodeUnit);
  return ix;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function nvNames(el: Element, setTag: string): string[] {
  const set = firstChild(el, setTag);
  if (!set) return [];
  return childElements(set).filter((c) => c.tagName === 'nvpair').map((c) => c.getAttribute('name') ?? '');
}
