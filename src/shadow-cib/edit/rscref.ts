/**
 * Resource references inside constraints, as crmsh 4.4.1 rewrites them when a resource is
 * renamed or deleted (xmlutil.rename_rscref / delete_rscref / silly_constraint): the simple
 * attributes first, else the resource sets, whose duplicates are merged and which turn back into
 * the simple form when two references are left.
 */
import { crmInfo } from '../lower/common.js';
import { makeEnv } from '../lower/env.js';
import { keepLastRefOfEach, renameSetRefs, setRefs, toSimpleForm } from '../lower/constraint-refs.js';
import { childElements, type Element } from '../xml.js';
import type { EditEnv } from './model.js';

/** Attributes of a simple constraint that name a resource (constants.constraint_rsc_refs). */
export const RSC_REF_ATTRS = ['rsc', 'with-rsc', 'first', 'then'];

/** Does the constraint name the resource (crmsh's rsc_constraint)? */
export function referencesResource(c: Element, id: string): boolean {
  return RSC_REF_ATTRS.some((a) => c.getAttribute(a) === id) || setRefs(c).some((r) => r.getAttribute('id') === id);
}

const isSimple = (c: Element): boolean => setRefs(c).length === 0;

/**
 * crmsh's rset_convert: two references left in sets → the simple form (sets re-read from their
 * text). Returns the constraint element now in the document.
 */
function convert(env: EditEnv, c: Element): Element {
  const parent = c.parentNode!;
  const next = c.nextSibling;
  toSimpleForm(makeEnv(env.doc, env.ctx), c);
  // toSimpleForm replaced `c` in place when it could; find whatever sits there now.
  const now = next ? (next.previousSibling as Element | null) : (parent.lastChild as Element | null);
  return now && now.nodeType === 1 ? now : c;
}

/** Renames `from` → `to` in one constraint, with crmsh's `modified …` line. Returns the element now in place. */
export function renameRscref(env: EditEnv, c: Element, label: string, from: string, to: string): Element {
  let modified = false;
  for (const attr of RSC_REF_ATTRS) {
    if (c.getAttribute(attr) === from) {
      c.setAttribute(attr, to);
      modified = true;
    }
  }
  let now = c;
  if (!modified) {
    const renamed = renameSetRefs(c, from, to);
    modified = renamed.changed;
    if (keepLastRefOfEach(c, renamed.counts) === 2) now = convert(env, c);
  }
  if (modified) {
    env.diags.push(crmInfo(`modified ${label} from ${from} to ${to}`));
    markChanged(env, now);
  }
  return now;
}

/** Drops every reference to `id`; returns whether anything was dropped and the element now in place. */
export function deleteRscref(env: EditEnv, c: Element, id: string): { deleted: boolean; el: Element } {
  let deleted = false;
  for (const attr of RSC_REF_ATTRS) {
    if (c.getAttribute(attr) === id) {
      c.removeAttribute(attr);
      deleted = true;
    }
  }
  if (deleted) return { deleted, el: c };
  for (const ref of setRefs(c)) {
    if (ref.getAttribute('id') === id) {
      ref.parentNode!.removeChild(ref);
      deleted = true;
    }
  }
  let count = 0;
  let nonSequential = false;
  for (const set of childElements(c).filter((s) => s.tagName === 'resource_set')) {
    const n = childElements(set).filter((r) => r.tagName === 'resource_ref').length;
    if (n === 0) {
      c.removeChild(set);
      deleted = true;
    } else if (isFalse(set.getAttribute('sequential')) && n > 1) {
      nonSequential = true;
    }
    count += n;
  }
  let el = c;
  if (!nonSequential && count === 2 && !isSimple(c)) el = convert(env, c);
  if (deleted) markChanged(env, el);
  return { deleted, el };
}

function isFalse(v: string | null): boolean {
  return v !== null && ['false', 'no', 'off', 'n', '0'].includes(v.toLowerCase());
}

/** crmsh's silly_constraint: too few references left (locations and tickets need one). */
export function isSilly(c: Element, id: string): boolean {
  const oneIsEnough = c.tagName === 'rsc_location' || c.tagName === 'rsc_ticket';
  const inSets = setRefs(c).length;
  if (inSets > 0) return oneIsEnough ? inSets < 1 : inSets <= 1;
  const present = RSC_REF_ATTRS.filter((a) => c.hasAttribute(a));
  if (oneIsEnough) return present.length < 1;
  const toSelf = present.filter((a) => c.getAttribute(a) === id).length;
  return toSelf === 2 || present.length < 2;
}

function markChanged(env: EditEnv, el: Element): void {
  const id = el.getAttribute('id');
  if (id) env.ctx.changed.add(id);
}
