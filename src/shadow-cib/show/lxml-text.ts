/**
 * XML text as crmsh prints it (lxml pretty printing, ASCII output): two spaces per level,
 * `<x/>` for empty elements, non-ASCII characters as character references — hexadecimal in
 * the attributes of the element being printed, decimal below it (libxml2 does both).
 */
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, attributesOf, escapeAttr, escapeText, type Element, type Node } from '../xml.js';

function charRefs(text: string, hex: boolean): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else out += hex ? `&#x${cp.toString(16).toUpperCase()};` : `&#${cp};`;
  }
  return out;
}

function escapeAttribute(value: string, hex: boolean): string {
  return charRefs(escapeAttr(value), hex);
}

export function commentText(n: Node): string {
  return (n as unknown as { data?: string }).data ?? n.nodeValue ?? '';
}

function escapeLxmlText(text: string): string {
  return charRefs(escapeText(text), false);
}

/**
 * The pretty-printed element (no trailing newline). As in libxml2, an element with a text
 * child (crmsh keeps the whitespace after a comment) has its content written as it is, without
 * indentation.
 */
export function lxmlText(root: Element, attrValue: (el: Element, name: string, value: string) => string = (_e, _n, v) => v): string {
  const out: string[] = [];
  write(root, 0, true);
  return out.join('');

  function openTag(el: Element, top: boolean): string {
    let s = '<' + el.tagName;
    for (const [name, value] of attributesOf(el)) {
      s += ` ${name}="${escapeAttribute(attrValue(el, name, value), top)}"`;
    }
    return s;
  }

  function write(n: Node, depth: number, format: boolean): void {
    const pad = format ? '  '.repeat(depth) : '';
    const nl = format ? '\n' : '';
    if (n.nodeType === COMMENT_NODE) {
      out.push(`${pad}<!--${charRefs(commentText(n), false)}-->${nl}`);
      return;
    }
    if (n.nodeType === TEXT_NODE) {
      out.push(escapeLxmlText(n.nodeValue ?? ''));
      return;
    }
    if (n.nodeType !== ELEMENT_NODE) return;
    const el = n as Element;
    const kids: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE || c.nodeType === COMMENT_NODE || c.nodeType === TEXT_NODE) kids.push(c);
    }
    if (kids.length === 0) {
      out.push(pad + openTag(el, depth === 0) + '/>' + nl);
      return;
    }
    const inner = format && !kids.some((k) => k.nodeType === TEXT_NODE);
    out.push(pad + openTag(el, depth === 0) + '>' + (inner ? '\n' : ''));
    for (const k of kids) write(k, depth + 1, inner);
    out.push(`${inner ? pad : ''}</${el.tagName}>${nl}`);
  }
}

/** The pretty-printed element as lines. */
export function lxmlLines(root: Element, attrValue?: (el: Element, name: string, value: string) => string): string[] {
  return lxmlText(root, attrValue).replace(/\n$/, '').split('\n');
}
