/**
 * A small read-only copy of a DOM subtree with just the parts of the DOM interface `show` uses.
 * xmldom's cloneNode and child removal are slow on large CIBs (seconds for a few thousand
 * resources), and `show` only needs a sanitised copy to read, so it builds this instead.
 * Instances are handed around typed as xmldom `Element`s.
 */
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, type Element, type Node } from '../xml.js';

interface LiteAttr {
  name: string;
  value: string;
}

class LiteAttrs {
  constructor(private readonly list: LiteAttr[]) {}
  get length(): number {
    return this.list.length;
  }
  item(i: number): LiteAttr | null {
    return this.list[i] ?? null;
  }
}

export class LiteNode {
  nodeType: number;
  tagName: string;
  nodeValue: string | null;
  data: string | null;
  parentNode: LiteNode | null = null;
  firstChild: LiteNode | null = null;
  lastChild: LiteNode | null = null;
  nextSibling: LiteNode | null = null;
  previousSibling: LiteNode | null = null;
  private attrs: LiteAttr[] = [];
  /** NamedNodeMap-like view (only `length` and `item`). */
  readonly attributes: LiteAttrs;

  constructor(nodeType: number, tagName: string, text: string | null = null) {
    this.nodeType = nodeType;
    this.tagName = tagName;
    this.nodeValue = text;
    this.data = text;
    this.attributes = new LiteAttrs(this.attrs);
  }

  getAttribute(name: string): string | null {
    for (const a of this.attrs) if (a.name === name) return a.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.attrs.some((a) => a.name === name);
  }

  setAttribute(name: string, value: string): void {
    const a = this.attrs.find((x) => x.name === name);
    if (a) a.value = value;
    else this.attrs.push({ name, value });
  }

  appendChild(child: LiteNode): LiteNode {
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    child.nextSibling = null;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
    return child;
  }

  getElementsByTagName(tag: string): LiteNode[] {
    const out: LiteNode[] = [];
    const walk = (n: LiteNode) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== ELEMENT_NODE) continue;
        if (c.tagName === tag) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
}

export function liteElement(tag: string): LiteNode {
  return new LiteNode(ELEMENT_NODE, tag);
}

export function asElement(n: LiteNode): Element {
  return n as unknown as Element;
}

/**
 * crmsh reads the CIB through `cibadmin -Ql`, whose XML writer turns a newline inside an
 * attribute value into the two characters `\n`, a carriage return into `\r` and a tab into
 * four spaces; what crmsh shows is that text.
 */
function asCibadminPrints(value: string): string {
  if (!/[\n\r\t]/.test(value)) return value;
  return value.replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '    ');
}

export interface CopyRules {
  /** Attribute values dropped because they hold the default. */
  dropAttr(tag: string, name: string, value: string): boolean;
  /** Children moved after the others (container children after attribute sets). */
  movesLast(parentTag: string, childTag: string): boolean;
  /** Objects: their comments are printed before them, so they come first and start with `#`. */
  isObject(el: Element, parentTag: string): boolean;
}

/**
 * Copies an element the way crmsh holds it after loading: text dropped except the
 * whitespace after comments (as cibadmin indents it: two spaces per level), default
 * attributes removed, container children last, object comments first.
 */
export function liteCopy(src: Element, depth: number, rules: CopyRules, parentTag = ''): LiteNode {
  const el = liteElement(src.tagName);
  for (let i = 0; i < src.attributes.length; i++) {
    const a = src.attributes.item(i)!;
    if (!rules.dropAttr(src.tagName, a.name, a.value)) el.setAttribute(a.name, asCibadminPrints(a.value));
  }
  type Item = { node: LiteNode; tail: LiteNode | null };
  const items: Item[] = [];
  for (let c: Node | null = src.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) items.push({ node: liteCopy(c as Element, depth + 1, rules, src.tagName), tail: null });
    else if (c.nodeType === COMMENT_NODE) {
      const text = (c as unknown as { data?: string }).data ?? c.nodeValue ?? '';
      items.push({ node: new LiteNode(COMMENT_NODE, '#comment', text), tail: null });
    }
  }
  items.forEach((it, i) => {
    if (it.node.nodeType !== COMMENT_NODE) return;
    const following = i + 1 < items.length ? depth + 1 : depth;
    it.tail = new LiteNode(TEXT_NODE, '#text', '\n' + '  '.repeat(following));
  });
  let ordered = items;
  if (rules.isObject(src, parentTag)) {
    for (const it of items) {
      if (it.node.nodeType !== COMMENT_NODE) continue;
      let text = (it.node.data ?? '').trim();
      if (!text.startsWith('#')) text = `# ${text}`;
      it.node.data = it.node.nodeValue = text;
    }
    const firstEl = items.findIndex((it) => it.node.nodeType === ELEMENT_NODE);
    if (firstEl >= 0) {
      const late = items.filter((it, i) => i > firstEl && it.node.nodeType === COMMENT_NODE);
      ordered = [...items.slice(0, firstEl), ...late, ...items.slice(firstEl).filter((it) => !late.includes(it))];
    }
  }
  const last = ordered.filter((it) => it.node.nodeType === ELEMENT_NODE && rules.movesLast(src.tagName, it.node.tagName));
  ordered = [...ordered.filter((it) => !last.includes(it)), ...last];
  for (const it of ordered) {
    el.appendChild(it.node);
    if (it.tail) el.appendChild(it.tail);
  }
  return el;
}
