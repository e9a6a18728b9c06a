/**
 * A CIB's configuration as comparable objects, by meaning: `inf` = `INFINITY`, `10s` = `10` =
 * `10000ms`, quoting and `params` gone (they never reach the XML), generated ids ignored,
 * order kept only where it matters (group members, resource sets).
 */
import { childElements, configurationOf, firstChild, type Document, type Element } from '../shadow-cib/xml.js';

export interface ModelObject {
  kind: string;
  id: string;
  /** Field → normalised value; reference fields name other objects' ids. */
  fields: Map<string, string>;
}

/** Written by Pacemaker itself, never by the student. */
const DAEMON_PROPERTIES = new Set(['dc-version', 'cluster-infrastructure', 'cluster-name', 'have-watchdog', 'last-lrm-refresh']);
export const REFERENCE_FIELDS = new Set(['rsc', 'with-rsc', 'first', 'then', 'members', 'child', 'sets']);
const DURATION_FIELDS = /(^|\.)(interval|timeout|start-delay|interval-origin)$|^op:/;

export function normalizeDuration(value: string): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|msec|s|sec|m|min|h|hr)?\s*$/i.exec(value);
  if (!m) return value;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const factor = unit.startsWith('ms') ? 1 : unit.startsWith('s') ? 1000 : unit.startsWith('m') ? 60000 : 3600000;
  return String(n * factor);
}

export function normalizeScore(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'inf' || v === '+inf' || v === 'infinity' || v === '+infinity') return 'INFINITY';
  if (v === '-inf' || v === '-infinity') return '-INFINITY';
  return value.trim();
}

function normalizeValue(name: string, value: string): string {
  const v = value.trim();
  if (/^(true|yes|on|y)$/i.test(v)) return 'true';
  if (/^(false|no|off|n)$/i.test(v)) return 'false';
  if (/-enabled$/.test(name) && (v === '1' || v === '0')) return v === '1' ? 'true' : 'false';
  if (DURATION_FIELDS.test(name)) return normalizeDuration(v);
  return v;
}

function nvpairs(el: Element | null, prefix: string, into: Map<string, string>): void {
  if (!el) return;
  for (const set of childElements(el).filter((c) => c.tagName === prefix)) {
    for (const nv of childElements(set).filter((c) => c.tagName === 'nvpair')) {
      const name = nv.getAttribute('name') ?? '';
      into.set(`${prefix === 'instance_attributes' ? 'param' : 'meta'}:${name}`, normalizeValue(name, nv.getAttribute('value') ?? ''));
    }
  }
}

function primitive(el: Element): ModelObject {
  const fields = new Map<string, string>();
  const cls = el.getAttribute('class') ?? '';
  const provider = el.getAttribute('provider') ?? (cls === 'ocf' ? 'heartbeat' : '');
  fields.set('agent', [cls, provider, el.getAttribute('type') ?? ''].filter(Boolean).join(':'));
  nvpairs(el, 'instance_attributes', fields);
  nvpairs(el, 'meta_attributes', fields);
  fields.delete('meta:target-role');
  const ops = firstChild(el, 'operations');
  for (const op of ops ? childElements(ops).filter((o) => o.tagName === 'op') : []) {
    const name = op.getAttribute('name') ?? '';
    const interval = normalizeDuration(op.getAttribute('interval') ?? '0');
    const role = op.getAttribute('role') ? `/${op.getAttribute('role')}` : '';
    const attrs = [...(op.attributes as unknown as Iterable<{ name: string; value: string }>)]
      .filter((a) => !['id', 'name', 'interval', 'role'].includes(a.name))
      .map((a) => `${a.name}=${normalizeValue(a.name, a.value)}`)
      .sort();
    // start/stop ops written without an interval and with interval=0 are the same
    fields.set(`op:${name}${role}@${interval}`, attrs.join(' ') || 'present');
  }
  return { kind: el.tagName, id: el.getAttribute('id') ?? '', fields };
}

function attributesExcept(el: Element, skip: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const a of [...(el.attributes as unknown as Iterable<{ name: string; value: string }>)]) {
    if (a.name === 'id' || skip.includes(a.name)) continue;
    fields.set(a.name, a.name === 'score' ? normalizeScore(a.value) : a.value);
  }
  return fields;
}

