/**
 * tcrm's own value checks (crmsh has none): parameter values against the metadata's types
 * (integer, boolean, select, second) and per-agent rules — an IP address for IPaddr/IPaddr2's
 * `ip`, a prefix length (not a dotted netmask) for IPaddr2's `cidr_netmask`. Warnings that
 * never weigh in crmsh's return code.
 */
import { didYouMean } from '../../agents/suggest.js';
import type { AgentFacts, ParamFacts } from '../../agents/types.js';
import type { Check, Finding } from '../types.js';

const BOOLEAN = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'y', 'n']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+(%\S+)?$/;

const note = (message: string, hint?: string): Finding =>
  hint ? { severity: 'warning', message, weight: 'none', hint } : { severity: 'warning', message, weight: 'none' };

function typeProblem(p: ParamFacts, value: string): Finding | null {
  if (value === '') return null;
  switch (p.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(value) ? null : note(`parameter "${p.name}" expects an integer, not "${value}"`);
    case 'boolean':
      return BOOLEAN.has(value.toLowerCase()) ? null : note(`parameter "${p.name}" expects a boolean (true/false), not "${value}"`);
    case 'second':
      return /^\d+(\.\d+)?$/.test(value) ? null : note(`parameter "${p.name}" expects a number of seconds, not "${value}"`);
    case 'select':
      return !p.values || p.values.includes(value)
        ? null
        : note(`parameter "${p.name}" expects one of ${p.values.join(', ')}, not "${value}"`, didYouMean(value, p.values));
    default:
      return null;
  }
}

/** Rules one agent states in its description but not in its metadata types. */
function agentRule(agent: string, name: string, value: string): Finding | null {
  if ((agent === 'ocf:heartbeat:IPaddr' || agent === 'ocf:heartbeat:IPaddr2') && name === 'ip') {
    const ok = IPV4.test(value) || (agent.endsWith('IPaddr2') && value.includes(':') && IPV6.test(value));
    return ok ? null : note(`parameter "ip" expects an IP address, not "${value}"`);
  }
  if (agent === 'ocf:heartbeat:IPaddr2' && name === 'cidr_netmask' && value !== '') {
    if (/^\d+$/.test(value) && Number(value) <= 128) return null;
    const hint = IPV4.test(value) ? `IPaddr2 wants a prefix length: ${prefixLength(value) ?? '24 for 255.255.255.0'}` : undefined;
    return note(`parameter "cidr_netmask" of IPaddr2 expects a prefix length (e.g. 24), not "${value}"`, hint);
  }
  return null;
}

function prefixLength(dotted: string): number | null {
  const bits = dotted.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : null;
}

const byNameCache = new WeakMap<AgentFacts, Map<string, ParamFacts>>();

/** An agent's parameters by name (the last definition of a repeated name wins), built once. */
function paramsByName(facts: AgentFacts): Map<string, ParamFacts> {
  let byName = byNameCache.get(facts);
  if (!byName) byNameCache.set(facts, (byName = new Map(facts.params.map((p) => [p.name, p]))));
  return byName;
}

export const paramValues: Check = {
  code: 'TCRM3201',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const view = ctx.view(obj);
    if (!view.facts || !view.merged || !view.agent) return { findings: [] };
    const agent = view.agent.cls === 'ocf' ? `ocf:${view.agent.provider}:${view.agent.type}` : '';
    const byName = paramsByName(view.facts);
    const findings: Finding[] = [];
    for (const nv of ctx.content(view.merged).params) {
      const name = nv.name ?? '';
      const value = nv.value;
      const p = byName.get(name);
      if (!p || value === null) continue;
      const problem = agentRule(agent, name, value) ?? typeProblem(p, value);
      if (problem) findings.push({ ...problem, message: `${obj.id}: ${problem.message}` });
    }
    return { findings };
  },
};
