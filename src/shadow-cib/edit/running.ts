/**
 * crmsh's RscState.can_delete on a live CIB: a resource that runs, is managed and is not a group
 * cannot be deleted (`resource x is running, can't delete it`). Whether it runs is asked of the
 * cluster (`crm_resource -W -r ID`, by the session); the rest is read from the working CIB here.
 */
import { childElements, type Document, type Element } from '../xml.js';
import { findExact, objectsOf } from './model.js';

/** The id crmsh asks crm_resource about: the clone holding the resource (through a group), or itself. */
export function statusIdFor(doc: Document, id: string): string | undefined {
  const obj = findExact(doc, id);
  if (!obj || obj.kind === 'node') return undefined;
  let p = obj.el.parentNode as Element | null;
  if (p && p.tagName === 'group') p = p.parentNode as Element | null;
  return p && (p.tagName === 'clone' || p.tagName === 'master') ? p.getAttribute('id') ?? id : id;
}

/** crm_resource -W says it runs: "running" after the start and no "NOT". */
export function saysRunning(output: string): boolean {
  return output.indexOf('running') > 0 && !output.includes('NOT');
}

export function canDelete(doc: Document, id: string, running: boolean): boolean {
  const obj = findExact(doc, id);
  if (!obj || !running) return true;
  if (obj.el.tagName === 'group') return true;
  return !isManaged(doc, obj.el);
}

function isManaged(doc: Document, el: Element): boolean {
  const objects = objectsOf(doc);
  const props = objects.filter((o) => o.kind === 'property').map((o) => o.el);
  const defaults = objects.filter((o) => o.kind === 'rsc_defaults').map((o) => o.el);
  const maintenance = valueIn(props, 'maintenance-mode');
  if (maintenance !== undefined && isTrue(maintenance)) return false;
  const own = valueIn(childElements(el).filter((c) => c.tagName === 'meta_attributes'), 'is-managed');
  if (own !== undefined) return isTrue(own);
  const dflt = valueIn(defaults, 'is-managed');
  if (dflt !== undefined) return isTrue(dflt);
  const prop = valueIn(props, 'is-managed-default');
  if (prop !== undefined) return isTrue(prop);
  return true;
}

function valueIn(sets: Element[], name: string): string | undefined {
  for (const s of sets) {
    const nv = childElements(s).find((c) => c.tagName === 'nvpair' && c.getAttribute('name') === name);
    if (nv) return nv.getAttribute('value') ?? undefined;
  }
  return undefined;
}

function isTrue(v: string): boolean {
  return ['true', 'yes', 'on', 'y', '1'].includes(v.toLowerCase());
}
