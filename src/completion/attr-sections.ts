/**
 * The `params … meta … op NAME … utilization …` tail of primitive/template/group/clone/ms: which
 * list the cursor is in, which names it already holds, and the candidates for that spot.
 */
import { OP_ATTRIBUTES } from '../cib-names.js';
import { PRIMITIVE_META, META_NAMES } from '../verify/meta-names.js';
import { opEnums } from '../verify/op-enums.js';
import type { AgentFacts } from '../agents/types.js';
import {
  actionCandidates,
  advisedOpAttributes,
  agentParams,
  paramCandidates,
  paramValueCandidates,
} from './agent-words.js';
import { keyOf, keys, words, type ArgContext } from './provider.js';
import type { Candidate } from './types.js';

const SECTION_WORDS = new Set(['params', 'meta', 'utilization', 'op', 'operations', 'op_params', 'op_meta']);

export interface SectionState {
  /** null before any list keyword. */
  section: string | null;
  /** Inside `op`: the action name, or null right after `op`. */
  opName: string | null;
  /** Names already given in the current list (params are checked across the whole line, as crmsh). */
  used: Set<string>;
  usedParams: Set<string>;
  /** The last complete word was a `k=v` (crmsh then also offers the list keywords). */
  afterPair: boolean;
}

export function sectionState(args: string[]): SectionState {
  const s: SectionState = { section: null, opName: null, used: new Set(), usedParams: new Set(), afterPair: false };
  for (const w of args) {
    if (SECTION_WORDS.has(w)) {
      s.section = w;
      s.opName = null;
      s.used = new Set();
      s.afterPair = false;
      continue;
    }
    if (s.section === 'op' && s.opName === null) {
      s.opName = w;
      s.afterPair = true;
      continue;
    }
    const k = keyOf(w);
    if (k) {
      s.used.add(k);
      if (s.section === 'params') s.usedParams.add(k);
    }
    s.afterPair = true;
  }
  return s;
}

const BOOL = ['true', 'false'];

/** Values of well-known meta attributes. */
const META_VALUES: Record<string, string[]> = {
  'target-role': ['Started', 'Stopped', 'Promoted', 'Unpromoted'],
  'is-managed': BOOL,
  maintenance: BOOL,
  'allow-migrate': BOOL,
  notify: BOOL,
  interleave: BOOL,
  'globally-unique': BOOL,
  ordered: BOOL,
  promotable: BOOL,
  'multiple-active': ['block', 'stop_only', 'stop_start', 'stop_unexpected'],
  requires: ['nothing', 'quorum', 'fencing', 'unfencing'],
  'resource-stickiness': ['0', '1', 'INFINITY'],
  'migration-threshold': ['INFINITY', '1', '3'],
};

export function metaCandidates(type: string, a: ArgContext, used: Set<string>): Candidate[] {
  const k = keyOf(a.partial);
  if (k) return words((META_VALUES[k] ?? []).map((v) => `${k}=${v}`), 'value');
  const names = [...(META_NAMES[type] ?? new Set(PRIMITIVE_META))];
  return keys(names, 'meta', used);
}

export function opAttributeCandidates(facts: AgentFacts | null, opName: string, a: ArgContext, used: Set<string>): Candidate[] {
  const k = keyOf(a.partial);
  if (k) {
    const enums = opEnums(null);
    const values = enums[k] ?? (k === 'enabled' || k === 'record-pending' ? BOOL : []);
    const fromAgent = advisedOpAttributes(facts, opName, a.ctx.lang).filter((c) => c.text.startsWith(`${k}=`));
    return [...fromAgent, ...words(values.map((v) => `${k}=${v}`), 'value')];
  }
  const advised = advisedOpAttributes(facts, opName, a.ctx.lang).filter((c) => !used.has(c.text.split('=')[0]));
  const names = OP_ATTRIBUTES.filter((n) => n !== 'id' && n !== 'name');
  return [...advised, ...keys(names, 'op', used)];
}

const LIST_KEYWORDS = ['params', 'meta', 'op', 'utilization'];

/** The tail of primitive / rsc_template: `spec` is the agent written on the line. */
export function primitiveTail(a: ArgContext, spec: string, facts: AgentFacts | null, type: string): Candidate[] {
  const s = sectionState(a.args.slice(2));
  const kw = words(LIST_KEYWORDS, 'keyword');
  switch (s.section) {
    case null:
      return kw;
    case 'params': {
      const params = agentParams(a.ctx.agents, spec, facts);
      const k = keyOf(a.partial);
      if (k) return paramValueCandidates(params, k, a.ctx.lang);
      return [...paramCandidates(params, s.usedParams, a.ctx.lang), ...(s.afterPair ? kw : [])];
    }
    case 'meta':
      return [...metaCandidates(type, a, s.used), ...(s.afterPair && !keyOf(a.partial) ? kw : [])];
    case 'op':
      if (s.opName === null) return actionCandidates(facts);
      return [...opAttributeCandidates(facts, s.opName, a, s.used), ...(keyOf(a.partial) ? [] : kw)];
    default:
      return keyOf(a.partial) ? [] : kw;
  }
}

/** The tail of group / clone / ms after their members: `meta` and `params` lists. */
export function containerTail(a: ArgContext, type: string, tailArgs: string[]): Candidate[] | null {
  const s = sectionState(tailArgs);
  if (s.section === null) return null;
  const kw = words(['meta', 'params'], 'keyword');
  // crmsh offers `meta params` at once here (not only after a pair, as for primitives).
  if (s.section === 'meta') return [...metaCandidates(type, a, s.used), ...(keyOf(a.partial) ? [] : kw)];
  return keyOf(a.partial) ? [] : kw;
}
