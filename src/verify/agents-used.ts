/** The agents a CIB names (primitives and templates), for prefetching live metadata. */
import type { Document } from '../shadow-cib/xml.js';
import { collectObjects } from './cib-objects.js';

export function agentsUsedBy(doc: Document): string[] {
  const specs = new Set<string>();
  for (const o of collectObjects(doc)) {
    if (o.type !== 'primitive' && o.type !== 'rsc_template') continue;
    const cls = o.el.getAttribute('class');
    const type = o.el.getAttribute('type');
    if (!cls || !type) continue;
    const provider = o.el.getAttribute('provider');
    specs.add(provider ? `${cls}:${provider}:${type}` : `${cls}:${type}`);
  }
  return [...specs];
}
