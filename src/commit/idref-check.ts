/**
 * Dangling references: an IDREF-typed attribute naming an id that no ID-typed attribute defines.
 * libxml2 finds these too but only prints them, so tcrm checks them itself from the tables the
 * vendor script extracted from the schemas.
 */
import type { Document, Element } from '../shadow-cib/xml.js';
import { childElements } from '../shadow-cib/xml.js';
import type { TypedAttributes } from './schema-data.js';
import type { VerifyLine } from './verify-lines.js';

export interface DanglingRef {
  element: string;
  attribute: string;
  value: string;
}

export function danglingReferences(doc: Document, table: TypedAttributes): DanglingRef[] {
  const root = doc.documentElement;
  if (!root) return [];
  const defined = new Set<string>();
  const refs: Array<{ el: Element; attr: string }> = [];
  const visit = (el: Element): void => {
    for (const attr of table.ids[el.tagName] ?? []) {
      if (el.hasAttribute(attr)) defined.add(el.getAttribute(attr)!);
    }
    for (const attr of table.idrefs[el.tagName] ?? []) {
      if (el.hasAttribute(attr)) refs.push({ el, attr });
    }
    childElements(el).forEach(visit);
  };
  visit(root);
  const out: DanglingRef[] = [];
  const seen = new Set<string>();
  for (const { el, attr } of refs) {
    const value = el.getAttribute(attr)!;
    const key = `${el.tagName}\0${attr}\0${value}`;
    if (defined.has(value) || seen.has(key)) continue;
    seen.add(key);
    out.push({ element: el.tagName, attribute: attr, value });
  }
  return out;
}

/** libxml2's wording, which crm_verify prints unchanged. */
export function danglingRefLine(ref: DanglingRef): VerifyLine {
  return {
    text: `element ${ref.element}: validity error : IDREF attribute ${ref.attribute} references an unknown ID "${ref.value}"`,
    level: 'error',
  };
}
