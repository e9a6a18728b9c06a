/**
 * Parameters the agent marks unique must not share a value between primitives of the same
 * class:provider:type. The whole CIB is looked at, but a clash is reported only when one of the
 * checked primitives takes part. Printed as a warning, weighs 2 (blocks a commit) in any mode.
 * Looking up each primitive's agent repeats crmsh's "got no meta-data" line for absent agents.
 */
import { agentLabel } from '../../agents/spec.js';
import { factsIndex } from '../facts-index.js';
import { error, warning } from '../findings.js';
import type { CheckContext, CibObject, Finding } from '../types.js';

export const UNIQUENESS_CODE = 'TCRM3130';

interface Clash {
  name: string;
  value: string;
  ids: string[];
}

export function uniquenessFindings(ctx: CheckContext, checked: Set<string>): Finding[] {
  const primitives: CibObject[] = [];
  for (const o of ctx.objects.values()) if (o.type === 'primitive') primitives.push(o);
  if (!primitives.some((p) => checked.has(p.id))) return [];
  const findings: Finding[] = [];
  const clashes = new ClashTable();
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
    const agentKey = view.agentKey;
    for (const { name, value } of ctx.content(view.merged).params) {
      if (name && value !== null && unique.has(name)) clashes.add(agentKey, name, value, prim.id);
    }
  }
  for (const { name, value, ids } of clashes.inOrder) {
    if (ids.length < 2 || !ids.some((id) => checked.has(id))) continue;
    const sorted = [...ids].sort(codePointCompare);
    const f = warning(`Resources ${sorted.join(',')} violate uniqueness for parameter "${name}": "${value}"`);
    findings.push({ ...f, weight: 'always2' });
  }
  return findings;
}

/** The primitives sharing each agent/parameter/value, the clashes in order of first sight
 *  (nested maps: no joined key to build and hash for each of thousands of values). */
class ClashTable {
  readonly inOrder: Clash[] = [];
  private readonly byAgent = new Map<string, Map<string, Map<string, Clash>>>();

  add(agentKey: string, name: string, value: string, id: string): void {
    let byName = this.byAgent.get(agentKey);
    if (!byName) this.byAgent.set(agentKey, (byName = new Map()));
    let byValue = byName.get(name);
    if (!byValue) byName.set(name, (byValue = new Map()));
    let clash = byValue.get(value);
    if (!clash) {
      byValue.set(value, (clash = { name, value, ids: [] }));
      this.inOrder.push(clash);
    }
    clash.ids.push(id);
  }
}

export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
