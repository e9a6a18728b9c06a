/**
 * Pacemaker's patch format (v2, `<diff format="2">`), generated in-process from one CIB to
 * another, for `cibadmin --patch` (DECISIONS.md "Which CIB, and how a commit applies").
 *
 * How Pacemaker 2.1.5 applies a v2 patch (lib/common/patchset.c), which shapes what we emit:
 * - every `path` is found by a simplified XPath walk: `/tag` or `/tag[@id='ID']` per step,
 *   each step taking the FIRST child with that tag (and id);
 * - first pass, in document order: `delete` and `modify` at once (modify drops every attribute
 *   and sets those of `change-result`), `create` and `move` only located;
 * - second pass: creates and moves sorted by `position` (stable), each put at that index among
 *   its parent's children (elements and comments; the CIB has no blank text nodes).
 * So positions are final indices: applied in ascending order they rebuild the target order,
 * provided every child whose relative order changed is moved too. We move every kept child of a
 * parent whose order changed, which makes that induction hold without cleverness.
 *
 * Comments are deleted by `PARENT/comment` with their offset and created like elements. What
 * the simplified walk cannot address (an id containing `'` or `/`, an empty id, id-less
 * siblings sharing a tag with others, text content that changed, comments among children that
 * were reordered) is handled by replacing the nearest addressable ancestor whole: `delete` it and `create` it again at its
 * position — both in one patch, so the apply is still one transaction.
 *
 * Only the configuration and the root's `validate-with` are compared: the status section and
 * version attributes belong to the cluster.
 */
import {
  COMMENT_NODE,
  ELEMENT_NODE,
  TEXT_NODE,
  attributesOf,
  escapeAttr,
  escapeText,
  firstChild,
  type Document,
  type Element,
  type Node,
} from '../shadow-cib/xml.js';

export type PatchChange =
  | { op: 'delete'; path: string; position?: number }
  | { op: 'create'; path: string; position: number; node: Node }
  | { op: 'modify'; path: string; set: Array<[string, string]>; unset: string[]; result: Element }
  | { op: 'move'; path: string; position: number };

/** Which kept children get a `move`: see diffChildren. */
export type MoveRule = 'all' | 'pacemaker';

export interface PatchVersion {
  admin_epoch: number;
  epoch: number;
}

export interface Patch {
  changes: PatchChange[];
  /** The patch as cibadmin reads it: compact XML, no whitespace between elements. */
  xml: string;
}

/**
 * The changes that turn `source` into `target`'s configuration. With `expect`, the patch carries
 * a version block naming the CIB it was made from (admin_epoch and epoch only: status updates
 * bump num_updates all the time and must not refuse it), so cibadmin applies it only to exactly
 * that CIB and answers 103 ("Update was older than existing configuration") to a CIB that moved.
 */
export function createPatch(source: Document, target: Document, opts: { expect?: PatchVersion; moves?: MoveRule } = {}): Patch {
  const deletes: PatchChange[] = [];
  const others: PatchChange[] = [];
  const sourceRoot = source.documentElement!;
  const targetRoot = target.documentElement!;
  const from = firstChild(sourceRoot, 'configuration');
  const to = firstChild(targetRoot, 'configuration');
  const rootPath = '/cib';

  const validateWith = 'validate-with';
  const vOld = sourceRoot.getAttribute(validateWith);
  const vNew = targetRoot.getAttribute(validateWith);
  if (vNew !== null && vNew !== vOld) {
    // The result keeps every root attribute of the CIB as it is (versions included: the CIB
    // manager bumps them itself), only validate-with changes.
    const result = sourceRoot.cloneNode(false) as Element;
    for (const c of [...childNodes(result)]) result.removeChild(c);
    result.setAttribute(validateWith, vNew);
    others.push({ op: 'modify', path: rootPath, set: [[validateWith, vNew]], unset: [], result });
  }

  const configPath = `${rootPath}/configuration`;
  if (from && to) {
    if (!diffElement(from, to, configPath, deletes, others, opts.moves ?? 'all')) {
      // Even the configuration's own comments or text changed: send it whole.
      deletes.push({ op: 'delete', path: configPath });
      others.push({ op: 'create', path: rootPath, position: indexAmongSiblings(to), node: to });
    }
  } else if (to) {
    others.push({ op: 'create', path: rootPath, position: indexAmongSiblings(to), node: to });
  }
  const changes = [...deletes, ...others];
  return { changes, xml: patchXml(changes, opts.expect) };
}

/** Compares a matched pair; false when `old` must be replaced whole by its parent's diff. */
function diffElement(old: Element, next: Element, path: string, deletes: PatchChange[], others: PatchChange[], moves: MoveRule): boolean {
  if (textOf(old) !== textOf(next)) return false;
  const attrChange = attributeChange(old, next, path);
  const ownDeletes: PatchChange[] = [];
  const ownOthers: PatchChange[] = [];
  if (!diffChildren(old, next, path, ownDeletes, ownOthers, moves)) return false;
  if (attrChange) others.push(attrChange);
  deletes.push(...ownDeletes);
  others.push(...ownOthers);
  return true;
}

