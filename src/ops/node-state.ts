/**
 * crmsh's node commands that edit its CIB copy and commit (ui_node.py): `standby`, `online`,
 * `maintenance`. Pure over the document; questions go to `ask`.
 *
 * standby forever: the node's first `instance_attributes` (created as `<id>-instance_attributes`,
 * `num-<id>-…` for a numeric id) gets `standby=on` and the transient one is removed; reboot:
 * the node_state's transient attributes instead (a CIB file without node_state: nothing).
 * online: `standby=off` wherever a standby nvpair is (nothing created). maintenance: every
 * `maintenance` nvpair of the node set to true, else one in each instance_attributes set
 * (a new set is `nodes-<id>`), after offering to drop conflicting attributes.
 */
import { childElements, firstChild, type Document, type Element } from '../shadow-cib/xml.js';
import { IdAllocator } from '../shadow-cib/ids.js';
import { nodeElements } from '../shadow-cib/cib-query.js';
import { idFor, setAttrInSet, type ManageChildren } from './deep-meta.js';
import { addElement, nvpairsNamed, removeElement } from './nv-sets.js';

export function findNode(doc: Document, uname: string): Element | undefined {
  return nodeElements(doc).find((n) => (n.getAttribute('uname') || n.getAttribute('id')) === uname);
}

function nodeState(doc: Document, id: string): Element | undefined {
  const status = firstChild(doc.documentElement!, 'status');
  return status ? childElements(status).find((s) => s.tagName === 'node_state' && s.getAttribute('id') === id) : undefined;
}

function transientStandby(doc: Document, id: string): Element[] {
  const state = nodeState(doc, id);
  const ta = state && firstChild(state, 'transient_attributes');
  return ta ? nvpairsNamed(ta, 'instance_attributes', 'standby') : [];
}

export function setStandby(doc: Document, unames: string[], lifetime: 'forever' | 'reboot', ids = IdAllocator.fromDocument(doc)): void {
  for (const node of nodeElements(doc)) {
    if (!unames.includes(node.getAttribute('uname') ?? '')) continue;
    const id = node.getAttribute('id') ?? '';
    const state = nodeState(doc, id);
    const opposite = lifetime === 'forever' ? transientStandby(doc, id) : nvpairsNamed(node, 'instance_attributes', 'standby');
    const own = lifetime === 'forever' ? nvpairsNamed(node, 'instance_attributes', 'standby') : transientStandby(doc, id);
    if (lifetime === 'reboot' && !state) continue;
    for (const nv of opposite) removeElement(nv);
    if (own[0] && own[0].getAttribute('value') !== 'on') {
      own[0].setAttribute('value', 'on');
      continue;
    }
    let holder = node;
    if (lifetime === 'reboot') {
      // idmgmt.new(transient_attributes, node_state id): a numeric id becomes `num-<id>`.
      holder = firstChild(state!, 'transient_attributes') ?? addElement(state!, 'transient_attributes', [['id', ids.fresh(/^\d+$/.test(id) ? `num-${id}` : id)]]);
    }
    const set =
      firstChild(holder, 'instance_attributes') ??
      addElement(holder, 'instance_attributes', [['id', ids.fresh(idFor(holder.getAttribute('id') ?? '', 'instance_attributes'))]]);
    setAttrInSet(set, 'standby', 'on', ids);
  }
}

export function setOnline(doc: Document, unames: string[]): void {
  for (const uname of unames) {
    const node = findNode(doc, uname);
    if (!node) continue;
    const id = node.getAttribute('id') ?? '';
    for (const nv of [...nvpairsNamed(node, 'instance_attributes', 'standby'), ...transientStandby(doc, id)]) {
      if (nv.getAttribute('value') !== 'off') nv.setAttribute('value', 'off');
    }
  }
}

/** update_xml_node(node, attr, value); false when the node is not in the CIB. */
export async function setNodeAttr(
  doc: Document,
  uname: string,
  attr: string,
  value: string,
  opts: { manageChildren: ManageChildren; ask: (q: string) => Promise<boolean>; ids?: IdAllocator },
): Promise<boolean> {
  const node = findNode(doc, uname);
  if (!node) return false;
  const conflicting = attr === 'maintenance' ? 'is-managed' : attr === 'is-managed' ? 'maintenance' : '';
  await offerRemovalOnResources(doc, uname, attr, conflicting, opts);
  const odd = nvpairsNamed(node, 'instance_attributes', conflicting);
  if (odd.length > 0 && (await opts.ask(`'${conflicting}' conflicts with '${attr}' in ${uname}. Remove it?`))) {
    for (const nv of odd) removeElement(nv);
    for (const set of childElements(node)) if (set.tagName === 'instance_attributes' && childElements(set).length === 0) removeElement(set);
  }
  const existing = nvpairsNamed(node, 'instance_attributes', attr);
  if (existing.length > 0) {
    for (const nv of existing) nv.setAttribute('value', value);
    return true;
  }
  const ids = opts.ids ?? IdAllocator.fromDocument(doc);
  let sets = childElements(node).filter((c) => c.tagName === 'instance_attributes');
  if (sets.length === 0) sets = [addElement(node, 'instance_attributes', [['id', `nodes-${node.getAttribute('id')}`]])];
  for (const set of sets) setAttrInSet(set, attr, value, ids);
  return true;
}

/**
 * remove_redundant_attrs over the resources crmsh counts as "on" the node: every primitive,
 * group and clone, except those a `cli-prefer-` constraint sends to another node.
 */
async function offerRemovalOnResources(
  doc: Document,
  uname: string,
  attr: string,
  conflicting: string,
  opts: { manageChildren: ManageChildren; ask: (q: string) => Promise<boolean> },
): Promise<void> {
  const elsewhere = new Set<string>();
  const all: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of childElements(el)) {
      if (c.tagName === 'rsc_location' && c.getAttribute('node') !== uname) {
        elsewhere.add((c.getAttribute('id') ?? '').replace('cli-prefer-', ''));
      }
      if (['primitive', 'group', 'clone'].includes(c.tagName)) all.push(c);
      walk(c);
    }
  };
  walk(doc.documentElement!);
  const decide = async (q: string): Promise<boolean> => opts.manageChildren === 'always' || (opts.manageChildren === 'ask' && (await opts.ask(q)));
  for (const r of all.filter((r) => !elsewhere.has(r.getAttribute('id') ?? ''))) {
    for (const set of childElements(r).filter((c) => c.tagName === 'meta_attributes')) {
      for (const [name, q] of [
        [attr, `'${attr}' attribute already exists in ${r.getAttribute('id')}. Remove it?`],
        [conflicting, `'${conflicting}' conflicts with '${attr}' in ${r.getAttribute('id')}. Remove it?`],
      ] as const) {
        if (!name) continue;
        const nv = childElements(set).find((c) => c.tagName === 'nvpair' && c.getAttribute('name') === name);
        if (nv && (await decide(q))) removeElement(nv);
      }
    }
  }
}
