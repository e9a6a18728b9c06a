/**
 * Dangling references: an IDREF-typed attribute naming an id that no ID-typed attribute defines.
 * libxml2 finds these too but only prints them, so tcrm checks them itself from the tables the
 * vendor script extracted from the schemas.
 */
import { ELEMENT_NODE, type Document, type Element } from '../shadow-cib/xml.js';
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
  const { definedValues, refs } = typedValues(root, typedNamesByTag(table));
  // Only the referenced ids matter: looking the (many) defined ids up in the (few) referenced
  // ones is cheaper than building a set of every id in the CIB.
  const referenced = new Set<string>();
  for (const ref of refs) referenced.add(ref.value);
  const defined = new Set<string>();
  for (const value of definedValues) if (referenced.has(value)) defined.add(value);
  const out: DanglingRef[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (defined.has(ref.value)) continue;
    const key = `${ref.element}\0${ref.attribute}\0${ref.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/** One element name's ID-typed and IDREF-typed attribute names (a name or two each). */
interface TypedNames {
  ids: string[];
  idrefs: string[];
}

/** The values of ID-typed attributes and the IDREF-typed attributes, in one walk. */
function typedValues(root: Element, byTag: Map<string, TypedNames>): { definedValues: string[]; refs: DanglingRef[] } {
  const definedValues: string[] = [];
  const refs: DanglingRef[] = [];
  const visit = (el: Element): void => {
    const names = byTag.get(el.tagName);
    // An element with only an id to read: looked for from the end. Others: one pass over
    // their attributes, in order (the refs keep it; getAttribute would rescan for each name).
    if (names?.idrefs.length === 0 && names.ids.length === 1) {
      const value = lastAttribute(el, names.ids[0]!);
      if (value !== null) definedValues.push(value);
    } else if (names) {
      const attrs = el.attributes;
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs.item(i)!;
        const name = a.name;
        if (names.ids.includes(name)) definedValues.push(a.value);
        if (names.idrefs.includes(name)) refs.push({ element: el.tagName, attribute: name, value: a.value });
      }
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) visit(c as Element);
  };
  visit(root);
  return { definedValues, refs };
}

/** An attribute's value, looked for from the last attribute on: crmsh writes an nvpair's or
 *  an op's id after its other attributes. */
function lastAttribute(el: Element, name: string): string | null {
  const attrs = el.attributes;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const a = attrs.item(i)!;
    if (a.name === name) return a.value;
  }
  return null;
}

const namesCache = new WeakMap<TypedAttributes, Map<string, TypedNames>>();

function typedNamesByTag(table: TypedAttributes): Map<string, TypedNames> {
  let byTag = namesCache.get(table);
  if (byTag) return byTag;
  byTag = new Map();
  for (const tag of new Set([...Object.keys(table.ids), ...Object.keys(table.idrefs)])) {
    const idrefs = Object.hasOwn(table.idrefs, tag) ? table.idrefs[tag]! : [];
    const ids = Object.hasOwn(table.ids, tag) ? table.ids[tag]! : [];
    byTag.set(tag, { ids, idrefs });
  }
  namesCache.set(table, byTag);
  return byTag;
}

/** libxml2's wording, which crm_verify prints unchanged. */
export function danglingRefLine(ref: DanglingRef): VerifyLine {
  return {
    text: `element ${ref.element}: validity error : IDREF attribute ${ref.attribute} references an unknown ID "${ref.value}"`,
    level: 'error',
  };
}
