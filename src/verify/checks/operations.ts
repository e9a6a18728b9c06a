/**
 * Operations against the agent's advertised actions, as crmsh's sanity check does: unknown
 * actions, monitor intervals (non-zero, unique), start/stop/promote/demote intervals (zero),
 * and timeouts smaller than the advised ones — the op's own timeout ("specified"), else the
 * op_defaults timeout ("default"); never Pacemaker's built-in 20 s.
 * Order: the monitors, then the other configured ops by first appearance (a repeated name
 * keeps its first place and its last attributes), then implicit start and stop.
 */
import { crmMsec } from '../crm-time.js';
import { factsIndex, type FactsIndex } from '../facts-index.js';
import { warning } from '../findings.js';
import { rememberedDidYouMean } from '../per-run.js';
import { pairValue, type AttributeList, type OpEntry } from '../resource-content.js';
import type { Check, Finding } from '../types.js';

/** An op's attributes (its name and id among them). */
type Attrs = AttributeList;
const NO_INTERVAL = new Set(['start', 'stop', 'promote', 'demote']);
const REQUIRED_OPS = ['start', 'stop'];
const NO_ATTRS: Attrs = [];

interface ConfiguredOps {
  /** the monitors in document order */
  monitors: Attrs[];
  /** the other ops by name: a repeated name keeps its first place and its last attributes */
  others: Map<string, Attrs>;
}

function configuredOps(ops: OpEntry[]): ConfiguredOps {
  const configured: ConfiguredOps = { monitors: [], others: new Map() };
  for (const { attrs } of ops) {
    const name = pairValue(attrs, 'name');
    if (name === 'monitor') configured.monitors.push(attrs);
    else if (name) configured.others.set(name, attrs);
  }
  return configured;
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

function push(findings: Finding[], f: Finding | null): void {
  if (f) findings.push(f);
}

/** The op's own timeout ("specified"), else op_defaults' ("default"), against the advised. */
function timeoutFinding(id: string, op: string, specified: string | undefined, opDefault: string | undefined, adv: string | undefined): Finding | null {
  const actual = specified ?? opDefault;
  if (!actual || !(crmMsec(adv) - crmMsec(actual) > 0)) return null;
  const form = specified !== undefined ? 'specified timeout' : 'default timeout';
  return warning(`${id}: ${form} ${actual} for ${op} is smaller than the advised ${shown(adv)}`);
}

export const operations: Check = {
  code: 'TCRM3104',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const view = ctx.view(obj);
    if (!view.facts || !view.merged) return { findings: [] };
    const stonith = view.agent?.cls === 'stonith';
    const table = factsIndex(view.facts);
    const known = table.knownActions;

    const { monitors, others } = configuredOps(ctx.content(view.merged).ops);
    if (!stonith) for (const req of REQUIRED_OPS) if (!others.has(req)) others.set(req, NO_ATTRS);

    const findings: Finding[] = [];
    const id = obj.id;
    // monitors first: unique non-zero intervals, then their timeouts
    const seen: number[] = [];
    for (const m of monitors) {
      const adv = advised(table, 'monitor', 'interval', pairValue(m, 'role'), pairValue(m, 'depth'));
      const ms = crmMsec(pairValue(m, 'interval'));
      if (ms === 0) findings.push(warning(`${id}: interval in monitor should be larger than 0, advised is ${shown(adv)}`));
      else if (seen.includes(ms)) findings.push(warning(`${id}: interval in monitor must be unique, advised is ${shown(adv)}`));
      else seen.push(ms);
    }
    for (const m of monitors) {
      const adv = advised(table, 'monitor', 'timeout', pairValue(m, 'role'), pairValue(m, 'depth'));
      push(findings, timeoutFinding(id, 'monitor', pairValue(m, 'timeout'), ctx.opDefaultTimeout, adv));
    }

    for (const [op, attrs] of others) {
      if (stonith && (op === 'start' || op === 'stop')) continue;
      if (!known.has(op)) {
        findings.push(warning(`${id}: action '${op}' not found in Resource Agent meta-data`, rememberedDidYouMean(op, known)));
        continue;
      }
      const interval = pairValue(attrs, 'interval');
      if (interval !== undefined && NO_INTERVAL.has(op) && crmMsec(interval) !== 0) {
        findings.push(warning(`${id}: Specified interval for ${op} is ${interval}, it must be 0`));
      }
      push(findings, timeoutFinding(id, op, pairValue(attrs, 'timeout'), ctx.opDefaultTimeout, advised(table, op, 'timeout')));
    }
    return { findings };
  },
};
