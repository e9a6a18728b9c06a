/**
 * The CIBs an answer touches, as model documents: the live CIB (what the cluster runs) and the
 * shadows made with `cib new`. Live-cluster commands change these the way crm would (standby,
 * target-role, cli-prefer/cli-ban constraints), so that grading sees what is left behind.
 */
import { emptyCibXml } from '../session/cib-source.js';
import { ensureSection, findObject, nodeElements } from '../shadow-cib/cib-query.js';
import { canonicalConfiguration, childElements, firstChild, parseXml, serializeDocument, type Document, type Element } from '../shadow-cib/xml.js';

/** A deep copy (the DOM's own clone: much cheaper than printing and parsing again). */
export const cloneDoc = (doc: Document): Document => doc.cloneNode(true) as Document;

/** An empty CIB (`cibadmin --empty`) holding the given nodes (ids 1, 2, …). */
export function initialCib(nodes: readonly string[]): Document {
  const doc = parseXml(emptyCibXml());
  const section = ensureSection(doc, 'nodes');
  nodes.forEach((uname, i) => {
    const el = doc.createElement('node');
    el.setAttribute('id', String(i + 1));
    el.setAttribute('uname', uname);
    section.appendChild(el);
  });
  return doc;
}

export const sameConfiguration = (a: Document, b: Document): boolean => canonicalConfiguration(a) === canonicalConfiguration(b);

export function nodeNamed(doc: Document, uname: string): Element | undefined {
  return nodeElements(doc).find((n) => n.getAttribute('uname') === uname);
}

/** Sets (or, with value null, removes) one nvpair in the first set of a kind under an element. */
export function setNvpair(doc: Document, owner: Element, setTag: string, name: string, value: string | null): void {
  const ownerId = owner.getAttribute('id') ?? 'x';
  let set = firstChild(owner, setTag);
  if (!set) {
    if (value === null) return;
    set = doc.createElement(setTag);
    set.setAttribute('id', `${setTag === 'meta_attributes' ? '' : 'nodes-'}${ownerId}-${setTag}`);
    owner.appendChild(set);
  }
  const existing = childElements(set).find((nv) => nv.tagName === 'nvpair' && nv.getAttribute('name') === name);
  if (value === null) {
    if (existing) set.removeChild(existing);
    return;
  }
  const nv = existing ?? doc.createElement('nvpair');
  if (!existing) {
    nv.setAttribute('id', `${set.getAttribute('id')}-${name}`);
    nv.setAttribute('name', name);
    set.appendChild(nv);
  }
  nv.setAttribute('value', value);
}

export function nvpairValue(owner: Element, setTag: string, name: string): string | undefined {
  const set = firstChild(owner, setTag);
  const nv = set ? childElements(set).find((x) => x.tagName === 'nvpair' && x.getAttribute('name') === name) : undefined;
  return nv?.getAttribute('value') ?? undefined;
}

/** `resource move|ban R NODE`: crm_resource's cli-prefer/cli-ban location constraint. */
export function addCliConstraint(doc: Document, kind: 'move' | 'ban', rsc: string, node: string): string {
  const id = kind === 'move' ? `cli-prefer-${rsc}` : `cli-ban-${rsc}-on-${node}`;
  const section = ensureSection(doc, 'constraints');
  const old = findObject(doc, id);
  if (old) section.removeChild(old);
  const el = doc.createElement('rsc_location');
  el.setAttribute('id', id);
  el.setAttribute('rsc', rsc);
  el.setAttribute('role', 'Started');
  el.setAttribute('node', node);
  el.setAttribute('score', kind === 'move' ? 'INFINITY' : '-INFINITY');
  section.appendChild(el);
  return id;
}

/** `resource clear R`: removes every cli-prefer/cli-ban constraint of R. */
export function clearCliConstraints(doc: Document, rsc: string): string[] {
  const section = ensureSection(doc, 'constraints');
  const gone: string[] = [];
  for (const c of childElements(section)) {
    const id = c.getAttribute('id') ?? '';
    if (c.getAttribute('rsc') === rsc && (id === `cli-prefer-${rsc}` || id.startsWith(`cli-ban-${rsc}-on-`))) {
      section.removeChild(c);
      gone.push(id);
    }
  }
  return gone;
}

/** Removes an object (and nothing else; crm would also drop constraints left hanging). */
export function removeObject(doc: Document, id: string): boolean {
  const el = findObject(doc, id);
  if (!el || !el.parentNode) return false;
  el.parentNode.removeChild(el);
  return true;
}
