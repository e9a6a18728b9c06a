/**
 * Read-only questions about a CIB document (plus creating a section on demand): which object
 * has an id, what crm type an element is, which container holds it, which nodes exist.
 */
import { childElements, configurationOf, firstChild, type Document, type Element } from './xml.js';
import { CRM_TYPE_OF_TAG } from '../cib-names.js';


/** Top-level object tag → the configuration section that holds it. */
const SECTION_OF: Record<string, string> = {
  node: 'nodes',
  primitive: 'resources',
  template: 'resources',
  group: 'resources',
  clone: 'resources',
  master: 'resources',
  bundle: 'resources',
  rsc_location: 'constraints',
  rsc_colocation: 'constraints',
  rsc_order: 'constraints',
  rsc_ticket: 'constraints',
  cluster_property_set: 'crm_config',
  'fencing-topology': 'configuration',
  acl_role: 'acls',
  acl_target: 'acls',
  acl_user: 'acls',
  acl_group: 'acls',
  tag: 'tags',
  alert: 'alerts',
};

export const CONSTRAINT_TAGS = new Set(['rsc_location', 'rsc_colocation', 'rsc_order', 'rsc_ticket']);
export const RESOURCE_TAGS = new Set(['primitive', 'template', 'group', 'clone', 'master', 'bundle']);
export const CONTAINER_TAGS = new Set(['group', 'clone', 'master', 'bundle']);

/** The crm type of an object element (`rsc_location` → `location`); defaults sets included. */
export function crmTypeOf(el: Element): string {
  const parent = el.parentNode as Element | null;
  if (el.tagName === 'meta_attributes' && parent?.tagName === 'rsc_defaults') return 'rsc_defaults';
  if (el.tagName === 'meta_attributes' && parent?.tagName === 'op_defaults') return 'op_defaults';
  return CRM_TYPE_OF_TAG[el.tagName] ?? el.tagName;
}

/** The section a top-level object tag lives in (`configuration` for fencing-topology). */
export function sectionOfTag(tag: string): string | undefined {
  return SECTION_OF[tag];
}

/** Finds the section element, creating it at the end of `<configuration>` when missing. */
export function ensureSection(doc: Document, name: string): Element {
  const cfg = configurationOf(doc);
  if (name === 'configuration') return cfg;
  const existing = firstChild(cfg, name);
  if (existing) return existing;
  const created = doc.createElement(name);
  cfg.appendChild(created);
  return created;
}

/** Every configuration object, in document order: nodes, resources (nested ones too),
 *  constraints, property/default sets, fencing topology, ACL objects, tags, alerts. */
export function allObjects(doc: Document): Element[] {
  const out: Element[] = [];
  const cfg = configurationOf(doc);
  for (const section of childElements(cfg)) {
    if (section.tagName === 'fencing-topology') {
      out.push(section);
      continue;
    }
    for (const el of childElements(section)) {
      if (section.tagName === 'resources') collectResources(el, out);
      else out.push(el);
    }
  }
  return out;
}

function collectResources(el: Element, out: Element[]): void {
  if (!RESOURCE_TAGS.has(el.tagName)) return;
  out.push(el);
  if (CONTAINER_TAGS.has(el.tagName)) for (const c of childElements(el)) collectResources(c, out);
}

/** The configuration object with this id (nodes are matched by id, not uname). */
export function findObject(doc: Document, id: string): Element | undefined {
  return allObjects(doc).find((el) => el.getAttribute('id') === id);
}

/** Any element of the configuration carrying this id. */
export function findElementById(doc: Document, id: string): Element | undefined {
  return findIn(configurationOf(doc));
  function findIn(el: Element): Element | undefined {
    if (el.getAttribute('id') === id) return el;
    for (const c of childElements(el)) {
      const hit = findIn(c);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** Every id in the configuration. */
export function allIds(doc: Document): string[] {
  const ids: string[] = [];
  walk(configurationOf(doc));
  return ids;
  function walk(el: Element): void {
    const id = el.getAttribute('id');
    if (id) ids.push(id);
    for (const c of childElements(el)) walk(c);
  }
}

/** The group/clone/master/bundle directly holding a resource, if any. */
export function containerOf(el: Element): Element | undefined {
  const parent = el.parentNode as Element | null;
  return parent && CONTAINER_TAGS.has(parent.tagName) ? parent : undefined;
}

export function nodeElements(doc: Document): Element[] {
  const nodes = firstChild(configurationOf(doc), 'nodes');
  return nodes ? childElements(nodes).filter((n) => n.tagName === 'node') : [];
}

/** Node unames in CIB order. */
export function nodeUnames(doc: Document): string[] {
  return nodeElements(doc).map((n) => n.getAttribute('uname') ?? n.getAttribute('id') ?? '');
}

export function constraintElements(doc: Document): Element[] {
  const cons = firstChild(configurationOf(doc), 'constraints');
  return cons ? childElements(cons).filter((c) => CONSTRAINT_TAGS.has(c.tagName)) : [];
}

/** The `validate-with` schema version as [major, minor], or undefined when unreadable. */
export function schemaVersion(doc: Document): [number, number] | undefined {
  const m = /pacemaker-(\d+)\.(\d+)/.exec(doc.documentElement?.getAttribute('validate-with') ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