function diffChildren(old: Element, next: Element, path: string, deletes: PatchChange[], others: PatchChange[], moves: MoveRule): boolean {
  const oldKids = children(old);
  const newKids = children(next);
  const oldKeys = keysOf(oldKids);
  const newKeys = keysOf(newKids);
  if (!oldKeys || !newKeys) return false;

  const newByKey = new Map(newKids.map((n, i) => [newKeys[i]!, n]));
  const oldIndex = new Map(oldKeys.map((k, i) => [k, i]));
  // Deletes in the old order (as Pacemaker records them); the rest is emitted in the new order.
  const inner = new Map<string, PatchChange[]>();
  const replaced = new Set<string>();
  const kept: string[] = [];
  // A comment is deleted by `PARENT/comment` and its offset: highest offsets first, before the
  // elements here go, so every offset still counts the siblings it was taken with.
  for (let i = oldKids.length - 1; i >= 0; i--) {
    if (oldKids[i]!.nodeType !== ELEMENT_NODE && !newByKey.has(oldKeys[i]!)) {
      deletes.push({ op: 'delete', path: `${path}/comment`, position: i });
    }
  }
  for (let i = 0; i < oldKids.length; i++) {
    const key = oldKeys[i]!;
    const node = oldKids[i]!;
    const partner = newByKey.get(key);
    if (partner === undefined) {
      if (node.nodeType === ELEMENT_NODE) deletes.push({ op: 'delete', path: childPath(path, node as Element) });
      continue;
    }
    if (node.nodeType === ELEMENT_NODE) {
      const own: PatchChange[] = [];
      if (!diffElement(node as Element, partner as Element, childPath(path, node as Element), deletes, own, moves)) {
        // Replaced whole: deleted here, created again at its new position.
        deletes.push({ op: 'delete', path: childPath(path, node as Element) });
        replaced.add(key);
        continue;
      }
      inner.set(key, own);
    }
    kept.push(key);
  }
  const keptSet = new Set(kept);
  const keptInNewOrder = newKeys.filter((k) => keptSet.has(k));
  const reordered = keptInNewOrder.some((k, i) => k !== kept[i]);
  if (reordered && keptInNewOrder.some((k) => newByKey.get(k)!.nodeType !== ELEMENT_NODE)) return false;

  const pacemakerMoves = moves === 'pacemaker' ? pacemakerMoved(oldKeys, newKeys, keptSet) : null;
  for (let position = 0; position < newKids.length; position++) {
    const node = newKids[position]!;
    const key = newKeys[position]!;
    if (!oldIndex.has(key) || replaced.has(key)) {
      others.push({ op: 'create', path, position, node });
      continue;
    }
    others.push(...(inner.get(key) ?? []));
    // 'all': every kept child of a reordered parent (what makes the apply exact, see above);
    // 'pacemaker': a kept child whose index among the kept ones changed — what crm_shadow -d
    // lists (measured), for a `cib diff` that matches it.
    const moved = pacemakerMoves ? pacemakerMoves.has(key) : reordered;
    if (moved && keptSet.has(key)) others.push({ op: 'move', path: childPath(path, node as Element), position });
  }
  return true;
}

/**
 * The children Pacemaker's own diff marks as moved (lib/common/xml.c, mark_xml_changes): walking
 * the new children in order, a kept child whose position differs is moved, and the one of the
 * pair further right is then skipped when later positions are counted. Positions skip created
 * children on the new side and deleted ones on the old side.
 */
function pacemakerMoved(oldKeys: string[], newKeys: string[], kept: Set<string>): Set<string> {
  const skipOld = new Set(oldKeys.filter((k) => !kept.has(k)));
  const skipNew = new Set(newKeys.filter((k) => !kept.has(k)));
  const pos = (keys: string[], key: string, skip: Set<string>): number => {
    let n = 0;
    for (const k of keys) {
      if (k === key) return n;
      if (!skip.has(k)) n++;
    }
    return n;
  };
  const moved = new Set<string>();
  for (const key of newKeys) {
    if (!kept.has(key)) continue;
    const pNew = pos(newKeys, key, skipNew);
    const pOld = pos(oldKeys, key, skipOld);
    if (pOld !== pNew) {
      moved.add(key);
      if (pOld > pNew) skipOld.add(key);
      else skipNew.add(key);
    }
  }
  return moved;
}

/**
 * The identity of each child as Pacemaker's walk sees it, or null when some child cannot be
 * addressed: `tag[@id='ID']`; `tag` for an id-less element alone with its tag; a comment by its
 * offset and text (Pacemaker's own rule: moved or edited, it is deleted and created again).
 */
