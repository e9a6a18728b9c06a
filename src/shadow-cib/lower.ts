/**
 * Lowering: one configure statement (AST) → edits of the shadow CIB document, exactly as
 * crmsh 4.4.1 writes them (element/attribute names and order, ids, section creation).
 * A statement that fails leaves the document, the id allocator and `changed` untouched: each
 * lowerer runs all its checks before its first edit (keep it that way when adding one).
 */
import { diag } from '../diagnostic.js';
import type { Diagnostic } from '../diagnostic.js';
import type { ConfigStatement } from '../grammar/ast.js';
import { childElements, type Document, type Element } from './xml.js';
import { CONTAINER_TAGS, ensureSection, findObject, RESOURCE_TAGS } from './cib-query.js';
import { crmError, type Lowered, type LowerContext } from './lower/common.js';
import { makeEnv, type Env } from './lower/env.js';
import { lowerAclTarget, lowerRole } from './lower/acl.js';
import { lowerAlert } from './lower/alert.js';
import { lowerBundle } from './lower/bundle.js';
import { lowerColocation, lowerOrder, lowerTicket } from './lower/constraints.js';
import { lowerContainer } from './lower/container.js';
import { lowerDefaults } from './lower/defaults.js';
import { lowerFencing } from './lower/fencing.js';
import { lowerLocation } from './lower/location.js';
import { lowerMonitor } from './lower/monitor.js';
import { lowerNode } from './lower/node.js';
import { lowerPrimitive } from './lower/primitive.js';
import { lowerTag } from './lower/tag.js';
import { lowerXml } from './lower/xml-stmt.js';

export type { LowerContext } from './lower/common.js';
export { IdAllocator } from './ids.js';

export function applyStatement(doc: Document, stmt: ConfigStatement, ctx: LowerContext): Diagnostic[] {
  return lowerStatement(doc, stmt, ctx).diagnostics;
}

/**
 * Like applyStatement, and says whether the command failed: crmsh prints some ERROR lines for a
 * statement it still carries out (`g refers to missing object x`), and exits 0 for those.
 */
export function lowerStatement(
  doc: Document,
  stmt: ConfigStatement,
  ctx: LowerContext,
): { diagnostics: Diagnostic[]; failed: boolean } {
  // Every lowerer finishes its checks before its first edit, so a failed statement has
  // nothing to undo (cloning the configuration per statement was quadratic on big CIBs).
  const badScore = fractionalScoreError(stmt);
  if (badScore) return { diagnostics: [badScore], failed: true };
  const env = makeEnv(doc, ctx, stmt.comments);
  const result = lower(env, stmt);
  return { diagnostics: [...result.diags, ...unresolvedReferenceErrors(env)], failed: result.failed };
}

/**
 * `100.5:` looks like a score but Pacemaker's scores are whole numbers. crmsh 4.4.1 stores it as
 * `score-attribute="100.5"` (a node attribute name) and the schema refuses the commit later;
 * tcrm says what is wrong where it was written.
 */
function fractionalScoreError(stmt: ConfigStatement): Diagnostic | null {
  if (stmt.kind !== 'location' && stmt.kind !== 'colocation') return null;
  const written = [stmt.score, ...(stmt.kind === 'location' ? stmt.rules.map((r) => r.score) : [])];
  const bad = written.find((score) => score !== undefined && /^[+-]?(\d+\.\d*|\.\d+)$/.test(score));
  if (bad === undefined) return null;
  return diag('TCRM1050', 'error', `${stmt.kind} ${stmt.id.name}: invalid score ${bad}: scores are whole numbers, inf or -inf`, stmt.at, 'write a whole number, e.g. 100:');
}

/** crmsh resolves `$id-ref`s in four passes and reports every missing one in each pass. */
const REFERENCE_PASSES = 4;

function unresolvedReferenceErrors(env: Env): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let pass = 0; pass < REFERENCE_PASSES; pass++) {
    for (const { ref, passes } of env.unresolvedRefs) if (pass < passes) out.push(crmError(`Reference not found: ${ref}`));
  }
  return out;
}

/**
 * Re-defines an object the way `load update` / `edit` do: when the statement's id names an
 * existing object (not a node), the new element takes its place and inherits the ids of
 * matching old children (cib-mapping.md §2 rule 2); otherwise this is `applyStatement`.
 * Members of a re-defined container are put back in its place first, so the new definition
 * can list them again.
 */
export function applyUpdate(doc: Document, stmt: ConfigStatement, ctx: LowerContext): Diagnostic[] {
  const id = 'id' in stmt ? stmt.id.name : undefined;
  const old = id === undefined ? undefined : findObject(doc, id);
  if (!old || old.tagName === 'node') return applyStatement(doc, stmt, ctx);
  const parent = old.parentNode!;
  const members = CONTAINER_TAGS.has(old.tagName) ? childElements(old).filter((c) => RESOURCE_TAGS.has(c.tagName)) : [];
  // Members wait beside the container, or at the top when the container is itself inside one
  // (a group in a clone): a member left inside the clone would count as already contained.
  const holder = CONTAINER_TAGS.has((parent as Element).tagName ?? '') ? ensureSection(doc, 'resources') : parent;
  for (const m of members) holder.insertBefore(m, holder === parent ? old : null);
  // An empty text node keeps the object's place: its next sibling may itself move into the new
  // definition (`modgroup g add b` when b, removed earlier, stands right after g).
  const place = doc.createTextNode('');
  parent.insertBefore(place, old);
  parent.removeChild(old);
  const released = idsUnder(old);
  for (const x of released) ctx.ids.release(x);

  const env = makeEnv(doc, ctx, stmt.comments);
  env.replacing = { old, parent, before: place };
  const result = lower(env, stmt);
  if (result.failed) {
    parent.insertBefore(old, place);
    for (const m of members) old.appendChild(m);
    for (const x of released) ctx.ids.reserve(x);
  }
  parent.removeChild(place);
  return [...result.diags, ...unresolvedReferenceErrors(env)];
}

function idsUnder(el: Element): string[] {
  const out: string[] = [];
  const id = el.getAttribute('id');
  if (id) out.push(id);
  for (const c of childElements(el)) out.push(...idsUnder(c));
  return out;
}

function lower(env: Env, stmt: ConfigStatement): Lowered {
  switch (stmt.kind) {
    case 'node':
      return lowerNode(env, stmt);
    case 'primitive':
    case 'rsc_template':
      return lowerPrimitive(env, stmt);
    case 'monitor':
      return lowerMonitor(env, stmt);
    case 'group':
    case 'clone':
    case 'ms':
      return lowerContainer(env, stmt);
    case 'bundle':
      return lowerBundle(env, stmt);
    case 'location':
      return lowerLocation(env, stmt);
    case 'colocation':
      return lowerColocation(env, stmt);
    case 'order':
      return lowerOrder(env, stmt);
    case 'rsc_ticket':
      return lowerTicket(env, stmt);
    case 'property':
    case 'rsc_defaults':
    case 'op_defaults':
      return lowerDefaults(env, stmt);
    case 'fencing_topology':
      return lowerFencing(env, stmt);
    case 'tag':
      return lowerTag(env, stmt);
    case 'alert':
      return lowerAlert(env, stmt);
    case 'role':
      return lowerRole(env, stmt);
    case 'acl_target':
    case 'user':
      return lowerAclTarget(env, stmt);
    case 'xml':
      return lowerXml(env, stmt);
  }
}
