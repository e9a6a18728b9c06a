/**
 * Parameters the agent marks unique must not share a value between primitives of the same
 * class:provider:type. The whole CIB is looked at, but a clash is reported only when one of the
 * checked primitives takes part. Printed as a warning, weighs 2 (blocks a commit) in any mode.
 * Looking up each primitive's agent repeats crmsh's "got no meta-data" line for absent agents.
 */
import { agentLabel } from '../../agents/spec.js';
import { childElements } from '../../shadow-cib/xml.js';
import { factsIndex } from '../facts-index.js';
import { error, warning } from '../findings.js';
import type { CheckContext, Finding } from '../types.js';

export const UNIQUENESS_CODE = 'TCRM3130';

export function uniquenessFindings(ctx: CheckContext, checked: Set<string>): Finding[] {
  const primitives = [...ctx.objects.values()].filter((o) => o.type === 'primitive');
  if (!primitives.some((p) => checked.has(p.id))) return [];
  const findings: Finding[] = [];
  const clashes = new Map<string, { name: string; value: string; ids: string[] }>();
  // document order: crmsh walks an unordered set, tcrm keeps the order stable
  for (const prim of primitives) {
    const view = ctx.view(prim);
    if (!view.merged) continue;
    if (!view.facts) {
      if (!ctx.ignoreMissingMetadata && view.agent) {
        findings.push(error(`${agentLabel(view.agent)}: got no meta-data, does this RA exist?`, 'none'));
      }
      continue;
    }
    const unique = factsIndex(view.facts).unique;
    if (unique.size === 0) continue;
    // keyed by the primitive's own class/provider/type attributes, as crmsh does
    const agentKey = ['class', 'provider', 'type'].map((a) => prim.el.getAttribute(a) ?? '').join(':');
    for (const set of childElements(view.merged).filter((c) => c.tagName === 'instance_attributes')) {
      for (const nv of childElements(set).filter((c) => c.tagName === 'nvpair')) {
        const name = nv.getAttribute('name');
        const value = nv.getAttribute('value');
        if (!name || value === null || !unique.has(name)) continue;
        const key = `${agentKey}\u0000${name}\u0000${value}`;
        const entry = clashes.get(key) ?? { name, value, ids: [] };
        entry.ids.push(prim.id);
        clashes.set(key, entry);
      }
    }
  }
  for (const { name, value, ids } of clashes.values()) {
    if (ids.length < 2 || !ids.some((id) => checked.has(id))) continue;
    const sorted = [...ids].sort(codePointCompare);
    const f = warning(`Resources ${sorted.join(',')} violate uniqueness for parameter "${name}": "${value}"`);
    findings.push({ ...f, weight: 'always2' });
  }
  return findings;
}

export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
