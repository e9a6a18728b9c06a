/**
 * `resource trace|untrace` (crmsh ui_resource.py): the op instance attribute `trace_ra=1`
 * (and `trace_dir`), adding a "dummy" op (`<op name interval="0">`, id `<rsc>-<op>-0`) where
 * the resource has none, removing it again on untrace. Pure over the document; the result is
 * crmsh's error text when it refuses.
 */
import { childElements, firstChild, type Document, type Element } from '../shadow-cib/xml.js';
import { findResource } from './crm-resource-attr.js';
import { addElement, removeElement } from './nv-sets.js';

export interface TraceRequest {
  rsc: string;
  op?: string;
  interval?: string;
  dir?: string;
}

export type TraceOutcome = { ok: true; type: string } | { ok: false; error: string };

const TRACE = 'trace_ra';
const TRACE_DIR = 'trace_dir';

function primitiveOr(doc: Document, id: string): Element | string {
  const el = findResource(doc, id);
  if (!el) return `resource ${id} does not exist`;
  if (el.tagName !== 'primitive') return `element ${id} is not a primitive resource`;
  return el;
}

const opsOf = (p: Element): Element[] => {
  const ops = firstChild(p, 'operations');
  return ops ? childElements(ops).filter((o) => o.tagName === 'op') : [];
};

const msec = (v: string): number => {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : m[2] === 'h' ? n * 3_600_000 : n * 1000;
};

function setOpAttr(op: Element, name: string, value: string): void {
  const opId = op.getAttribute('id') ?? '';
  let set = childElements(op).find((c) => c.tagName === 'instance_attributes');
  set ??= addElement(op, 'instance_attributes', [['id', `${opId}-instance_attributes`]]);
  const nv = childElements(set).find((c) => c.tagName === 'nvpair' && c.getAttribute('name') === name);
  if (nv) nv.setAttribute('value', value);
  else addElement(set, 'nvpair', [['name', name], ['value', value], ['id', `${set.getAttribute('id')}-${name}`]]);
}

function addTraceOp(p: Element, name: string, interval: string, dir?: string): void {
  const id = p.getAttribute('id')!;
  const ops = firstChild(p, 'operations') ?? addElement(p, 'operations', []);
  const op = addElement(ops, 'op', [['name', name], ['interval', interval], ['id', `${id}-${name}-${interval}`]]);
  setOpAttr(op, TRACE, '1');
  if (dir) setOpAttr(op, TRACE_DIR, dir);
}

function traceExisting(op: Element, dir?: string): void {
  setOpAttr(op, TRACE, '1');
  if (dir) setOpAttr(op, TRACE_DIR, dir);
}

export function traceResource(doc: Document, r: TraceRequest): TraceOutcome {
  const p = primitiveOr(doc, r.rsc);
  if (typeof p === 'string') return { ok: false, error: p };
  const ops = opsOf(p);
  if (r.op === undefined) {
    for (const name of ['start', 'stop']) if (!ops.some((o) => o.getAttribute('name') === name)) addTraceOp(p, name, '0', r.dir);
    for (const o of ops) traceExisting(o, r.dir);
  } else if (r.interval === undefined) {
    const named = ops.filter((o) => o.getAttribute('name') === r.op);
    if (named.length === 0) {
      if (r.op === 'monitor') return { ok: false, error: `No monitor operation configured for ${r.rsc}` };
      addTraceOp(p, r.op, '0', r.dir);
    }
    for (const o of named) traceExisting(o, r.dir);
  } else {
    const hit = ops.find((o) => o.getAttribute('name') === r.op && msec(o.getAttribute('interval') ?? '0') === msec(r.interval!));
    if (!hit && msec(r.interval) !== 0) return { ok: false, error: `Operation ${r.op} with interval ${r.interval} not found in ${r.rsc}` };
    if (hit) traceExisting(hit, r.dir);
    else addTraceOp(p, r.op!, r.interval, r.dir);
  }
  return { ok: true, type: p.getAttribute('type') ?? '' };
}

export function untraceResource(doc: Document, r: TraceRequest): TraceOutcome {
  const p = primitiveOr(doc, r.rsc);
  if (typeof p === 'string') return { ok: false, error: p };
  const ops = opsOf(p);
  let chosen: Element[];
  if (r.op === undefined) chosen = ops.filter((o) => hasTrace(o));
  else if (r.interval === undefined) {
    chosen = ops.filter((o) => o.getAttribute('name') === r.op);
    if (chosen.length === 0) return { ok: false, error: `Operation ${r.op} not found in ${r.rsc}` };
  } else {
    const hit = ops.find((o) => o.getAttribute('name') === r.op && msec(o.getAttribute('interval') ?? '0') === msec(r.interval!));
    if (!hit) return { ok: false, error: `Operation ${r.op} with interval ${r.interval} not found in ${r.rsc}` };
    chosen = [hit];
  }
  for (const op of chosen) {
    for (const set of childElements(op).filter((c) => c.tagName === 'instance_attributes')) {
      for (const nv of childElements(set)) if ([TRACE, TRACE_DIR].includes(nv.getAttribute('name') ?? '')) removeElement(nv);
      if (childElements(set).length === 0) removeElement(set);
    }
    // crmsh's is_dummy_operation: interval 0, nothing but name/interval/id left.
    const names = Array.from({ length: op.attributes.length }, (_, i) => op.attributes.item(i)!.name);
    if (msec(op.getAttribute('interval') ?? '0') === 0 && childElements(op).length === 0 && names.every((n) => ['name', 'interval', 'id'].includes(n))) {
      removeElement(op);
    }
  }
  const opsEl = firstChild(p, 'operations');
  if (opsEl && childElements(opsEl).length === 0) removeElement(opsEl);
  return { ok: true, type: p.getAttribute('type') ?? '' };
}

function hasTrace(op: Element): boolean {
  return childElements(op).some((s) => s.tagName === 'instance_attributes' && childElements(s).some((nv) => nv.getAttribute('name') === TRACE));
}
