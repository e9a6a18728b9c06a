/**
 * What changed between two CIB configurations, object by object (see config-objects.ts for
 * what an object is). Used for the commit preview and by the three-way merge.
 */
import type { Document, Element } from '../shadow-cib/xml.js';
import { configurationObjects, type ConfigObject, type ObjectKind } from './config-objects.js';

export type ChangeType = 'added' | 'removed' | 'modified';

export interface ObjectChange {
  key: string;
  kind: ObjectKind;
  label: string;
  change: ChangeType;
  before: Element | null;
  after: Element | null;
}

/** Changes from `base` to `next`: objects of `base` in order, then the new ones in `next`'s order. */
export function diffConfigurations(base: Document, next: Document): ObjectChange[] {
  const before = indexByKey(configurationObjects(base));
  const after = indexByKey(configurationObjects(next));
  const changes: ObjectChange[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a) changes.push(change(b, 'removed', b.element, null));
    else if (a.text !== b.text) changes.push(change(a, 'modified', b.element, a.element));
  }
  for (const [key, a] of after) {
    if (!before.has(key)) changes.push(change(a, 'added', null, a.element));
  }
  return changes;
}

export function indexByKey(objects: ConfigObject[]): Map<string, ConfigObject> {
  const map = new Map<string, ConfigObject>();
  for (const o of objects) if (!map.has(o.key)) map.set(o.key, o);
  return map;
}

function change(o: ConfigObject, type: ChangeType, before: Element | null, after: Element | null): ObjectChange {
  return { key: o.key, kind: o.kind, label: o.label, change: type, before, after };
}
