/**
 * A CIB configuration seen as a list of top-level objects, the unit of diff and merge:
 * resources (a group, clone or bundle with everything inside it), constraints, nodes, tags,
 * ACL entries, alerts, fencing levels, and for property/defaults sets each nvpair on its own
 * plus the set itself without its nvpairs (its id, score, rules).
 */
import { childElements, firstChild, serializeNode, type Document, type Element } from '../shadow-cib/xml.js';

export type ObjectKind =
  | 'node'
  | 'resource'
  | 'constraint'
  | 'property-set'
  | 'property'
  | 'tag'
  | 'acl'
  | 'alert'
  | 'fencing-level'
  | 'section';

export interface ConfigObject {
  /** Identity across versions: `<section>/<id>`, `<section>/<set id>/<name>` for an nvpair. */
  key: string;
  kind: ObjectKind;
  /** The configuration section it lives in (`resources`, `crm_config`, `rsc_defaults`, …). */
  section: string;
  /** How messages name it: the id, or `set-id/name` for an nvpair. */
  label: string;
  /** For an nvpair: the key of its set. */
  setKey?: string;
  element: Element;
  /** Canonical text: two objects with the same key are unchanged when their texts are equal. */
  text: string;
}

const KIND_BY_SECTION: Record<string, ObjectKind> = {
  nodes: 'node',
  resources: 'resource',
  constraints: 'constraint',
  tags: 'tag',
  acls: 'acl',
  alerts: 'alert',
  'fencing-topology': 'fencing-level',
};
const NVSET_SECTIONS = new Set(['crm_config', 'rsc_defaults', 'op_defaults']);

export function configurationObjects(doc: Document): ConfigObject[] {
  const config = firstChild(doc.documentElement!, 'configuration');
  if (!config) return [];
  const out: ConfigObject[] = [];
  for (const section of childElements(config)) {
    const name = section.tagName;
    if (NVSET_SECTIONS.has(name)) {
      childElements(section).forEach((set, i) => out.push(...nvsetObjects(name, set, i)));
    } else if (KIND_BY_SECTION[name]) {
      childElements(section).forEach((el, i) => {
        const id = el.getAttribute('id') || `${el.tagName}#${i + 1}`;
        out.push({ key: `${name}/${id}`, kind: KIND_BY_SECTION[name]!, section: name, label: id, element: el, text: serializeNode(el) });
      });
    } else {
      out.push({ key: name, kind: 'section', section: name, label: name, element: section, text: serializeNode(section) });
    }
  }
  return out;
}

function nvsetObjects(section: string, set: Element, index: number): ConfigObject[] {
  const setId = set.getAttribute('id') || `${set.tagName}#${index + 1}`;
  const setKey = `${section}/${setId}`;
  const shell = set.cloneNode(true) as Element;
  for (const c of childElements(shell)) if (c.tagName === 'nvpair') shell.removeChild(c);
  const out: ConfigObject[] = [
    { key: setKey, kind: 'property-set', section, label: setId, element: set, text: serializeNode(shell) },
  ];
  for (const nv of childElements(set)) {
    if (nv.tagName !== 'nvpair') continue;
    const name = nv.getAttribute('name') ?? '';
    out.push({
      key: `${setKey}/${name}`,
      kind: 'property',
      section,
      label: `${setId}/${name}`,
      setKey,
      element: nv,
      text: serializeNode(nv),
    });
  }
  return out;
}

/** A set element without its nvpairs, for creating the set on the other side. */
export function setShell(set: Element): Element {
  const shell = set.cloneNode(true) as Element;
  for (const c of childElements(shell)) if (c.tagName === 'nvpair') shell.removeChild(c);
  return shell;
}