function setsOf(el: Element): string {
  return childElements(el)
    .filter((s) => s.tagName === 'resource_set')
    .map((s) => {
      const attrs = [...(s.attributes as unknown as Iterable<{ name: string; value: string }>)].filter((a) => a.name !== 'id').map((a) => `${a.name}=${a.value}`).sort();
      const refs = childElements(s).filter((r) => r.tagName === 'resource_ref').map((r) => r.getAttribute('id') ?? '');
      return `(${[...attrs, refs.join(' ')].join(' ')})`;
    })
    .join(' ');
}

function constraint(el: Element): ModelObject {
  const fields = attributesExcept(el, []);
  const sets = setsOf(el);
  if (sets) fields.set('sets', sets);
  const rules = childElements(el).filter((r) => r.tagName === 'rule');
  if (rules.length > 0) fields.set('rules', rules.map(ruleText).join(' '));
  if (el.tagName === 'rsc_order') {
    // `Mandatory` is the default kind; a score of INFINITY means the same, 0 means Optional
    const score = fields.get('score');
    if (!fields.has('kind')) fields.set('kind', score === '0' ? 'Optional' : 'Mandatory');
    fields.delete('score');
    if (fields.get('symmetrical') === 'true') fields.delete('symmetrical');
  }
  for (const role of ['role', 'rsc-role', 'with-rsc-role', 'first-action', 'then-action']) {
    const v = fields.get(role);
    if (v === 'Started' || v === 'start') fields.delete(role);
  }
  return { kind: el.tagName, id: el.getAttribute('id') ?? '', fields };
}

function ruleText(rule: Element): string {
  const attrs = [...(rule.attributes as unknown as Iterable<{ name: string; value: string }>)].filter((a) => a.name !== 'id').map((a) => `${a.name}=${a.name === 'score' ? normalizeScore(a.value) : a.value}`).sort();
  const exprs = childElements(rule).map((e) =>
    e.tagName === 'rule' ? ruleText(e) : `${e.tagName}(${[...(e.attributes as unknown as Iterable<{ name: string; value: string }>)].filter((a) => a.name !== 'id').map((a) => `${a.name}=${a.value}`).sort().join(',')})`,
  );
  return `rule[${attrs.join(',')}](${exprs.join(' ')})`;
}

function walkResources(el: Element, out: ModelObject[]): void {
  for (const c of childElements(el)) {
    if (c.tagName === 'primitive' || c.tagName === 'template') out.push(primitive(c));
    else if (c.tagName === 'group' || c.tagName === 'clone' || c.tagName === 'master' || c.tagName === 'bundle') {
      const fields = new Map<string, string>();
      nvpairs(c, 'meta_attributes', fields);
      fields.delete('meta:target-role');
      const members = childElements(c).filter((m) => ['primitive', 'group', 'clone', 'master'].includes(m.tagName)).map((m) => m.getAttribute('id') ?? '');
      fields.set(c.tagName === 'group' ? 'members' : 'child', members.join(' '));
      out.push({ kind: c.tagName, id: c.getAttribute('id') ?? '', fields });
      walkResources(c, out);
    }
  }
}

/** The configuration's objects that a student writes (cli-* constraints and nodes are lab state). */
export function modelObjects(doc: Document): ModelObject[] {
  const cfg = configurationOf(doc);
  const out: ModelObject[] = [];
  const resources = firstChild(cfg, 'resources');
  if (resources) walkResources(resources, out);
  const constraints = firstChild(cfg, 'constraints');
  for (const c of constraints ? childElements(constraints) : []) {
    const id = c.getAttribute('id') ?? '';
    if (id.startsWith('cli-prefer-') || id.startsWith('cli-ban-')) continue;
    out.push(constraint(c));
  }
  const sections: Array<[string, string, string]> = [
    ['crm_config', 'cluster_property_set', 'property'],
    ['rsc_defaults', 'meta_attributes', 'rsc_defaults'],
    ['op_defaults', 'meta_attributes', 'op_defaults'],
  ];
  for (const [section, setTag, kind] of sections) {
    const s = firstChild(cfg, section);
    for (const set of s ? childElements(s).filter((x) => x.tagName === setTag) : []) {
      for (const nv of childElements(set).filter((x) => x.tagName === 'nvpair')) {
        const name = nv.getAttribute('name') ?? '';
        if (kind === 'property' && DAEMON_PROPERTIES.has(name)) continue;
        out.push({ kind, id: name, fields: new Map([['value', normalizeValue(name, nv.getAttribute('value') ?? '')]]) });
      }
    }
  }
  return out;
}
