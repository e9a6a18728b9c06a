/** Heads and parts of primitives, templates, groups, clones, ms and bundles. */
import { attributesOf, childElements, type Element } from '../xml.js';
import type { RenderContext } from './context.js';
import { attrSetText } from './nvsets.js';
import { nvText } from './values.js';

const PRIMITIVE_SETS: Record<string, string> = {
  instance_attributes: 'params',
  meta_attributes: 'meta',
  utilization: 'utilization',
};
const CONTAINER_SETS: Record<string, string> = { instance_attributes: 'params', meta_attributes: 'meta' };
const OP_SETS: Record<string, string> = { instance_attributes: 'op_params', meta_attributes: 'op_meta' };
const BUNDLE_PARTS: Record<string, string> = {
  instance_attributes: 'params',
  meta_attributes: 'meta',
  docker: 'docker',
  network: 'network',
  storage: 'storage',
  primitive: 'primitive',
};

/**
 * The agent as crmsh abbreviates it: the bare type for provider `heartbeat` (any class) or for
 * ocf without a provider, else `class:provider:type` / `class:type`.
 */
export function agentSpec(el: Element): string {
  const type = el.getAttribute('type') ?? '';
  const cls = el.getAttribute('class');
  const provider = el.getAttribute('provider');
  const short = (cls === null && provider === null) || (cls === 'ocf' && provider === null) || provider === 'heartbeat';
  if (short) return type;
  return (cls !== null ? `${cls}:` : '') + (provider !== null ? `${provider}:` : '') + type;
}

export function primitiveHead(el: Element, kind: string): string {
  const template = kind === 'primitive' ? el.getAttribute('template') : null;
  const spec = template ? `@${template}` : agentSpec(el);
  return `${kind} ${el.getAttribute('id') ?? ''} ${spec}`;
}

/** One op as parts: `op <name> k=v …`, then an `op_params`/`op_meta` part per set. */
function opParts(op: Element, ctx: RenderContext): string[] {
  const words = ['op', op.getAttribute('name') ?? ''];
  for (const [n, v] of attributesOf(op)) if (n !== 'name' && n !== 'id') words.push(nvText(n, v));
  const parts = [words.join(' ')];
  const desc = op.getAttribute('description');
  if (desc) parts.push(nvText('description', desc));
  for (const c of childElements(op)) {
    const keyword = OP_SETS[c.tagName];
    if (keyword) parts.push(attrSetText(c, keyword, ctx));
  }
  return parts;
}

export function primitiveChildParts(c: Element, ctx: RenderContext): string[] {
  const keyword = PRIMITIVE_SETS[c.tagName];
  if (keyword) return [attrSetText(c, keyword, ctx)];
  if (c.tagName !== 'operations') return [];
  const parts: string[] = [];
  // crmsh builds this as "<$id> <$id-ref>", so a lone $id-ref gets two spaces before it.
  const id = c.getAttribute('id');
  let head = id ? nvText('$id', id) : '';
  const idref = c.getAttribute('id-ref');
  if (idref) head = `${head} ${nvText('$id-ref', idref)}`;
  if (head) parts.push(`operations ${head}`);
  for (const op of childElements(c)) parts.push(...opParts(op, ctx));
  return parts;
}

export function containerHead(el: Element, kind: string): string {
  const children = childElements(el)
    .filter((c) => c.tagName === 'primitive' || c.tagName === 'group')
    .map((c) => c.getAttribute('id') ?? '');
  return `${kind} ${el.getAttribute('id') ?? ''} ${children.join(' ')}`;
}

export function containerChildParts(c: Element, ctx: RenderContext): string[] {
  const keyword = CONTAINER_SETS[c.tagName];
  return keyword ? [attrSetText(c, keyword, ctx)] : [];
}

export function bundleChildParts(c: Element, ctx: RenderContext): string[] {
  const keyword = BUNDLE_PARTS[c.tagName];
  return keyword ? [attrSetText(c, keyword, ctx)] : [];
}
