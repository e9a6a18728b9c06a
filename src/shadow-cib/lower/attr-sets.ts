/** Attribute lists (`params`, `meta`, `utilization`, `attributes`, `op_params`, `op_meta`) → sets. */
import type { AttrSet, AttrSetKind, NvItem } from '../../grammar/ast.js';
import { findElementById } from '../cib-query.js';
import { childElements, type Element } from '../xml.js';
import { crmWarning, element } from './common.js';
import type { Env } from './env.js';
import { buildRule } from './rules.js';
import { scoreAttr } from './scores.js';

const SET_TAG: Record<AttrSetKind, string> = {
  params: 'instance_attributes',
  attributes: 'instance_attributes',
  op_params: 'instance_attributes',
  meta: 'meta_attributes',
  op_meta: 'meta_attributes',
  utilization: 'utilization',
};

export function setTag(kind: AttrSetKind): string {
  return SET_TAG[kind];
}

export function buildAttrSet(env: Env, set: AttrSet, tag = setTag(set.kind)): Element {
  if (set.idRef !== undefined) return element(env.doc, tag, [['id-ref', resolveSetRef(env, set.idRef, tag)]]);
  const el = element(env.doc, tag, [
    ['id', set.id],
    set.score !== undefined ? scoreAttr(set.score) : ['score', undefined],
  ]);
  for (const r of set.rules) el.appendChild(buildRule(env, r));
  for (const item of set.items) el.appendChild(buildNvpair(env, item, tag === 'meta_attributes'));
  return el;
}

export function buildNvpair(env: Env, item: NvItem, isMeta = false): Element {
  if (item.kind === 'nvref') {
    noteReference(env, item.ref, 2);
    return element(env.doc, 'nvpair', [['id-ref', item.ref], ['name', item.name]]);
  }
  if (isMeta && item.name === 'target-role' && item.value !== undefined) {
    // target-role values follow the same Promoted/Master translation as roles.
    item = { ...item, value: env.roles.translate(item.value) };
  }
  if (item.id !== undefined) {
    return element(env.doc, 'nvpair', [['id', item.id], ['name', item.name], ['value', item.value]]);
  }
  return element(env.doc, 'nvpair', [['name', item.name], ['value', item.value]]);
}

/**
 * `$id-ref=X`: X may name a set directly, or an object, in which case its first set of the
 * same kind is used (WARNING when there are several). Unknown X: ERROR, reference kept.
 */
function resolveSetRef(env: Env, ref: string, tag: string): string {
  const target = findElementById(env.doc, ref);
  if (!target) {
    env.unresolvedRefs.push({ ref, passes: 4 });
    return ref;
  }
  if (target.tagName === tag) return ref;
  // An object without a set of that kind: crmsh keeps the reference as written, silently.
  const sets = childElements(target).filter((c) => c.tagName === tag && c.getAttribute('id'));
  if (sets.length === 0) return ref;
  if (sets.length > 1) env.diags.push(crmWarning(`${ref} contains more than one ${tag}, using first`));
  return sets[0]!.getAttribute('id')!;
}

/** Records a reference to an id that does not exist (crmsh reports it, the XML keeps it). */
export function noteReference(env: Env, ref: string, passes: number): void {
  if (!findElementById(env.doc, ref)) env.unresolvedRefs.push({ ref, passes });
}
