/**
 * `configure delete [-f|--force] ID…` (alias `rm`), as crmsh 4.4.1's CibFactory.delete: ids are
 * globs (the first match is taken), a template takes the primitives built on it, the objects are
 * removed in reverse processing order with the cascade of remove.ts.
 */
import type { Diagnostic } from '../../diagnostic.js';
import { crmError, crmInfo } from '../lower/common.js';
import type { LowerContext } from '../lower/common.js';
import type { Document } from '../xml.js';
import { cliSort, editEnv, findObjectGlob, labelOf, objectsOf, type CibObject, type EditEnv } from './model.js';
import { deleteOne } from './remove.js';

export interface DeleteOptions {
  /** crmsh's core.force (`-F`, `options force yes`): a missing id is not an error. */
  ignoreMissing?: boolean;
  /** Says whether a resource may be deleted (live: not running); the message when not. */
  canDelete?: (id: string) => boolean;
  /** Ids of the objects as loaded, in load order (message order, see model.crmshOrder). */
  loadedOrder?: string[];
}

export interface EditResult {
  diagnostics: Diagnostic[];
  ok: boolean;
}

export function deleteObjects(doc: Document, ids: string[], ctx: LowerContext, opts: DeleteOptions = {}): EditResult {
  const env = editEnv(doc, ctx, opts.loadedOrder);
  const ok = deleteIn(env, ids, opts);
  return { diagnostics: env.diags, ok };
}

/** The delete step shared with erase and load push (same env, so their message rules apply). */
export function deleteIn(env: EditEnv, ids: string[], opts: DeleteOptions = {}): boolean {
  let ok = true;
  const list: CibObject[] = [];
  for (const id of ids) {
    const obj = findObjectGlob(env.doc, id);
    if (!obj) {
      if (!opts.ignoreMissing) {
        env.diags.push(crmError(`object ${id} does not exist`));
        ok = false;
      }
      continue;
    }
    if (opts.canDelete && !opts.canDelete(obj.id)) {
      env.diags.push(crmError(`resource ${obj.id} is running, can't delete it`));
      ok = false;
      continue;
    }
    if (obj.el.tagName === 'template') {
      const users = objectsOf(env.doc).filter(
        (o) => o.kind === 'primitive' && o.el.getAttribute('template') === obj.id && !list.some((x) => x.el === o.el) && !ids.includes(o.id),
      );
      for (const p of users) {
        env.diags.push(crmInfo(`hanging ${labelOf(p)} deleted`));
        list.push(p);
      }
    }
    list.push(obj);
  }
  for (const obj of cliSort(list).reverse()) deleteOne(env, obj);
  return ok;
}
