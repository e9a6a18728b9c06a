/**
 * `configure erase` and `erase nodes` (CibFactory.erase / erase_nodes): every object but the
 * nodes goes, by deleting the objects without children one by one (containers and constraints
 * follow by the cascade, silently); `erase nodes` deletes the nodes only.
 */
import type { LowerContext } from '../lower/common.js';
import { CONSTRAINT_TAGS } from '../cib-query.js';
import type { Document } from '../xml.js';
import { deleteIn, type EditResult } from './delete.js';
import { crmshOrder, editEnv, objectsOf, resourceChildren, type EditEnv } from './model.js';

/**
 * `loadedOrder`: the object ids of the CIB as loaded, in order. crmsh walks its object list,
 * where loaded objects come first and objects created in the session follow in creation order;
 * the document alone no longer tells that order once a group has moved its members.
 */
export function eraseConfiguration(doc: Document, ctx: LowerContext, loadedOrder: string[] = []): EditResult {
  const env = editEnv(doc, ctx, loadedOrder);
  eraseIn(env);
  // crmsh returns success even when a step printed an error (a tag gone with its last member).
  return { diagnostics: env.diags, ok: true };
}

export function eraseIn(env: EditEnv): void {
  const leaves = crmshOrder(env).filter(
    (o) => o.kind !== 'node' && !CONSTRAINT_TAGS.has(o.el.tagName) && resourceChildren(o.el).length === 0,
  );
  env.quietHanging = true;
  for (const o of leaves) deleteIn(env, [o.id]);
  env.quietHanging = false;
}

export function eraseNodes(doc: Document, ctx: LowerContext): EditResult {
  const env = editEnv(doc, ctx);
  for (const n of objectsOf(doc).filter((o) => o.kind === 'node')) deleteIn(env, [n.id]);
  return { diagnostics: env.diags, ok: true };
}
