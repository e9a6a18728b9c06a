/**
 * `configure rename OLD NEW` (CibFactory.rename): the object's own id changes, and every
 * constraint naming it follows (`INFO: modified colocation:c1 from a to web`); inner ids keep the
 * old prefix, as in crmsh.
 *
 * Departures from crmsh 4.4.1, on purpose (fixtures 521, 523, 526 say so in meta.json):
 *   - crmsh leaves tags and primitives built on a renamed template pointing at the old id (the
 *     tag then names nothing, the primitives make the CIB invalid); tcrm renames those
 *     references too;
 *   - crmsh accepts a new id the schema refuses (`1bad`) and only fails at commit; tcrm refuses
 *     it at once.
 */
import { diag } from '../../diagnostic.js';
import { message, type Lang } from '../../messages/catalog.js';
import { crmError, isValidObjectId, type LowerContext } from '../lower/common.js';
import { childElements, type Document } from '../xml.js';
import type { EditResult } from './delete.js';
import { crmshOrder, editEnv, findObjectGlob, labelOf, objectsOf, RESOURCE_TAGS } from './model.js';
import { referencesResource, renameRscref } from './rscref.js';

export interface RenameOptions {
  canRename?: (id: string) => boolean;
  lang?: Lang;
  /** Ids of the objects as loaded, in load order (message order, see model.crmshOrder). */
  loadedOrder?: string[];
}

export function renameObject(doc: Document, oldId: string, newId: string, ctx: LowerContext, opts: RenameOptions = {}): EditResult {
  const env = editEnv(doc, ctx, opts.loadedOrder);
  const fail = (...ds: typeof env.diags): EditResult => ({ diagnostics: [...env.diags, ...ds], ok: false });
  if (newId === '') return fail();
  if (ctx.ids.isUsed(newId)) return fail(crmError(`${newId}: id is already in use`));
  const obj = findObjectGlob(doc, oldId);
  if (!obj) return fail(crmError(`object ${oldId} does not exist`));
  if (obj.kind === 'fencing_topology' || obj.id === '') return fail();
  if (opts.canRename && !opts.canRename(obj.id)) return fail(crmError(`cannot rename a running resource (${obj.id})`));
  if (obj.kind === 'node') return fail(crmError('cannot rename nodes'));
  if (!isValidObjectId(newId)) return fail(diag('TCRM8501', 'error', message('TCRM8501', { id: newId }, opts.lang)));

  const old = obj.id;
  if (RESOURCE_TAGS.has(obj.el.tagName)) {
    for (const c of crmshOrder(env).filter((o) => ['location', 'colocation', 'order', 'rsc_ticket'].includes(o.kind))) {
      if (referencesResource(c.el, old)) renameRscref(env, c.el, labelOf(c), old, newId);
    }
  }
  obj.el.setAttribute('id', newId);
  ctx.ids.release(old);
  ctx.ids.reserve(newId);
  ctx.changed.delete(old);
  ctx.changed.add(newId);
  // tcrm, unlike crmsh: tags and template users follow the rename.
  for (const o of objectsOf(doc)) {
    if (o.kind === 'tag') {
      for (const ref of childElements(o.el)) {
        if (ref.tagName === 'obj_ref' && ref.getAttribute('id') === old) {
          ref.setAttribute('id', newId);
          ctx.changed.add(o.id);
        }
      }
    }
    if (obj.el.tagName === 'template' && o.kind === 'primitive' && o.el.getAttribute('template') === old) {
      o.el.setAttribute('template', newId);
      ctx.changed.add(o.id);
    }
  }
  return { diagnostics: env.diags, ok: true };
}
