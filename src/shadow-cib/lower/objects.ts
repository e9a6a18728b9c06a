/** Checks and insertion shared by every statement that creates a top-level object. */
import type { Diagnostic, Position } from '../../diagnostic.js';
import { allObjects, crmTypeOf, ensureSection, sectionOfTag } from '../cib-query.js';
import { assignIds, inheritIds } from '../ids.js';
import type { Element } from '../xml.js';
import { compactXml, crmError, isValidObjectId } from './common.js';
import type { Env } from './env.js';

/**
 * crmsh's checks before an object is created: a valid id (`1bad: invalid object id` plus the
 * element it could not name), and an id no other object uses (ids share one namespace).
 * `el` is the element as built, before ids are generated. Returns the errors, empty if fine.
 */
export function creationErrors(env: Env, type: string, id: string, el: Element, at?: Position): Diagnostic[] {
  // Node ids are cluster-assigned (often numeric) and exempt from the object id rule.
  if (type !== 'node' && !isValidObjectId(id)) {
    return [crmError(`${id}: invalid object id`, at), crmError(`No ID found for ${type}: ${compactXml(el)}`, at)];
  }
  // The allocator knows every id of the document, so a free id needs no scan.
  if (!env.ctx.ids.isUsed(id)) return [];
  // Nodes live in their own namespace: `location node3 …` is fine next to `node node3`.
  const existing = allObjects(env.doc).find(
    (el) => el.getAttribute('id') === id && (el.tagName === 'node') === (type === 'node'),
  );
  if (existing) {
    return [
      crmError(`Cannot create ${type} with ID '${id}': Found existing ${crmTypeOf(existing)} with same ID.`, at),
    ];
  }
  return [];
}

/** Generates the missing ids of a new object and appends it at the end of its section. */
export function insertObject(env: Env, el: Element): void {
  if (env.replacing) inheritIds(el, env.replacing.old, env.ctx.ids);
  assignIds(el, env.ctx.ids);
  const first = el.firstChild;
  for (const text of env.comments) el.insertBefore(env.doc.createComment(text), first);
  if (env.replacing) {
    env.replacing.parent.insertBefore(el, env.replacing.before);
  } else {
    ensureSection(env.doc, sectionOfTag(el.tagName) ?? 'configuration').appendChild(el);
  }
  const id = el.getAttribute('id');
  if (id) env.ctx.changed.add(id);
}
