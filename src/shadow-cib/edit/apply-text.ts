/**
 * Applying configuration text to the working CIB the way crmsh's CibDiff.apply does for
 * `load`, `filter` (and `modgroup`, which crmsh runs as a sed filter over the group):
 *   - objects named in the text and present in the selection are replaced (`update` merges
 *     property and defaults sets nvpair by nvpair instead), the others are created, in
 *     processing order (primitives before the groups that hold them, constraints last);
 *   - with `remove`, selected objects the text no longer names are deleted (constraints and
 *     containers first, the rest after the creations, in reverse), and the text may not name an
 *     object that exists but was not selected (`Elements b already exist`);
 *   - any error undoes the whole text: the working copy is left as it was.
 */
import type { Diagnostic } from '../../diagnostic.js';
import { isError } from '../../diagnostic.js';
import { applyUpdate, lowerStatement } from '../lower.js';
import { crmError, type LowerContext } from '../lower/common.js';
import { bucketOf } from '../show/objects.js';
import { crmTypeOf, ensureSection, sectionOfTag } from '../cib-query.js';
import { configurationOf, parseXml, type Document, type Element } from '../xml.js';
import { deleteIn } from './delete.js';
import { editEnv, findExact, idsUnder, objectsOf, parentContainer, resourceChildren, resourcesSection, CONTAINER_TAGS, type CibObject } from './model.js';
import type { TextStatement } from './parse-text.js';

export interface ApplyTextOptions {
  /** Delete selected objects the text does not name (`filter`, `edit`, `load push`). */
  remove: boolean;
  /** `update` merges property/defaults sets; `replace` replaces them. */
  method: 'replace' | 'update';
  /** Ids of the objects the text stands for (default: every object). */
  selection?: CibObject[];
}

const NVSET_KINDS = new Set(['property', 'rsc_defaults', 'op_defaults']);

export function applyStatements(doc: Document, statements: TextStatement[], ctx: LowerContext, opts: ApplyTextOptions): { diagnostics: Diagnostic[]; ok: boolean } {
  const undo = snapshot(doc, ctx);
  const diagnostics: Diagnostic[] = [];
  const ok = applyAll(doc, statements, ctx, opts, diagnostics);
  if (!ok) undo();
  return { diagnostics, ok };
}

function applyAll(doc: Document, statements: TextStatement[], ctx: LowerContext, opts: ApplyTextOptions, out: Diagnostic[]): boolean {
  const all = objectsOf(doc);
  const selection = opts.selection ?? all;
  const selectedIds = new Set(selection.map((o) => o.id));
  const lockedIds = new Set(all.filter((o) => !selectedIds.has(o.id)).map((o) => o.id));
  // Duplicates in the text.
  const seen = { node: new Set<string>(), rsc: new Set<string>() };
  for (const s of statements) {
    if (s.id === null) continue;
    const set = s.isNode ? seen.node : seen.rsc;
    if (set.has(s.id)) {
      out.push(crmError(`Duplicate ${s.isNode ? 'node' : 'resource'}: ${s.id}`));
      return false;
    }
    set.add(s.id);
  }
  for (const nodes of [true, false]) {
    const input = statements.filter((s) => s.isNode === nodes);
    const inputIds = new Set(input.map((s) => s.id).filter((x): x is string => x !== null));
    const existing = selection.filter((o) => (o.kind === 'node') === nodes).map((o) => o.id);
    if (opts.remove) {
      const notAllowed = [...inputIds].filter((id) => lockedIds.has(id));
      if (notAllowed.length > 0) {
        out.push(crmError(`Elements ${notAllowed.join(', ')} already exist`));
        return false;
      }
    }
    const delSet = opts.remove ? existing.filter((id) => !inputIds.has(id)) : [];
    const existingSet = new Set(existing);
    const mk = input.filter((s) => s.id === null || !existingSet.has(s.id));
    const upd = input.filter((s) => s.id !== null && existingSet.has(s.id));
    if (!applySet(doc, ctx, opts, mk, upd, delSet, out)) return false;
  }
  return true;
}

