/**
 * `show xml`: a `<cib>` carrying the loaded root's attributes, with only the selected objects
 * (their outermost containers) under the usual sections, placeholders for the four required
 * sections, password values obscured, printed as crmsh does.
 */
import { attributesOf, type Document } from '../xml.js';
import { asElement, liteElement, type LiteNode } from './lite.js';
import { lxmlText } from './lxml-text.js';
import { topParent, type CibObject } from './objects.js';
import type { Obscurer } from './values.js';

const REQUIRED_SECTIONS = ['crm_config', 'nodes', 'resources', 'constraints'];

const SECTION_OF_KIND: Record<string, string> = {
  node: 'nodes',
  property: 'crm_config',
  rsc_defaults: 'rsc_defaults',
  op_defaults: 'op_defaults',
  fencing_topology: '',
  role: 'acls',
  user: 'acls',
  acl_target: 'acls',
  acl_group: 'acls',
  tag: 'tags',
  alert: 'alerts',
  location: 'constraints',
  colocation: 'constraints',
  order: 'constraints',
  rsc_ticket: 'constraints',
};

export function showXml(source: Document, selected: CibObject[], obscure: Obscurer): string {
  const cib = liteElement('cib');
  for (const [n, v] of attributesOf(source.documentElement!)) cib.setAttribute(n, v);
  const configuration = cib.appendChild(liteElement('configuration'));
  const sections = new Map<string, LiteNode>();
  for (const name of REQUIRED_SECTIONS) sections.set(name, configuration.appendChild(liteElement(name)));
  const tops: CibObject[] = [];
  const seen = new Set<CibObject>();
  for (const o of selected) {
    const t = topParent(o);
    if (!seen.has(t)) tops.push(t);
    seen.add(t);
  }
  for (const t of tops) {
    const name = SECTION_OF_KIND[t.kind] ?? 'resources';
    let parent = configuration;
    if (name !== '') {
      if (!sections.has(name)) sections.set(name, configuration.appendChild(liteElement(name)));
      parent = sections.get(name)!;
    }
    // The object's own tree is only read: attach it without copying.
    parent.appendChild(t.el as unknown as LiteNode);
  }
  const text = lxmlText(asElement(cib), (el, name, value) =>
    el.tagName === 'nvpair' && name === 'value' ? (obscure(el.getAttribute('name'), value) ?? value) : value,
  );
  return `<?xml version="1.0" ?>\n${text}`;
}
