/**
 * Three-way merge of CIB configurations, object by object: what only one side changed is taken
 * from that side; the same change on both sides is fine; different changes to the same object
 * are a conflict, reported per object. The result starts from `theirs` (the target as it is now)
 * and replays `ours` (this session's edits) onto it.
 */
import { diag, type Diagnostic } from '../diagnostic.js';
import { childElements, firstChild, serializeNode, type Document, type Element } from '../shadow-cib/xml.js';
import { setShell, type ObjectKind } from './config-objects.js';
import { diffConfigurations, type ChangeType, type ObjectChange } from './diff.js';

export interface Conflict {
  key: string;
  kind: ObjectKind | 'id' | 'cib';
  label: string;
  ours: ChangeType;
  theirs: ChangeType;
  /** Names the object and what each side did. */
  message: string;
  /** The object as each side has it now (null: deleted there), for a side-by-side view. */
  oursXml?: string | null;
  theirsXml?: string | null;
}

export interface MergeResult {
  merged: Document;
  conflicts: Conflict[];
}

const VERB: Record<ChangeType, string> = { added: 'created', removed: 'deleted', modified: 'changed' };
const KIND_WORD: Record<Conflict['kind'], string> = {
  node: 'node',
  resource: 'resource',
  constraint: 'constraint',
  'property-set': 'attribute set',
  property: 'attribute',
  tag: 'tag',
  acl: 'ACL entry',
  alert: 'alert',
  'fencing-level': 'fencing level',
  section: 'section',
  id: 'id',
  cib: 'CIB attribute',
};

function conflict(key: string, kind: Conflict['kind'], label: string, ours: ChangeType, theirs: ChangeType, why?: string): Conflict {
  const same = ours === theirs ? ' differently' : '';
  const message =
    why ?? `${KIND_WORD[kind]} ${label}: ${VERB[ours]} here and ${VERB[theirs]}${same} in the meantime`;
  return { key, kind, label, ours, theirs, message };
}

export function conflictDiagnostic(c: Conflict): Diagnostic {
  return diag('TCRM4010', 'error', c.message);
}

export interface MergeOptions {
  /** Apply our side's version of a conflicting object anyway (`commit force`); conflicts are
   *  still reported. */
  oursWinConflicts?: boolean;
}

export function mergeConfigurations(base: Document, ours: Document, theirs: Document, opts: MergeOptions = {}): MergeResult {
  const merged = theirs.cloneNode(true) as Document;
  const theirChanges = new Map(diffConfigurations(base, theirs).map((c) => [c.key, c]));
  const conflicts: Conflict[] = [];
  const pending: ObjectChange[] = [];

  for (const mine of diffConfigurations(base, ours)) {
    const other = theirChanges.get(mine.key);
    if (!other) pending.push(mine);
    else if (!sameOutcome(mine, other)) {
      conflicts.push({
        ...conflict(mine.key, mine.kind, mine.label, mine.change, other.change),
        oursXml: mine.after ? serializeNode(mine.after) : null,
        theirsXml: other.after ? serializeNode(other.after) : null,
      });
      if (opts.oursWinConflicts) pending.push(mine);
    }
  }
  // Sets are created before their nvpairs are added, and deleted after their nvpairs go.
  const rank = (c: ObjectChange): number =>
    c.kind === 'property-set' ? (c.change === 'removed' ? 2 : 0) : 1;
  pending.sort((a, b) => rank(a) - rank(b));
  for (const change of pending) {
    const problem = apply(merged, base, change);
    if (problem) conflicts.push(problem);
  }
  conflicts.push(...rootConflicts(base, ours, theirs, merged));
  conflicts.push(...duplicateIds(merged, ours, theirs));
  return { merged, conflicts };
}

function sameOutcome(a: ObjectChange, b: ObjectChange): boolean {
  if (a.change === 'removed' || b.change === 'removed') return a.change === b.change;
  return textOf(a.after) === textOf(b.after);
}

function textOf(el: Element | null): string {
  return el ? serializeNode(el) : '';
}

/** Applies one of our changes to the merged document; a Conflict when the target has no place for it. */
function apply(merged: Document, base: Document, change: ObjectChange): Conflict | null {
  const where = parseKey(change.key);
  const existing = locate(merged, change.key);
  if (change.change === 'removed') {
    if (!existing) return null;
    if (change.kind === 'property-set' && hasNewPairs(existing, base, change.key)) {
      return conflict(change.key, change.kind, change.label, 'removed', 'modified',
        `attribute set ${change.label}: deleted here, but attributes were added to it in the meantime`);
    }
    existing.parentNode!.removeChild(existing);
    return null;
  }
  const incoming = merged.importNode(
    change.kind === 'property-set' && existing ? setShell(change.after!) : change.after!,
    true,
  ) as Element;
  if (change.kind === 'property-set') {
    if (existing) {
      // Only the set's own attributes and rules changed: keep the target's nvpairs in it.
      for (const nv of childElements(existing)) if (nv.tagName === 'nvpair') incoming.appendChild(nv);
      existing.parentNode!.replaceChild(incoming, existing);
      return null;
    }
    insertLikeOurs(sectionOf(merged, where.section), incoming, change.after!);
    return null;
  }
  if (existing) {
    existing.parentNode!.replaceChild(incoming, existing);
    return null;
  }
  // Added here, or changed here and deleted on the other side (only reached when forced).
  if (change.kind === 'section') {
    configuration(merged).appendChild(incoming);
    return null;
  }
  const container = where.setId !== undefined ? locate(merged, `${where.section}/${where.setId}`) : sectionOf(merged, where.section);
  if (!container) {
    return conflict(change.key, change.kind, change.label, 'added', 'removed',
      `attribute ${change.label}: set here, but its set ${where.setId} was deleted in the meantime`);
  }
  insertLikeOurs(container, incoming, change.after!);
  return null;
}

