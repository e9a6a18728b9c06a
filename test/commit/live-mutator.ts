/**
 * Seeded random edits of a CIB that stay schema-valid (cibadmin validates every patch result):
 * attribute values added, changed and removed, nvpairs added and removed, group members and
 * top-level objects reordered, primitives, groups, clones, constraints and resource sets created
 * and deleted, comments added — the shapes a commit diff has to carry.
 */
import { childElements, firstChild, parseXml, serializeDocument, type Document, type Element, type Node } from '../../src/shadow-cib/xml.js';
import { Picker, prng } from '../helpers/config-generator.js';
import { cibXml } from './cib-builder.js';

export function startCib(): string {
  const prim = (id: string, extra = ''): string =>
    `<primitive id="${id}" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes id="${id}-instance_attributes"><nvpair name="state" value="/run/${id}" id="${id}-instance_attributes-state"/></instance_attributes><meta_attributes id="${id}-meta_attributes"><nvpair name="target-role" value="Stopped" id="${id}-meta_attributes-target-role"/></meta_attributes><operations><op name="monitor" interval="10s" timeout="20s" id="${id}-monitor-10s"/></operations>${extra}</primitive>`;
  const resources = `${prim('p1')}${prim('p2')}<group id="g1">${prim('g1a')}${prim('g1b')}${prim('g1c')}</group><clone id="c1">${prim('c1p')}</clone>`;
  const constraints =
    `<rsc_location id="loc-p1" rsc="p1" score="100" node="Lubuntu"/>` +
    `<rsc_colocation id="col-1" score="INFINITY" rsc="p2" with-rsc="p1"/>` +
    `<rsc_order id="ord-set" kind="Mandatory"><resource_set id="ord-set-0" sequential="false"><resource_ref id="p1"/><resource_ref id="p2"/></resource_set><resource_set id="ord-set-1"><resource_ref id="g1"/></resource_set></rsc_order>`;
  return cibXml({ props: { 'stonith-enabled': 'false' }, resources, constraints, rscDefaults: { 'resource-stickiness': '1' } });
}

export class CibMutator {
  private readonly pick: Picker;
  private counter = 0;

  constructor(seed: number) {
    this.pick = new Picker(prng(seed));
  }

  /** A copy of `xml` with 1–4 random edits. */
  mutate(xml: string): string {
    const doc = parseXml(xml);
    const edits = this.pick.int(1, 4);
    for (let i = 0; i < edits; i++) this.one(doc);
    return serializeDocument(doc);
  }

  private fresh(prefix: string): string {
    return `${prefix}${++this.counter}x${Math.floor(this.pick.random() * 1e6)}`;
  }

  private one(doc: Document): void {
    const ops: Array<() => boolean> = [
      () => this.changeNvpair(doc),
      () => this.addNvpair(doc),
      () => this.removeNvpair(doc),
      () => this.toggleDescription(doc),
      () => this.changeOp(doc),
      () => this.reorderChildren(doc, 'group'),
      () => this.reorderChildren(doc, 'resources'),
      () => this.reorderChildren(doc, 'constraints'),
      () => this.reorderChildren(doc, 'instance_attributes'),
      () => this.reorderChildren(doc, 'resource_set'),
      () => this.addPrimitive(doc),
      () => this.removeUnreferenced(doc),
      () => this.addConstraint(doc),
      () => this.removeConstraint(doc),
      () => this.addComment(doc),
      () => this.removeComment(doc),
      () => this.changeProperty(doc),
      () => this.attributeOrder(doc),
    ];
    for (let tries = 0; tries < 10; tries++) if (this.pick.one(ops)()) return;
  }

  private all(doc: Document, tag: string): Element[] {
    const out: Element[] = [];
    const walk = (el: Element): void => {
      for (const c of childElements(el)) {
        if (c.tagName === tag) out.push(c);
        walk(c);
      }
    };
    walk(config(doc));
    return out;
  }

