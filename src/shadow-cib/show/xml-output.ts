/**
 * `show xml`: a `<cib>` carrying the loaded root's attributes, with only the selected objects
 * (their outermost containers) under the usual sections, placeholders for the four required
 * sections, password values obscured, printed as crmsh does.
 */
import { attributesOf, childElements, type Document, type Element } from '../xml.js';
import { lxmlLines } from './lxml-text.js';
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
  const doc = source.implementation.createDocument(null, 'cib', null);
  const cib = doc.documentElement!;
  for (const [n, v] of attributesOf(source.documentElement!)) cib.setAttribute(n, v);
  const configuration = doc.createElement('configuration');
  cib.appendChild(configuration);
  const sections = new Map<string, Element>();
  for (const name of REQUIRED_SECTIONS) {
    const s = doc.createElement(name);
    configuration.appendChild(s);
    sections.set(name, s);
  }
  const tops: CibObject[] = [];
  for (const o of selected) {
    const t = topParent(o);
    if (!tops.includes(t)) tops.push(t);
  }
  for (const t of tops) {
    const name = SECTION_OF_KIND[t.kind] ?? 'resources';
    let parent = configuration;
    if (name !== '') {
      if (!sections.has(name)) {
        const s = doc.createElement(name);
        configuration.appendChild(s);
        sections.set(name, s);
      }
      parent = sections.get(name)!;
    }
    parent.appendChild(doc.importNode(t.el, true));
  }
  obscureValues(cib, obscure);
  return `<?xml version="1.0" ?>\n${lxmlLines(cib).join('\n')}\n`;
}

function obscureValues(el: Element, obscure: Obscurer): void {
  if (el.tagName === 'nvpair' && el.hasAttribute('value')) {
    el.setAttribute('value', obscure(el.getAttribute('name'), el.getAttribute('value')) ?? '');
  }
  for (const c of childElements(el)) obscureValues(c, obscure);
}
