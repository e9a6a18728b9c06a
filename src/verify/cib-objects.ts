/**
 * The CIB split into the objects crmsh checks one at a time, each with its crmsh type and id.
 */
import { childElements, configurationOf, type Document, type Element } from '../shadow-cib/xml.js';
import type { CibObject, ObjectType } from './types.js';

const RESOURCE_TYPES: Record<string, ObjectType> = {
  primitive: 'primitive', template: 'rsc_template', group: 'group', clone: 'clone', master: 'ms', bundle: 'bundle',
};
const CONSTRAINT_TYPES: Record<string, ObjectType> = {
  rsc_location: 'location', rsc_colocation: 'colocation', rsc_order: 'order', rsc_ticket: 'rsc_ticket',
};

/** Every object in document order (a container before its children). */
export function collectObjects(doc: Document): CibObject[] {
  const out: CibObject[] = [];
  const add = (el: Element, type: ObjectType, parent: CibObject | null, id = el.getAttribute('id') ?? ''): CibObject => {
    const obj: CibObject = { id, type, el, parent };
    out.push(obj);
    return obj;
  };
  const addResource = (el: Element, parent: CibObject | null): void => {
    const type = RESOURCE_TYPES[el.tagName];
    if (!type) return;
    const obj = add(el, type, parent);
    for (const child of childElements(el)) addResource(child, obj);
  };
  for (const section of childElements(configurationOf(doc))) {
    for (const el of childElements(section)) {
      switch (section.tagName) {
        case 'crm_config':
          if (el.tagName === 'cluster_property_set') add(el, 'property', null);
          break;
        case 'rsc_defaults':
        case 'op_defaults':
          if (el.tagName === 'meta_attributes') add(el, section.tagName, null);
          break;
        case 'nodes':
          if (el.tagName === 'node') add(el, 'node', null);
          break;
        case 'resources':
          addResource(el, null);
          break;
        case 'constraints':
          add(el, CONSTRAINT_TYPES[el.tagName] ?? 'other', null);
          break;
        case 'fencing-topology':
          break; // its levels are one crmsh object, added below
        default:
          add(el, 'other', null);
      }
    }
    if (section.tagName === 'fencing-topology') add(section, 'fencing_topology', null, 'fencing_topology');
  }
  return out;
}

/** The first value of a name among the nvpairs of objects of one type (crmsh's lookup). */
export function firstValue(objects: CibObject[], type: ObjectType, name: string): string | undefined {
  for (const obj of objects) {
    if (obj.type !== type) continue;
    for (const nv of childElements(obj.el)) {
      if (nv.tagName === 'nvpair' && nv.getAttribute('name') === name) return nv.getAttribute('value') ?? undefined;
    }
  }
  return undefined;
}
