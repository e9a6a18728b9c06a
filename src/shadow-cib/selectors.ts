/**
 * `show`/`edit`/`save` selectors: id globs, `type:`, `tag:`, `related:`, `changed`, combined
 * by implicit or, or by `and` (which intersects the selections on either side of it).
 */
import { diag, type Diagnostic } from '../diagnostic.js';
import { childElements, type Element } from './xml.js';
import type { CibObject } from './show/objects.js';
import { globToRegExp } from './show/values.js';

export interface Selection {
  /** Selected objects, in the order crmsh collects them (before sorting for display). */
  objects: CibObject[];
  diagnostics: Diagnostic[];
}

const RESOURCE_TAGS = new Set(['primitive', 'group', 'clone', 'master', 'template', 'bundle']);
const CONSTRAINT_TAGS = new Set(['rsc_location', 'rsc_colocation', 'rsc_order', 'rsc_ticket']);
const CONTAINER_TAGS = new Set(['group', 'clone', 'master', 'bundle']);
const CONSTRAINT_REF_ATTRS = ['rsc', 'with-rsc', 'first', 'then'];

/** Objects whose id (or node uname) matches the glob. */
export function findObjects(all: CibObject[], glob: string): CibObject[] {
  const re = globToRegExp(glob);
  return all.filter((o) => (o.id && re.test(o.id)) || (o.kind === 'node' && re.test(o.el.getAttribute('uname') ?? '')));
}

/** The first match that is not a node, else the first node. */
function findObject(all: CibObject[], glob: string): CibObject | null {
  const found = findObjects(all, glob);
  return found.find((o) => o.kind !== 'node') ?? found[0] ?? null;
}

function findResource(all: CibObject[], glob: string): CibObject | null {
  return findObjects(all, glob).find((o) => o.kind !== 'node') ?? null;
}

function descendantsWithId(el: Element, tags: string[], id: string): boolean {
  return tags.some((t) => Array.from(el.getElementsByTagName(t)).some((d) => d.getAttribute('id') === id));
}

/** Does this element mention the resource: a constraint on it, a tag of it, a container of it? */
function isRelated(id: string, el: Element): boolean {
  if (CONSTRAINT_TAGS.has(el.tagName)) {
    if (CONSTRAINT_REF_ATTRS.some((a) => el.getAttribute(a) === id)) return true;
    return childElements(el).some(
      (s) => s.tagName === 'resource_set' && childElements(s).some((r) => r.tagName === 'resource_ref' && r.getAttribute('id') === id),
    );
  }
  if (el.tagName === 'tag') return descendantsWithId(el, ['obj_ref'], id);
  if (CONTAINER_TAGS.has(el.tagName)) return descendantsWithId(el, ['primitive', 'group', 'clone', 'master'], id);
  return false;
}

function relatedElements(all: CibObject[], obj: CibObject): CibObject[] {
  if (!RESOURCE_TAGS.has(obj.el.tagName)) return [];
  return all.filter((x) => isRelated(obj.id, x.el));
}

/** `related:[class:[provider:]]type` also selects resources by agent. */
function byAgent(all: CibObject[], spec: string): CibObject[] {
  const parts = spec.split(':').slice(1);
  const attr = (o: CibObject, n: string) => o.el.getAttribute(n);
  if (parts.length === 3) {
    const [cls, provider, type] = parts;
    return all.filter((o) => attr(o, 'type') === type && attr(o, 'provider') === provider && attr(o, 'class') === cls);
  }
  if (parts.length === 2) {
    const [cls, type] = parts;
    return all.filter((o) => attr(o, 'type') === type && attr(o, 'class') === cls);
  }
  if (parts.length === 1 && parts[0]) return all.filter((o) => attr(o, 'type') === parts[0]);
  return [];
}

function tagged(all: CibObject[], tagId: string): CibObject[] {
  const out: CibObject[] = [];
  for (const t of all) {
    if (t.kind !== 'tag' || t.id !== tagId) continue;
    for (const ref of childElements(t.el)) {
      if (ref.tagName !== 'obj_ref') continue;
      const r = findResource(all, ref.getAttribute('id') ?? '');
      if (r) out.push(r);
    }
  }
  return out;
}

/**
 * Applies the selectors to every object. With no selector everything is selected. An id
 * glob that matches nothing is an error and selects nothing at all.
 */
export function selectObjects(all: CibObject[], selectors: string[], changed: Set<string> = new Set()): Selection {
  if (selectors.length === 0) return { objects: [...all], diagnostics: [] };
  let selected: CibObject[] = [];
  let seen = new Set<CibObject>();
  let andLeft: CibObject[] | null = null;
  const add = (objs: CibObject[]) => {
    for (const o of objs) {
      if (seen.has(o)) continue;
      seen.add(o);
      selected.push(o);
    }
  };
  for (const spec of selectors) {
    if (spec === 'or') continue;
    if (spec === 'and') {
      andLeft = selected;
      selected = [];
      seen = new Set();
      continue;
    }
    if (spec === 'changed') add(all.filter((o) => changed.has(o.id)));
    else if (spec.startsWith('type:')) add(all.filter((o) => o.kind === spec.slice(5)));
    else if (spec.startsWith('tag:')) add(tagged(all, spec.slice(4)));
    else if (spec.startsWith('related:')) {
      const name = spec.slice('related:'.length);
      add(findObjects(all, name));
      const obj = findObject(all, name);
      if (obj) add(relatedElements(all, obj));
      add(byAgent(all, spec));
    } else {
      const found = findObjects(all, spec);
      if (found.length === 0) {
        return { objects: [], diagnostics: [diag('CRM', 'error', `object ${spec} does not exist`)] };
      }
      add(found);
    }
    if (andLeft !== null) {
      const left = new Set(andLeft);
      selected = selected.filter((o) => left.has(o));
      seen = new Set(selected);
      andLeft = null;
    }
  }
  if (andLeft !== null) selected = andLeft;
  return { objects: selected, diagnostics: [] };
}
