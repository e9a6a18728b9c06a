/**
 * A patch listed the way `crm_shadow -d` prints one (shadow-and-commit.md §2.1): a version
 * header, `+  PATH:  @attr=value, …` for changed attributes, `-- PATH:  @attr` for removed
 * ones, `-- PATH` for deleted elements, `++ PATH:  <xml>` for created ones (continuation lines
 * indented under the first), `+~ PATH moved to offset N` for moves. No lines: no differences.
 */
import { attributesOf, COMMENT_NODE, ELEMENT_NODE, escapeAttr, type Document, type Element, type Node } from '../shadow-cib/xml.js';
import { versionOf } from './live-read.js';
import { createPatch, type PatchChange } from './patch.js';

const ROOT_ATTRS = ['admin_epoch', 'epoch', 'num_updates', 'validate-with'];

export function patchListing(from: Document, to: Document): string[] {
  const patch = createPatch(from, to, { moves: 'pacemaker' });
  const changes = patch.changes.filter((c) => !(c.op === 'modify' && c.path === '/cib'));
  const deletes = changes.filter((c) => c.op === 'delete').flatMap(describe);
  const rest = changes.filter((c) => c.op !== 'delete').flatMap(describe);
  const body = [...deletes, ...rest];
  const rootSet: string[] = [];
  for (const a of ROOT_ATTRS) {
    const before = from.documentElement!.getAttribute(a);
    const after = to.documentElement!.getAttribute(a);
    if (after !== null && after !== before) rootSet.push(`@${a}=${after}`);
  }
  if (body.length === 0 && rootSet.length === 0) return [];
  const v = (d: Document): string => {
    const x = versionOf(d);
    return `${x.admin_epoch}.${x.epoch}.${x.num_updates}`;
  };
  const lines = [`Diff: --- ${v(from)} 2`, `Diff: +++ ${v(to)} (null)`];
  // Pacemaker lists the deletions first, then walks the new CIB from its root.
  return [...lines, ...deletes, ...(rootSet.length > 0 ? [`+  /cib:  ${rootSet.join(', ')}`] : []), ...rest];
}

function describe(c: PatchChange): string[] {
  switch (c.op) {
    case 'delete':
      return [c.position === undefined ? `-- ${c.path}` : `-- ${c.path} (${c.position})`];
    case 'move':
      return [`+~ ${c.path} moved to offset ${c.position}`];
    case 'modify': {
      const out: string[] = [];
      if (c.set.length > 0) out.push(`+  ${c.path}:  ${c.set.map(([n, v]) => `@${n}=${v}`).join(', ')}`);
      if (c.unset.length > 0) out.push(`-- ${c.path}:  ${c.unset.map((n) => `@${n}`).join(', ')}`);
      return out;
    }
    case 'create': {
      const xml = prettyLines(c.node, 0);
      // crm_shadow closes the created element's first line with `/>` even when children follow.
      if (xml.length > 1) xml[0] = xml[0]!.replace(/>$/, '/>');
      const head = `++ ${c.path}:  `;
      const pad = `++${' '.repeat(head.length - 2)}`;
      return xml.map((line, i) => (i === 0 ? head : pad) + line);
    }
  }
}

function prettyLines(node: Node, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (node.nodeType === COMMENT_NODE) return [`${pad}<!--${node.nodeValue ?? ''}-->`];
  if (node.nodeType !== ELEMENT_NODE) return [];
  const el = node as Element;
  const open = `<${el.tagName}${attributesOf(el).map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}`;
  const kids: string[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) kids.push(...prettyLines(c, depth + 1));
  if (kids.length === 0) return [`${pad}${open}/>`];
  return [`${pad}${open}>`, ...kids, `${pad}</${el.tagName}>`];
}