function keysOf(nodes: Node[]): string[] | null {
  const tagCount = new Map<string, number>();
  for (const n of nodes) if (n.nodeType === ELEMENT_NODE) tagCount.set((n as Element).tagName, (tagCount.get((n as Element).tagName) ?? 0) + 1);
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const n of nodes) {
    let key: string;
    if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      const id = el.getAttribute('id');
      if (id === null) {
        if (tagCount.get(el.tagName) !== 1) return null;
        key = el.tagName;
      } else {
        if (!addressableId(id)) return null;
        key = `${el.tagName}[@id='${id}']`;
      }
    } else {
      // Pacemaker matches a comment only at the same offset with the same text.
      key = `#comment@${keys.length}:${n.nodeValue ?? ''}`;
    }
    if (seen.has(key)) return null;
    seen.add(key);
    keys.push(key);
  }
  return keys;
}

/** Ids the simplified walk parses back: sscanf("%[^[][@id='%[^']") after a split on `/`. */
function addressableId(id: string): boolean {
  return id.length > 0 && !/['/]/.test(id);
}

function childPath(parentPath: string, el: Element): string {
  const id = el.getAttribute('id');
  return id === null ? `${parentPath}/${el.tagName}` : `${parentPath}/${el.tagName}[@id='${id}']`;
}

function attributeChange(old: Element, next: Element, path: string): PatchChange | null {
  const before = attributesOf(old);
  const after = attributesOf(next);
  const beforeMap = new Map(before);
  const afterNames = new Set(after.map(([n]) => n));
  const sameOrder = before.length === after.length && before.every(([n, v], i) => after[i]![0] === n && after[i]![1] === v);
  if (sameOrder) return null;
  // Listed like Pacemaker: in the new order, every attribute whose value or index changed
  // (change-result, which is what applies, has them all in the new order).
  const oldPos = new Map(before.map(([n], i) => [n, i]));
  const set = after.filter(([n, v], i) => beforeMap.get(n) !== v || oldPos.get(n) !== i);
  const unset = before.map(([n]) => n).filter((n) => !afterNames.has(n));
  const result = next.cloneNode(false) as Element;
  return { op: 'modify', path, set, unset, result };
}

/** Element and comment children (and non-blank text), as Pacemaker counts positions. */
function children(el: Element): Node[] {
  const out: Node[] = [];
  for (const c of childNodes(el)) {
    if (c.nodeType === ELEMENT_NODE || c.nodeType === COMMENT_NODE) out.push(c);
  }
  return out;
}

function childNodes(el: Node): Node[] {
  const out: Node[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function textOf(el: Element): string {
  let s = '';
  for (const c of childNodes(el)) if (c.nodeType === TEXT_NODE) s += (c.nodeValue ?? '').trim();
  return s;
}

function indexAmongSiblings(el: Element): number {
  let i = 0;
  for (let p = el.previousSibling; p; p = p.previousSibling) if (p.nodeType === ELEMENT_NODE || p.nodeType === COMMENT_NODE) i++;
  return i;
}

/** Compact XML of a node: cibadmin copies `change`'s first child, so no whitespace may precede it. */
export function compactXml(node: Node): string {
  if (node.nodeType === COMMENT_NODE) return `<!--${node.nodeValue ?? ''}-->`;
  if (node.nodeType === TEXT_NODE) {
    const t = (node.nodeValue ?? '').trim();
    return t ? escapeText(t) : '';
  }
  if (node.nodeType !== ELEMENT_NODE) return '';
  const el = node as Element;
  let s = `<${el.tagName}`;
  for (const [n, v] of attributesOf(el)) s += ` ${n}="${escapeAttr(v)}"`;
  let inner = '';
  for (const c of childNodes(el)) inner += compactXml(c);
  return inner ? `${s}>${inner}</${el.tagName}>` : `${s}/>`;
}

function patchXml(changes: PatchChange[], expect?: PatchVersion): string {
  let s = '<diff format="2">';
  if (expect) {
    const { admin_epoch: a, epoch: e } = expect;
    s += `<version><source admin_epoch="${a}" epoch="${e}"/><target admin_epoch="${a}" epoch="${e + 1}"/></version>`;
  }
  for (const c of changes) {
    const path = escapeAttr(c.path);
    switch (c.op) {
      case 'delete':
        s += c.position === undefined ? `<change operation="delete" path="${path}"/>` : `<change operation="delete" path="${path}" position="${c.position}"/>`;
        break;
      case 'create':
        s += `<change operation="create" path="${path}" position="${c.position}">${compactXml(c.node)}</change>`;
        break;
      case 'move':
        s += `<change operation="move" path="${path}" position="${c.position}"/>`;
        break;
      case 'modify': {
        s += `<change operation="modify" path="${path}"><change-list>`;
        for (const [n, v] of c.set) s += `<change-attr name="${escapeAttr(n)}" operation="set" value="${escapeAttr(v)}"/>`;
        for (const n of c.unset) s += `<change-attr name="${escapeAttr(n)}" operation="unset"/>`;
        s += `</change-list><change-result>${compactXml(c.result)}</change-result></change>`;
        break;
      }
    }
  }
  return s + '</diff>\n';
}
