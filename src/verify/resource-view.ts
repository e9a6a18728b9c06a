/**
 * A primitive as crmsh checks it: merged with the template it names (the template's
 * attribute sets and operations first, the primitive's values over them; class, provider and
 * type from the template), its agent resolved, its metadata looked up.
 */
import type { AgentCatalog, AgentFacts, AgentSpec } from '../agents/types.js';
import { resolveAgentSpec } from '../agents/spec.js';
import { childElements, type Element } from '../shadow-cib/xml.js';
import type { CibObject, ResourceView } from './types.js';

const SET_TAGS = new Set(['instance_attributes', 'meta_attributes', 'utilization']);
/** What makes two children "the same" when merging (crmsh's match list, ids ignored). */
const MATCH: Record<string, string[]> = {
  instance_attributes: [], meta_attributes: [], utilization: [], operations: [],
  nvpair: ['name'], op: ['name', 'interval'],
};

function same(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && (MATCH[a.tagName] ?? []).every((k) => a.getAttribute(k) === b.getAttribute(k));
}

function mergeInto(target: Element, source: Element, childTag: string | null): void {
  for (const sc of childElements(source)) {
    if (childTag && sc.tagName !== childTag) continue;
    const dc = childElements(target).find((c) => same(sc, c));
    if (!dc) {
      if (childTag || SET_TAGS.has(sc.tagName) || sc.tagName === 'operations') target.appendChild(sc.cloneNode(true));
    } else if (SET_TAGS.has(dc.tagName)) {
      mergeInto(dc, sc, 'nvpair');
    } else if (dc.tagName === 'operations') {
      mergeInto(dc, sc, 'op');
    } else if (childTag) {
      for (const attr of Array.from(sc.attributes)) if (attr.name !== 'id') dc.setAttribute(attr.name, attr.value);
    }
  }
}

/** The primitive with its template merged in; null when the template does not exist. */
export function reducePrimitive(el: Element, findTemplate: (id: string) => Element | null): Element | null {
  const tmplId = el.getAttribute('template');
  if (!tmplId) return el;
  const tmpl = findTemplate(tmplId);
  if (!tmpl) return null;
  const merged = el.ownerDocument!.createElement(el.tagName);
  mergeInto(merged, tmpl, null);
  mergeInto(merged, el, null);
  for (const attr of Array.from(el.attributes)) merged.setAttribute(attr.name, attr.value);
  for (const a of ['class', 'provider', 'type']) {
    const v = tmpl.getAttribute(a);
    if (v !== null) merged.setAttribute(a, v);
  }
  return merged;
}

/** A resource element's class, provider and type attributes ('' when missing). */
export interface AgentAttributes {
  cls: string;
  provider: string;
  type: string;
}

function agentAttributes(el: Element): AgentAttributes {
  return { cls: el.getAttribute('class') ?? '', provider: el.getAttribute('provider') ?? '', type: el.getAttribute('type') ?? '' };
}

/** The agent a CIB resource element names, with crmsh's provider choice for a bare ocf type. */
export function agentOf(el: Element, catalog: AgentCatalog): AgentSpec | null {
  return agentNamed(agentAttributes(el), catalog);
}

function agentNamed({ cls, provider, type }: AgentAttributes, catalog: AgentCatalog): AgentSpec | null {
  if (!cls && !type) return null;
  return resolveAgentSpec({ cls, provider, type }, (t) => catalog.providers(t));
}

export interface AgentAndFacts {
  agent: AgentSpec | null;
  facts: AgentFacts | null;
}

/** The agent of a class/provider/type and its facts, resolved once per combination:
 *  thousands of primitives name a handful of agents. */
export function agentLookup(catalog: AgentCatalog): (attrs: AgentAttributes) => AgentAndFacts {
  const known = new Map<string, AgentAndFacts>();
  return (attrs) => {
    const key = `${attrs.cls}\0${attrs.provider}\0${attrs.type}`;
    let found = known.get(key);
    if (!found) {
      const agent = agentNamed(attrs, catalog);
      known.set(key, (found = { agent, facts: agent ? catalog.metadata(agent) : null }));
    }
    return found;
  };
}

export function viewOf(
  obj: CibObject,
  catalog: AgentCatalog,
  findTemplate: (id: string) => Element | null,
  lookup: (attrs: AgentAttributes) => AgentAndFacts = agentLookup(catalog),
): ResourceView {
  const merged = obj.type === 'primitive' ? reducePrimitive(obj.el, findTemplate) : obj.el;
  if (!merged) return { merged: null, agent: null, facts: null, agentKey: '' };
  const named = agentAttributes(merged);
  const { agent, facts } = lookup(named);
  // the element's own attributes (not the template's): crmsh's key for uniqueness
  const own = merged === obj.el ? named : agentAttributes(obj.el);
  return { merged, agent, facts, agentKey: `${own.cls}:${own.provider}:${own.type}` };
}