  private changeNvpair(doc: Document): boolean {
    const nvs = this.all(doc, 'nvpair');
    if (nvs.length === 0) return false;
    const nv = this.pick.one(nvs);
    if (nv.getAttribute('name') === 'target-role') nv.setAttribute('value', this.pick.one(['Stopped', 'Started']));
    else if (nv.getAttribute('name') === 'stonith-enabled') return false;
    else nv.setAttribute('value', this.pick.one(['a', 'b c', `q"uote'<&>`, 'é ü 日本', '$(touch /tmp/x)', `v${this.counter++}`]));
    return true;
  }

  private addNvpair(doc: Document): boolean {
    const sets = this.all(doc, 'instance_attributes');
    if (sets.length === 0) return false;
    const set = this.pick.one(sets);
    const name = this.fresh('n');
    const nv = doc.createElement('nvpair');
    nv.setAttribute('name', name);
    nv.setAttribute('value', this.pick.one(['1', 'x y', 'a&b']));
    nv.setAttribute('id', `${set.getAttribute('id')}-${name}`);
    const kids = childElements(set);
    set.insertBefore(nv, kids.length > 0 ? this.pick.one([...kids, null]) : null);
    return true;
  }

  private removeNvpair(doc: Document): boolean {
    const nvs = this.all(doc, 'nvpair').filter((n) => n.getAttribute('name') !== 'stonith-enabled' && childElements(n.parentNode as Element).length > 1);
    if (nvs.length === 0) return false;
    const nv = this.pick.one(nvs);
    nv.parentNode!.removeChild(nv);
    return true;
  }

  private toggleDescription(doc: Document): boolean {
    const els = [...this.all(doc, 'primitive'), ...this.all(doc, 'group')];
    if (els.length === 0) return false;
    const el = this.pick.one(els);
    if (el.hasAttribute('description') && this.pick.chance(0.5)) el.removeAttribute('description');
    else el.setAttribute('description', this.pick.one(['d1', 'line\nbreak', 'tab\there', `"'\``]));
    return true;
  }

  private changeOp(doc: Document): boolean {
    const ops = this.all(doc, 'op');
    if (ops.length === 0) return false;
    const op = this.pick.one(ops);
    op.setAttribute('timeout', `${this.pick.int(10, 90)}s`);
    if (this.pick.chance(0.3)) op.setAttribute('on-fail', 'restart');
    return true;
  }

  private reorderChildren(doc: Document, tag: string): boolean {
    const parents = tag === 'resources' || tag === 'constraints' ? [firstChild(config(doc), tag)!] : this.all(doc, tag);
    const candidates = parents.filter((p) => childElements(p).length >= 2);
    if (candidates.length === 0) return false;
    const parent = this.pick.one(candidates);
    const kids = childElements(parent);
    const moved = this.pick.one(kids);
    parent.removeChild(moved);
    const rest = childElements(parent);
    parent.insertBefore(moved, this.pick.one([...rest, null]));
    return true;
  }

  private addPrimitive(doc: Document): boolean {
    const id = this.fresh('r');
    const el = parseXml(
      `<primitive id="${id}" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes id="${id}-ia"><nvpair name="state" value="/run/${id}" id="${id}-ia-state"/></instance_attributes><operations><op name="monitor" interval="${this.pick.int(5, 60)}s" id="${id}-mon"/></operations></primitive>`,
    ).documentElement!;
    const imported = doc.importNode(el, true) as Element;
    const groups = this.all(doc, 'group');
    const target = groups.length > 0 && this.pick.chance(0.4) ? this.pick.one(groups) : firstChild(config(doc), 'resources')!;
    target.insertBefore(imported, this.pick.one([...childElements(target), null]));
    return true;
  }

  private referenced(doc: Document): Set<string> {
    const refs = new Set<string>();
    for (const c of childElements(firstChild(config(doc), 'constraints')!)) {
      for (const a of ['rsc', 'with-rsc', 'first', 'then']) if (c.getAttribute(a)) refs.add(c.getAttribute(a)!);
    }
    for (const r of this.all(doc, 'resource_ref')) refs.add(r.getAttribute('id')!);
    return refs;
  }

