/**
 * XML in and out for the CIB: the one place that knows the DOM library. The shadow CIB is an
 * xmldom `Document`; element and attribute order, comments and unknown elements survive a
 * parse → serialise round trip unchanged.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export type { Document, Element, Node } from '@xmldom/xmldom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;

export class XmlParseError extends Error {}

/** Parses XML text; throws XmlParseError with the parser's message on malformed input. */
export function parseXml(text: string): Document {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    throw new XmlParseError(e instanceof Error ? e.message : String(e));
  }
  if (errors.length > 0 || !doc.documentElement) {
    throw new XmlParseError(errors[0] ?? 'no root element');
  }
  return doc;
}

const NEEDS_ATTR_ESCAPE = /[&<>"\n\r\t]/;

export function escapeAttr(value: string): string {
  // Nearly every CIB value needs no escaping: skip the seven replacements for those.
  if (!NEEDS_ATTR_ESCAPE.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element children of a node, in document order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  }
  return out;
}

/** The first element child with this tag name, or null. */
export function firstChild(node: Node, tag: string): Element | null {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && (c as Element).tagName === tag) return c as Element;
  }
  return null;
}

/** Attributes of an element as [name, value] pairs in document order. */
export function attributesOf(el: Element): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    out.push([a.name, a.value]);
  }
  return out;
}

function openTag(el: Element): string {
  let s = '<' + el.tagName;
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)!;
    s += ' ' + a.name + '="' + escapeAttr(a.value) + '"';
  }
  return s;
}

/** Whether a child node is printed: elements, comments and text that is not only whitespace. */
function printed(c: Node): boolean {
  if (c.nodeType === ELEMENT_NODE || c.nodeType === COMMENT_NODE) return true;
  return c.nodeType === TEXT_NODE && (c.nodeValue ?? '').trim() !== '';
}

/**
 * Pretty-prints a node the way cibadmin does: two spaces per level, one element per line,
 * `<x/>` for empty elements, text-only elements on one line. Whitespace-only text is dropped.
 * One growing string and no per-element arrays: a 5,000-resource CIB is ~50,000 elements, and
 * the garbage of arrays per element cost more than the printing itself.
 */
export function serializeNode(node: Node, indent = 0, step = '  '): string {
  const pads: string[] = [];
  const padOf = (depth: number): string => (pads[depth] ??= step.repeat(depth));
  let out = '';
  let first = true;
  const line = (text: string): void => {
    out += first ? text : '\n' + text;
    first = false;
  };
  write(node, indent);
  return out;

  function write(n: Node, depth: number): void {
    if (n.nodeType === COMMENT_NODE) {
      line(padOf(depth) + '<!--' + (n.nodeValue ?? '') + '-->');
      return;
    }
    if (n.nodeType === TEXT_NODE) {
      const t = (n.nodeValue ?? '').trim();
      if (t) line(padOf(depth) + escapeText(t));
      return;
    }
    if (n.nodeType !== ELEMENT_NODE) return;
    const el = n as Element;
    let count = 0;
    let only: Node | null = null;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (!printed(c)) continue;
      count++;
      only = c;
    }
    const pad = padOf(depth);
    if (count === 0) {
      line(pad + openTag(el) + '/>');
    } else if (count === 1 && only!.nodeType === TEXT_NODE) {
      line(pad + openTag(el) + '>' + escapeText((only!.nodeValue ?? '').trim()) + '</' + el.tagName + '>');
    } else {
      line(pad + openTag(el) + '>');
      for (let c = el.firstChild; c; c = c.nextSibling) if (printed(c)) write(c, depth + 1);
      line(pad + '</' + el.tagName + '>');
    }
  }
}

/** The whole document as a CIB file is written: pretty XML plus a final newline. */
export function serializeDocument(doc: Document): string {
  return serializeNode(doc.documentElement!) + '\n';
}

/** The `<configuration>` element of a CIB document (throws on a document without one: a bug). */
export function configurationOf(doc: Document): Element {
  const cfg = firstChild(doc.documentElement!, 'configuration');
  if (!cfg) throw new Error('CIB has no <configuration> element');
  return cfg;
}

/**
 * The canonical text of a CIB's `<configuration>` used to compare tcrm with crmsh: pretty
 * printed, attribute and element order kept, comments kept.
 */
export function canonicalConfiguration(cib: Document | string): string {
  const doc = typeof cib === 'string' ? parseXml(cib) : cib;
  return serializeNode(configurationOf(doc)) + '\n';
}