function applySet(
  doc: Document,
  ctx: LowerContext,
  opts: ApplyTextOptions,
  mk: TextStatement[],
  upd: TextStatement[],
  delSet: string[],
  out: Diagnostic[],
): boolean {
  const kindOf = (id: string): Element | undefined => findExact(doc, id)?.el;
  const delConstraints = delSet.filter((id) => /^rsc_(location|colocation|order|ticket)$/.test(kindOf(id)?.tagName ?? ''));
  const delContainers = delSet.filter((id) => CONTAINER_TAGS.has(kindOf(id)?.tagName ?? ''));
  const delObjs = delSet.filter((id) => !delConstraints.includes(id) && !delContainers.includes(id));
  if (!runDelete(doc, ctx, delConstraints, out) || !runDelete(doc, ctx, delContainers, out)) return false;

  const ordered = mk.map((s, i) => ({ s, i })).sort((a, b) => bucketOf(a.s.stmt.kind) - bucketOf(b.s.stmt.kind) || a.i - b.i);
  for (const { s } of ordered) {
    if (s.fromXml) {
      if (!createFromXml(doc, s, ctx, out)) return false;
      continue;
    }
    const r = lowerStatement(doc, s.stmt, ctx);
    out.push(...r.diagnostics);
    if (r.failed) return false;
  }
  for (const s of upd) {
    if (NVSET_KINDS.has(s.stmt.kind)) {
      // update: merged nvpair by nvpair (the lowering's own rule); replace: the set anew, in place.
      const old = opts.method === 'replace' ? findExact(doc, s.id!)?.el : undefined;
      const place = old ? { parent: old.parentNode!, next: old.nextSibling } : undefined;
      if (old) {
        for (const x of idsUnder(old)) ctx.ids.release(x);
        old.parentNode!.removeChild(old);
      }
      const r = lowerStatement(doc, s.stmt, ctx);
      out.push(...r.diagnostics);
      if (r.failed) return false;
      const fresh = place && findExact(doc, s.id!)?.el;
      if (place && fresh) place.parent.insertBefore(fresh, place.next);
      continue;
    }
    if (s.stmt.kind === 'xml') {
      if (!replaceWithXml(doc, s, ctx, out)) return false;
      continue;
    }
    const old = findExact(doc, s.id!)?.el;
    const oldChildren = old ? resourceChildren(old) : [];
    const ds = applyUpdate(doc, s.stmt, ctx);
    out.push(...ds);
    if (ds.some(isError)) return false;
    // Members the new definition dropped go to the end of the resources, as crmsh re-links them.
    for (const c of oldChildren) if (c.parentNode && !parentContainer(c)) resourcesSection(doc).appendChild(c);
  }
  return runDelete(doc, ctx, [...delObjs].reverse(), out);
}

/**
 * crmsh's create_from_node (`load xml`): the element goes in as it is, members included (unlike
 * the `xml` statement, which looks the members up as separate objects first).
 */
function createFromXml(doc: Document, s: TextStatement, ctx: LowerContext, out: Diagnostic[]): boolean {
  if (s.stmt.kind !== 'xml') return false;
  const fresh = doc.importNode(parseXml(s.stmt.xml).documentElement!, true) as Element;
  if (s.id !== null && !s.isNode && ctx.ids.isUsed(s.id)) {
    const existing = objectsOf(doc).find((o) => o.id === s.id && o.kind !== 'node');
    if (existing) {
      out.push(crmError(`Cannot create ${crmTypeOf(fresh)} with ID '${s.id}': Found existing ${existing.kind} with same ID.`, s.stmt.at));
      return false;
    }
  }
  const section = fresh.tagName === 'fencing-topology' ? configurationOf(doc) : ensureSection(doc, sectionOfTag(fresh.tagName) ?? 'configuration');
  section.appendChild(fresh);
  ctx.ids.seed(fresh);
  if (s.id) ctx.changed.add(s.id);
  return true;
}

/** crmsh's update_from_node: the new element takes the old one's place, wholesale. */
function replaceWithXml(doc: Document, s: TextStatement, ctx: LowerContext, out: Diagnostic[]): boolean {
  const old = objectsOf(doc).find((o) => o.id === s.id && (o.kind === 'node') === s.isNode)?.el;
  if (!old || s.stmt.kind !== 'xml') return false;
  let fresh: Element;
  try {
    fresh = doc.importNode(parseXml(s.stmt.xml).documentElement!, true) as Element;
  } catch (e) {
    out.push(crmError(`Cannot parse XML data: ${s.stmt.xml}`, s.stmt.at));
    return false;
  }
  for (const x of idsUnder(old)) ctx.ids.release(x);
  old.parentNode!.replaceChild(fresh, old);
  ctx.ids.seed(fresh);
  if (s.id) ctx.changed.add(s.id);
  return true;
}

function runDelete(doc: Document, ctx: LowerContext, ids: string[], out: Diagnostic[]): boolean {
  if (ids.length === 0) return true;
  const env = editEnv(doc, ctx);
  // Exact ids here: the objects were looked up by id, not typed as globs.
  const ok = deleteIn(env, ids.map(escapeGlob));
  out.push(...env.diags);
  return ok;
}

function escapeGlob(id: string): string {
  return id.replace(/[*?[]/g, (c) => `[${c}]`);
}

/** Everything a failed text must put back: the configuration, the ids handed out, `changed`. */
function snapshot(doc: Document, ctx: LowerContext): () => void {
  const cfg = configurationOf(doc);
  const copy = cfg.cloneNode(true);
  const ids = ctx.ids.snapshot();
  const changed = new Set(ctx.changed);
  return () => {
    cfg.parentNode!.replaceChild(copy, cfg);
    ctx.ids.restore(ids);
    ctx.changed.clear();
    for (const c of changed) ctx.changed.add(c);
  };
}