  private removeUnreferenced(doc: Document): boolean {
    const refs = this.referenced(doc);
    const prims = this.all(doc, 'primitive').filter((p) => {
      const parent = p.parentNode as Element;
      if (refs.has(p.getAttribute('id')!) || parent.tagName === 'clone') return false;
      if (parent.tagName === 'group') return childElements(parent).length > 1;
      return true;
    });
    if (prims.length === 0) return false;
    const p = this.pick.one(prims);
    p.parentNode!.removeChild(p);
    return true;
  }

  private addConstraint(doc: Document): boolean {
    const rscs = [...childElements(firstChild(config(doc), 'resources')!)].map((e) => e.getAttribute('id')!);
    if (rscs.length < 2) return false;
    const id = this.fresh('c');
    const [a, b] = this.pick.some(rscs, 2, 2) as [string, string];
    const xml = this.pick.one([
      `<rsc_location id="${id}" rsc="${a}" score="${this.pick.int(-100, 100)}" node="Lubuntu1"/>`,
      `<rsc_colocation id="${id}" score="INFINITY" rsc="${a}" with-rsc="${b}"/>`,
      `<rsc_order id="${id}" kind="Optional"><resource_set id="${id}-0"><resource_ref id="${a}"/><resource_ref id="${b}"/></resource_set></rsc_order>`,
    ]);
    const cons = firstChild(config(doc), 'constraints')!;
    cons.insertBefore(doc.importNode(parseXml(xml).documentElement!, true), this.pick.one([...childElements(cons), null]));
    return true;
  }

  private removeConstraint(doc: Document): boolean {
    const cons = childElements(firstChild(config(doc), 'constraints')!);
    if (cons.length === 0) return false;
    const c = this.pick.one(cons);
    c.parentNode!.removeChild(c);
    return true;
  }

  private addComment(doc: Document): boolean {
    const prims = this.all(doc, 'primitive');
    if (prims.length === 0) return false;
    const p = this.pick.one(prims);
    p.insertBefore(doc.createComment(` note ${this.counter++} `), p.firstChild);
    return true;
  }

  private removeComment(doc: Document): boolean {
    const comments: Node[] = [];
    for (const p of this.all(doc, 'primitive')) for (let c = p.firstChild; c; c = c.nextSibling) if (c.nodeType === 8) comments.push(c);
    if (comments.length === 0) return false;
    const c = this.pick.one(comments);
    c.parentNode!.removeChild(c);
    return true;
  }

  private changeProperty(doc: Document): boolean {
    const set = this.all(doc, 'cluster_property_set')[0];
    if (!set) return false;
    const name = this.pick.one(['no-quorum-policy', 'symmetric-cluster', 'maintenance-mode']);
    const value = name === 'no-quorum-policy' ? this.pick.one(['stop', 'ignore', 'freeze']) : this.pick.one(['true', 'false']);
    const existing = childElements(set).find((n) => n.getAttribute('name') === name);
    if (existing) existing.setAttribute('value', value);
    else {
      const nv = doc.createElement('nvpair');
      nv.setAttribute('id', `cib-bootstrap-options-${name}`);
      nv.setAttribute('name', name);
      nv.setAttribute('value', value);
      set.appendChild(nv);
    }
    return true;
  }

  /** The same attributes in another order: the patch must carry order too. */
  private attributeOrder(doc: Document): boolean {
    const locs = this.all(doc, 'rsc_location');
    if (locs.length === 0) return false;
    const el = this.pick.one(locs);
    const score = el.getAttribute('score');
    if (score === null) return false;
    el.removeAttribute('score');
    el.setAttribute('score', score);
    return true;
  }
}

function config(doc: Document): Element {
  return firstChild(doc.documentElement!, 'configuration')!;
}
