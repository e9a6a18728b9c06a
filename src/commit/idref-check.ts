/**
 * Dangling references: an IDREF-typed attribute naming an id that no ID-typed attribute defines.
 * libxml2 finds these too but only prints them, so tcrm checks them itself from the tables the
 * vendor script extracted from the schemas.
 */
import type { Document, Element } from '../shadow-cib/xml.js';
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
  const refs: DanglingRef[] = [];
  const idsOf = tagSets(table.ids);
  const idrefsOf = tagSets(table.idrefs);
  // One pass over each element's attributes (xmldom's getAttribute scans them every call).
  const visit = (el: Element): void => {
    const ids = idsOf.get(el.tagName);
    const idrefs = idrefsOf.get(el.tagName);
    if (ids || idrefs) {
      const attrs = el.attributes;
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs.item(i)!;
        if (ids?.has(a.name)) defined.add(a.value);
        if (idrefs?.has(a.name)) refs.push({ element: el.tagName, attribute: a.name, value: a.value });
      }
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) visit(c as Element);
  };
  visit(root);
  const out: DanglingRef[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const key = `${ref.element}\0${ref.attribute}\0${ref.value}`;
    if (defined.has(ref.value) || seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

const tagSetCache = new WeakMap<Record<string, string[]>, Map<string, Set<string>>>();

function tagSets(byTag: Record<string, string[]>): Map<string, Set<string>> {
  let sets = tagSetCache.get(byTag);
  if (!sets) {
    sets = new Map(Object.entries(byTag).map(([tag, names]) => [tag, new Set(names)]));
    tagSetCache.set(byTag, sets);
  }
  return sets;
}

/** libxml2's wording, which crm_verify prints unchanged. */
export function danglingRefLine(ref: DanglingRef): VerifyLine {
  return {
    text: `element ${ref.element}: validity error : IDREF attribute ${ref.attribute} references an unknown ID "${ref.value}"`,
    level: 'error',
  };
}