interface KeyParts {
  section: string;
  setId?: string;
  id?: string;
  name?: string;
}

const NVSET_SECTIONS = new Set(['crm_config', 'rsc_defaults', 'op_defaults']);

function parseKey(key: string): KeyParts {
  const [section, second, ...rest] = key.split('/');
  if (NVSET_SECTIONS.has(section!)) {
    return rest.length > 0 ? { section: section!, setId: second, name: rest.join('/') } : { section: section!, setId: second };
  }
  return second === undefined ? { section: section! } : { section: section!, id: second };
}

function configuration(doc: Document): Element {
  return firstChild(doc.documentElement!, 'configuration')!;
}

function byIdOrPosition(parent: Element, ref: string): Element | null {
  const kids = childElements(parent);
  const pos = /^(.+)#(\d+)$/.exec(ref);
  for (const el of kids) if (el.getAttribute('id') === ref) return el;
  if (pos) {
    const el = kids[Number(pos[2]) - 1];
    if (el && el.tagName === pos[1] && !el.getAttribute('id')) return el;
  }
  return null;
}

/** The element a key names in a document, or null. */
export function locate(doc: Document, key: string): Element | null {
  const k = parseKey(key);
  const section = firstChild(configuration(doc), k.section);
  if (!section) return null;
  if (k.setId !== undefined) {
    const set = byIdOrPosition(section, k.setId);
    if (!set || k.name === undefined) return set;
    return childElements(set).find((nv) => nv.tagName === 'nvpair' && nv.getAttribute('name') === k.name) ?? null;
  }
  if (k.id === undefined) return section;
  return byIdOrPosition(section, k.id);
}

function sectionOf(doc: Document, name: string): Element {
  const config = configuration(doc);
  const existing = firstChild(config, name);
  if (existing) return existing;
  const created = doc.createElement(name);
  config.appendChild(created);
  return created;
}

function hasNewPairs(set: Element, base: Document, key: string): boolean {
  const baseSet = locate(base, key);
  const baseNames = new Set(baseSet ? childElements(baseSet).map((nv) => nv.getAttribute('name')) : []);
  return childElements(set).some((nv) => nv.tagName === 'nvpair' && !baseNames.has(nv.getAttribute('name')));
}

/**
 * Puts a new element where our side has it: after the nearest earlier sibling that the merged
 * document also has, else first in its container.
 */
function insertLikeOurs(container: Element, incoming: Element, ourElement: Element): void {
  const matchIn = (el: Element): Element | null => {
    const id = el.getAttribute('id');
    const name = el.tagName === 'nvpair' ? el.getAttribute('name') : null;
    return (
      childElements(container).find((c) =>
        name !== null ? c.tagName === 'nvpair' && c.getAttribute('name') === name : id !== null && c.getAttribute('id') === id,
      ) ?? null
    );
  };
  for (let prev = ourElement.previousSibling; prev; prev = prev.previousSibling) {
    if (prev.nodeType !== 1) continue;
    const anchor = matchIn(prev as Element);
    if (anchor) {
      container.insertBefore(incoming, anchor.nextSibling);
      return;
    }
  }
  container.insertBefore(incoming, container.firstChild);
}

/** validate-with is the one root attribute a session may change (`configure schema`). */
function rootConflicts(base: Document, ours: Document, theirs: Document, merged: Document): Conflict[] {
  const attr = 'validate-with';
  const b = base.documentElement!.getAttribute(attr);
  const o = ours.documentElement!.getAttribute(attr);
  const t = theirs.documentElement!.getAttribute(attr);
  if (o === b || o === t) return [];
  if (t === b) {
    merged.documentElement!.setAttribute(attr, o ?? '');
    return [];
  }
  return [conflict(attr, 'cib', attr, 'modified', 'modified', `${attr}: set to ${o} here and to ${t} in the meantime`)];
}

/** An id both sides introduced for different objects. */
function duplicateIds(merged: Document, ours: Document, theirs: Document): Conflict[] {
  const dupes = (doc: Document): Set<string> => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    const walk = (el: Element): void => {
      const id = el.getAttribute('id');
      if (id && el.tagName !== 'obj_ref' && el.tagName !== 'resource_ref' && el.tagName !== 'role') {
        if (seen.has(id)) twice.add(id);
        seen.add(id);
      }
      childElements(el).forEach(walk);
    };
    walk(configuration(doc));
    return twice;
  };
  const already = new Set([...dupes(ours), ...dupes(theirs)]);
  return [...dupes(merged)]
    .filter((id) => !already.has(id))
    .map((id) => conflict(`id/${id}`, 'id', id, 'added', 'added', `id ${id}: used here and by another object created in the meantime`));
}
