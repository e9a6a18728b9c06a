/**
 * Operations against the agent's advertised actions, as crmsh's sanity check does: unknown
 * actions, monitor intervals (non-zero, unique), start/stop/promote/demote intervals (zero),
 * and timeouts smaller than the advised ones — the op's own timeout ("specified"), else the
 * op_defaults timeout ("default"); never Pacemaker's built-in 20 s.
 * Order: the monitors, then the other configured ops by first appearance (a repeated name
 * keeps its first place and its last attributes), then implicit start and stop.
 */
import { didYouMean } from '../../agents/suggest.js';
import { childElements, type Element } from '../../shadow-cib/xml.js';
import { crmMsec } from '../crm-time.js';
import { factsIndex, type FactsIndex } from '../facts-index.js';
import { warning } from '../findings.js';
import type { Check, Finding } from '../types.js';

type Attrs = Map<string, string>;
const NO_INTERVAL = new Set(['start', 'stop', 'promote', 'demote']);

/** Every `op` below the resource (crmsh reads `.//operations/op`), name → attributes. */
function configuredOps(rsc: Element): Array<[string, Attrs]> {
  const out: Array<[string, Attrs]> = [];
  const walk = (el: Element): void => {
    for (const c of childElements(el)) {
      if (c.tagName === 'op' && el.tagName === 'operations') {
        const name = c.getAttribute('name');
        if (!name) continue;
        const attrs: Attrs = new Map();
        for (const a of Array.from(c.attributes)) if (a.name !== 'name' && a.name !== 'id') attrs.set(a.name, a.value);
        out.push([name, attrs]);
      } else {
        walk(c);
      }
    }
  };
  walk(rsc);
  return out;
}

type Key = 'timeout' | 'interval';

/** crmsh's lookup of an advised value: a monitor by exact role, else by depth, else (neither
 *  given) the first monitor. Its quirk is kept: an entry without the attribute being compared
 *  ends the search with nothing. */
function advised(table: FactsIndex, op: string, key: Key, role?: string, depth?: string): string | undefined {
  if (op !== 'monitor') return table.actions.get(op)?.[key];
  if (role === undefined && depth === undefined) return table.monitors[0]?.[key];
  if (role) {
    for (const m of table.monitors) {
      if (m.role === undefined) return undefined;
      if (m.role === role) return m[key];
    }
  }
  if (depth) {
    for (const m of table.monitors) {
      if (m.depth === undefined) return undefined;
      if (m.depth === depth) return m[key];
    }
  }
  return undefined;
}

const shown = (v: string | undefined): string => v ?? 'None';

export const operations: Check = {
  code: 'TCRM3104',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const view = ctx.view(obj);
    if (!view.facts || !view.merged) return { findings: [] };
    const stonith = view.agent?.cls === 'stonith';
    const table = factsIndex(view.facts);
    const known = table.knownActions;

    const monitors: Attrs[] = [];
    const others = new Map<string, Attrs>();
    for (const [name, attrs] of configuredOps(view.merged)) {
      if (name === 'monitor') monitors.push(attrs);
      else others.set(name, attrs);
    }
    for (const req of ['start', 'stop']) if (!others.has(req) && !stonith) others.set(req, new Map());

    const findings: Finding[] = [];
    const id = obj.id;
    const timeoutCheck = (op: string, item: Attrs, adv: string | undefined): void => {
      const specified = item.get('timeout');
      const actual = specified ?? ctx.opDefaultTimeout;
      const form = specified !== undefined ? 'specified timeout' : 'default timeout';
      if (actual && crmMsec(adv) - crmMsec(actual) > 0) {
        findings.push(warning(`${id}: ${form} ${actual} for ${op} is smaller than the advised ${shown(adv)}`));
      }
    };

    // monitors first: unique non-zero intervals, then their timeouts
    const seen: number[] = [];
    for (const m of monitors) {
      const adv = advised(table, 'monitor', 'interval', m.get('role'), m.get('depth'));
      const ms = crmMsec(m.get('interval'));
      if (ms === 0) findings.push(warning(`${id}: interval in monitor should be larger than 0, advised is ${shown(adv)}`));
      else if (seen.includes(ms)) findings.push(warning(`${id}: interval in monitor must be unique, advised is ${shown(adv)}`));
      else seen.push(ms);
    }
    for (const m of monitors) timeoutCheck('monitor', m, advised(table, 'monitor', 'timeout', m.get('role'), m.get('depth')));

    for (const [op, attrs] of others) {
      if (stonith && (op === 'start' || op === 'stop')) continue;
      if (!known.has(op)) {
        findings.push(warning(`${id}: action '${op}' not found in Resource Agent meta-data`, didYouMean(op, known)));
        continue;
      }
      const interval = attrs.get('interval');
      if (interval !== undefined && NO_INTERVAL.has(op) && crmMsec(interval) !== 0) {
        findings.push(warning(`${id}: Specified interval for ${op} is ${interval}, it must be 0`));
      }
      timeoutCheck(op, attrs, advised(table, op, 'timeout'));
    }
    return { findings };
  },
};
