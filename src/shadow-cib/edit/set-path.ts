/**
 * `configure set ID.[OP.][INTERVAL.]NAME VALUE` (crmsh 4.4's do_set): one nvpair anywhere in the
 * object by name, or an attribute of one operation (by name, or by name and interval through the
 * op's generated id `ID-OP-INTERVAL`, as crmsh looks it up).
 * Errors are returned without the `configure.set: ` label the session adds.
 */
import type { LowerContext } from '../lower/common.js';
import { childElements, type Document, type Element } from '../xml.js';
import { findObjectGlob } from './model.js';

export interface SetPath {
  id: string;
  op?: string;
  interval?: string;
  name: string;
}

export function setByPath(doc: Document, path: SetPath, pathText: string, value: string, ctx: LowerContext): { error?: string } {
  const obj = findObjectGlob(doc, path.id);
  if (!obj) return { error: `Object ${path.id} not found` };
  const el = obj.el;
  if (path.op === undefined) {
    const nvpairs = descendants(el, (e) => e.tagName === 'nvpair' && e.getAttribute('name') === path.name);
    if (nvpairs.length === 0) return { error: `Attribute not found: ${pathText}` };
    if (nvpairs.length !== 1) return { error: `Expected 1 attribute named ${path.name}, found ${nvpairs.length}` };
    nvpairs[0]!.setAttribute('value', value);
  } else {
    const ops = childElements(el)
      .filter((c) => c.tagName === 'operations')
      .flatMap((o) => childElements(o).filter((c) => c.tagName === 'op'));
    let op: Element | undefined;
    if (path.interval === undefined) {
      const named = ops.filter((o) => o.getAttribute('name') === path.op);
      if (named.length === 0) return { error: `Operation "${path.op}" not found for resource ${path.id}` };
      if (named.length > 1) return { error: `Should specify interval of ${path.op}` };
      op = named[0];
    } else {
      op = ops.find((o) => o.getAttribute('id') === `${path.id}-${path.op}-${path.interval}`);
      if (!op) return { error: `Operation "${path.op}" interval "${path.interval}" not found for resource ${path.id}` };
    }
    op!.setAttribute(path.name, value);
  }
  ctx.changed.add(obj.id);
  return {};
}

function descendants(el: Element, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const c of childElements(el)) {
    if (pred(c)) out.push(c);
    out.push(...descendants(c, pred));
  }
  return out;
}
