/**
 * The objects a commit checks: those added or changed since the CIB was loaded (crmsh's
 * "changed" set). A container whose child changed counts as changed too, as crmsh marks it.
 */
import { serializeNode, type Document } from '../shadow-cib/xml.js';
import { collectObjects } from './cib-objects.js';

export function changedObjectIds(loaded: Document, working: Document): Set<string> {
  const before = new Map<string, string>();
  for (const o of collectObjects(loaded)) before.set(`${o.type}|${o.id}`, serializeNode(o.el));
  const changed = new Set<string>();
  for (const o of collectObjects(working)) {
    if (before.get(`${o.type}|${o.id}`) !== serializeNode(o.el)) changed.add(o.id);
  }
  return changed;
}
