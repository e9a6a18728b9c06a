/**
 * A primitive as crmsh checks it: merged with the template it names (the template's
 * attribute sets and operations first, the primitive's values over them; class, provider and
 * type from the template), its agent resolved, its metadata looked up.
 */
import type { AgentCatalog, AgentSpec } from '../agents/types.js';
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

/** The agent a CIB resource element names, with crmsh's provider choice for a bare ocf type. */
export function agentOf(el: Element, catalog: AgentCatalog): AgentSpec | null {
  const cls = el.getAttribute('class') ?? '';
  const type = el.getAttribute('type') ?? '';
  if (!cls && !type) return null;
  return resolveAgentSpec({ cls, provider: el.getAttribute('provider') ?? '', type }, (t) => catalog.providers(t));
}

export function viewOf(obj: CibObject, catalog: AgentCatalog, findTemplate: (id: string) => Element | null): ResourceView {
  const merged = obj.type === 'primitive' ? reducePrimitive(obj.el, findTemplate) : obj.el;
  if (!merged) return { merged: null, agent: null, facts: null };
  const agent = agentOf(merged, catalog);
  return { merged, agent, facts: agent ? catalog.metadata(agent) : null };
}
