/**
 * One object as crmsh prints it: comments first, then the head and one part per child,
 * parts joined by ` \` + newline + TAB; objects `show` cannot write faithfully come out as
 * `xml <…>` instead.
 */
import { COMMENT_NODE, ELEMENT_NODE, type Element } from '../xml.js';
import type { RenderContext } from './context.js';
import { locationChildParts, locationHead, simpleConstraintHead, ticketHead } from './constraints.js';
import { isFaithful } from './faithful.js';
import { commentText, lxmlLines } from './lxml-text.js';
import {
  aclChildParts,
  alertChildParts,
  alertHead,
  fencingParts,
  nodeChildParts,
  nodeHead,
  propertyChildParts,
  propertyHead,
  tagHead,
} from './others.js';
import { bundleChildParts, containerChildParts, containerHead, primitiveChildParts, primitiveHead } from './resources.js';
import { nvText } from './values.js';

export const PART_SEPARATOR = ' \\\n\t';

type ChildParts = (c: Element, ctx: RenderContext) => string[];

interface Shape {
  head: string | null;
  childParts: ChildParts;
}

function shapeOf(kind: string, id: string, el: Element): Shape {
  const none: ChildParts = () => [];
  switch (kind) {
    case 'node':
      return { head: nodeHead(el, id), childParts: nodeChildParts };
    case 'primitive':
    case 'rsc_template':
      return { head: primitiveHead(el, kind), childParts: primitiveChildParts };
    case 'group':
    case 'clone':
    case 'ms':
      return { head: containerHead(el, kind), childParts: containerChildParts };
    case 'bundle':
      return { head: `bundle ${id}`, childParts: bundleChildParts };
    case 'location':
      return { head: locationHead(el), childParts: locationChildParts };
    case 'colocation':
    case 'order':
      return { head: simpleConstraintHead(el, kind), childParts: none };
    case 'rsc_ticket':
      return { head: ticketHead(el), childParts: none };
    case 'property':
    case 'rsc_defaults':
    case 'op_defaults':
      return { head: propertyHead(kind, id), childParts: propertyChildParts };
    case 'role':
    case 'user':
    case 'acl_target':
    case 'acl_group':
      return { head: `${kind} ${id}`, childParts: aclChildParts };
    case 'tag':
      return { head: tagHead(el), childParts: none };
    case 'alert':
      return { head: alertHead(el), childParts: alertChildParts };
    default:
      return { head: null, childParts: none };
  }
}

/** The `xml <…> \` form: the pretty XML, lines joined by ` \` + newline (no TAB). */
export function xmlFallback(el: Element, ctx: RenderContext): string {
  // crmsh prints this form unobscured, even in `show`.
  void ctx;
  return `xml ${lxmlLines(el).filter((l) => l !== '').join(' \\\n')}`;
}

/** The text parts of an object, comments apart; null when it has no text form. */
export function textParts(kind: string, id: string, el: Element, ctx: RenderContext): { comments: string[]; parts: string[] } | null {
  if (kind === 'fencing_topology') return { comments: comments(el), parts: fencingParts(el, ctx) };
  const shape = shapeOf(kind, id, el);
  if (shape.head === null) return null;
  const parts = [shape.head];
  const desc = el.getAttribute('description');
  if (desc) parts.push(nvText('description', desc));
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) parts.push(...shape.childParts(c as Element, ctx));
  }
  return { comments: comments(el), parts };
}

function comments(el: Element): string[] {
  const out: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === COMMENT_NODE) out.push(commentText(c));
  return out;
}

/** The object as `show` prints it (no trailing newline). */
export function renderParsed(kind: string, id: string, el: Element, ctx: RenderContext): string {
  const text = isFaithful(kind, el, ctx) ? textParts(kind, id, el, ctx) : null;
  if (!text) return xmlFallback(el, ctx);
  const body = text.parts.join(PART_SEPARATOR);
  return text.comments.length > 0 ? `${text.comments.join('\n')}\n${body}` : body;
}
