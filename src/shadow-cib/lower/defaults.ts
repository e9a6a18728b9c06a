/** `property`, `rsc_defaults`, `op_defaults` → a named set, merged into when it exists. */
import type { PropertyStmt } from '../../grammar/ast.js';
import { allObjects, ensureSection } from '../cib-query.js';
import { assignIds } from '../ids.js';
import { childElements, configurationOf, firstChild, type Element } from '../xml.js';
import { ok, type Lowered } from './common.js';
import type { Env } from './env.js';
import { buildAttrSet, noteReference } from './attr-sets.js';

const WHERE = {
  property: { section: 'crm_config', tag: 'cluster_property_set', defaultId: 'cib-bootstrap-options' },
  rsc_defaults: { section: 'rsc_defaults', tag: 'meta_attributes', defaultId: 'rsc-options' },
  op_defaults: { section: 'op_defaults', tag: 'meta_attributes', defaultId: 'op-options' },
} as const;

export function lowerDefaults(env: Env, stmt: PropertyStmt): Lowered {
  const where = WHERE[stmt.kind];
  // crmsh does not keep `$id-ref=X` on a cluster set: it checks X exists (reporting a missing
  // one twice) and then edits the default set as if no id had been given.
  if (stmt.set.idRef !== undefined) noteReference(env, stmt.set.idRef, 2);
  const setId = stmt.set.idRef !== undefined ? where.defaultId : (stmt.set.id ?? where.defaultId);
  const built = buildAttrSet(env, { ...stmt.set, id: setId, idRef: undefined }, where.tag);
  // crmsh looks the id up among all objects: `rsc_defaults $id=<a primitive>` merges into the
  // primitive (schema-invalid, refused at commit), and `rsc_defaults X:` merges into a property
  // set X. We do the same, for the same outcome; the section is created only for a new set.
  const present = firstChild(configurationOf(env.doc), where.section);
  const existing =
    (present && childElements(present).find((s) => s.tagName === where.tag && s.getAttribute('id') === setId)) ??
    allObjects(env.doc).find((o) => o.tagName !== 'node' && o.getAttribute('id') === setId);
  if (existing) {
    // crmsh's copy_nvpairs: a rule with an id replaces the child with that id, any other is
    // appended after what the set already holds (so an earlier nvpair stays before it).
    for (const r of childElements(built).filter((c) => c.tagName === 'rule')) {
      built.removeChild(r);
      const id = r.getAttribute('id');
      const same = id ? childElements(existing).find((c) => c.getAttribute('id') === id) : undefined;
      if (same) existing.replaceChild(r, same);
      else existing.appendChild(r);
    }
    for (const nv of childElements(built).filter((c) => c.tagName === 'nvpair')) {
      const name = nv.getAttribute('name');
      const same = childElements(existing).find((c) => c.tagName === 'nvpair' && c.getAttribute('name') === name);
      if (same) {
        if (nv.hasAttribute('value')) same.setAttribute('value', nv.getAttribute('value')!);
        else same.removeAttribute('value');
        continue;
      }
      // New pairs are named from the existing set's id (no dedup against the set itself).
      assignIds(nv, env.ctx.ids, setId);
      existing.appendChild(nv);
    }
    for (const r of childElements(existing).filter((c) => c.tagName === 'rule' && !c.getAttribute('id'))) {
      assignIds(r, env.ctx.ids, setId);
    }
  } else {
    collapseDuplicateNames(built);
    assignIds(built, env.ctx.ids);
    ensureSection(env.doc, where.section).appendChild(built);
  }
  env.ctx.changed.add(setId);
  return ok(env.diags);
}

/** A name given twice in one new set keeps one nvpair, at the first place, with the last value. */
function collapseDuplicateNames(set: Element): void {
  const first = new Map<string, Element>();
  for (const nv of childElements(set).filter((c) => c.tagName === 'nvpair' && c.hasAttribute('name'))) {
    const seen = first.get(nv.getAttribute('name')!);
    if (!seen) {
      first.set(nv.getAttribute('name')!, nv);
      continue;
    }
    if (nv.hasAttribute('value')) seen.setAttribute('value', nv.getAttribute('value')!);
    else seen.removeAttribute('value');
    set.removeChild(nv);
  }
}
