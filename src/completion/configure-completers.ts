/**
 * Argument completers of the configure level's commands (completion.md §3 "configure"), with
 * crmsh's empty completers (location after the resource, colocation scores, rsc_defaults, …)
 * filled with what the grammar accepts there.
 */
import { clusterOptions } from '../commit/cluster-options.js';
import { OP_ATTRIBUTES } from '../cib-names.js';
import { agentFacts, agentSpecCandidates } from './agent-words.js';
import { containerTail, metaCandidates, primitiveTail, sectionState } from './attr-sections.js';
import { ruleCandidates } from './rule-words.js';
import { fileCandidates, keyOf, keys, nodeCandidates, say, words, type ArgContext, type Completer } from './provider.js';
import type { Candidate } from './types.js';

export const SCORES = ['inf:', '-inf:', '+inf:', 'mandatory:', 'advisory:'];
const ORDER_KINDS = ['Mandatory:', 'Optional:', 'Serialize:', 'inf:', '0:'];
const ROLES = ['Started', 'Stopped', 'Promoted', 'Unpromoted'];
const ORDER_ACTIONS = ['start', 'stop', 'promote', 'demote'];
/** crmsh leaves these out of `property` completion (not settable by users). */
const HIDDEN_PROPERTIES = new Set([
  'dc-version', 'cluster-infrastructure', 'crmd-integration-timeout', 'crmd-finalization-timeout', 'expected-quorum-votes',
]);

const newIdOr = (a: ArgContext, then: () => Candidate[]): Candidate[] =>
  a.args.length === 0 ? [{ text: 'id=', kind: 'keyword', description: say(a, 'TCRM8001') }] : then();

function primitiveLike(type: 'primitive' | 'rsc_template'): Completer {
  return (a) =>
    newIdOr(a, () => {
      if (a.args.length === 1) return agentSpecCandidates(a.ctx.agents, a.partial, type === 'primitive' ? a.ix.templates : [], a.ctx.lang);
      const spec = a.args[1];
      const facts = spec.startsWith('@') ? agentFacts(a.ctx.agents, a.ix.agentOf.get(spec.slice(1)) ?? '') : agentFacts(a.ctx.agents, spec);
      const effectiveSpec = spec.startsWith('@') ? a.ix.agentOf.get(spec.slice(1)) ?? '' : spec;
      return primitiveTail(a, effectiveSpec, facts, type);
    });
}

const group: Completer = (a) =>
  newIdOr(a, () => {
    const rest = a.args.slice(1);
    const firstKw = rest.findIndex((w) => w === 'meta' || w === 'params');
    if (firstKw >= 0) return containerTail(a, 'group', rest.slice(firstKw)) ?? [];
    const listed = new Set(rest);
    const free = words(a.ix.freePrimitives.filter((p) => !listed.has(p)), 'id');
    return rest.length > 0 ? [...free, ...words(['meta', 'params'], 'keyword')] : free;
  });

function cloneLike(type: 'clone' | 'ms'): Completer {
  return (a) =>
    newIdOr(a, () => {
      if (a.args.length === 1) return words(a.ix.topPrimitivesAndGroups, 'id');
      return containerTail(a, type, a.args.slice(2)) ?? words(['meta', 'params'], 'keyword');
    });
}

const bundle: Completer = (a) =>
  newIdOr(a, () => {
    if (a.args.length === 1) return words(['docker', 'podman', 'rkt'], 'keyword');
    const last = [...a.args].reverse().find((w) => ['docker', 'podman', 'rkt', 'network', 'storage', 'primitive', 'meta'].includes(w));
    const kw = words(['network', 'storage', 'primitive', 'meta'], 'keyword');
    if (a.args[a.args.length - 1] === 'primitive') return words(a.ix.freePrimitives, 'id');
    if (last === 'network') return [...keys(['ip-range-start', 'control-port', 'host-interface', 'host-netmask', 'add-host', 'port-mapping'], 'other'), ...kw];
    if (last === 'storage') return [...keys(['storage-mapping'], 'other'), ...kw];
    if (last === 'meta') return [...metaCandidates('primitive', a, new Set()), ...kw];
    return [...keys(['image', 'replicas', 'replicas-per-host', 'promoted-max', 'network', 'run-command', 'options'], 'other'), ...kw];
  });

/** Resource references of constraints: top-level resources, templates and tags. */
const constraintTargets = (a: ArgContext): Candidate[] => [
  ...words(a.ix.topLevel, 'id'),
  ...words(a.ix.templates, 'id'),
  ...words(a.ix.tags, 'id'),
];

/** `rsc:role` / `rsc:action` once the reference has its colon. */
function withSuffix(a: ArgContext, suffixes: string[]): Candidate[] {
  const colon = a.partial.indexOf(':');
  if (colon <= 0) return constraintTargets(a);
  const rsc = a.partial.slice(0, colon);
  return words(suffixes.map((s) => `${rsc}:${s}`), 'keyword');
}

const location: Completer = (a) =>
  newIdOr(a, () => {
    if (a.args.length === 1) return constraintTargets(a);
    const ruleAt = a.args.indexOf('rule');
    if (ruleAt >= 0) return ruleCandidates(a, a.args.slice(ruleAt + 1));
    if (a.args.length === 2) return [...words(SCORES, 'keyword', say(a, 'TCRM8002')), { text: 'rule', kind: 'keyword' }, ...keys(['role'], 'keyword')];
    const last = a.args[a.args.length - 1];
    if (last.endsWith(':')) return nodeCandidates(a);
    if (last.startsWith('role=')) return [...words(SCORES, 'keyword', say(a, 'TCRM8002')), { text: 'rule', kind: 'keyword' }];
    if (keyOf(a.partial) === 'role') return words(ROLES.map((r) => `role=${r}`), 'value');
    return keys(['resource-discovery'], 'keyword');
  });

const colocation: Completer = (a) =>
  newIdOr(a, () => {
    if (a.args.length === 1) return words(SCORES, 'keyword', say(a, 'TCRM8002'));
    if (keyOf(a.partial) === 'node-attribute') return words(['node-attribute=#uname'], 'value');
    const refs = withSuffix(a, ROLES);
    return a.args.length >= 3 ? [...refs, ...keys(['node-attribute'], 'keyword')] : refs;
  });

const order: Completer = (a) =>
  newIdOr(a, () => {
    if (a.args.length === 1) return [...words(ORDER_KINDS, 'keyword', say(a, 'TCRM8010')), ...constraintTargets(a)];
    if (keyOf(a.partial) === 'symmetrical') return words(['symmetrical=true', 'symmetrical=false'], 'value');
    const refs = withSuffix(a, ORDER_ACTIONS);
    return a.args.length >= 3 ? [...refs, ...keys(['symmetrical'], 'keyword')] : refs;
  });

const rscTicket: Completer = (a) =>
  newIdOr(a, () => {
    if (keyOf(a.partial) === 'loss-policy') return words(['stop', 'demote', 'fence', 'freeze'].map((v) => `loss-policy=${v}`), 'value');
    if (a.args.length === 1) return words(a.ix.tickets.map((t) => `${t}:`), 'other');
    const refs = withSuffix(a, ROLES);
    return a.args.length >= 3 ? [...refs, ...keys(['loss-policy'], 'keyword')] : refs;
  });

const tag: Completer = (a) =>
  newIdOr(a, () => {
    const listed = new Set(a.args.slice(1));
    return words(a.ix.resources.filter((r) => !listed.has(r)), 'id');
  });

const property: Completer = (a) => {
  const k = keyOf(a.partial);
  const options = clusterOptions();
  if (k) {
    const opt = options.find((o) => o.name === k);
    const values = opt?.values?.length ? opt.values : opt?.type === 'boolean' ? ['true', 'false'] : opt?.default ? [opt.default] : [];
    return words(values.map((v) => `${k}=${v}`), 'value');
  }
  const used = new Set(a.args.map((w) => keyOf(w) ?? w));
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const o of options) {
    if (HIDDEN_PROPERTIES.has(o.name) || used.has(o.name) || seen.has(o.name)) continue;
    seen.add(o.name); // three daemons' metadata merged: crmsh 4.4.1 lists some twice, we do not
    out.push({ text: `${o.name}=`, kind: 'property', description: [o.type, o.default ? say(a, 'TCRM8011', { value: o.default }) : ''].filter(Boolean).join(', ') });
  }
  return out;
};

const rscDefaults: Completer = (a) => metaCandidates('primitive', a, new Set(a.args.map((w) => keyOf(w) ?? w)));

const opDefaults: Completer = (a) => {
  const k = keyOf(a.partial);
  if (k) return [];
  return keys(OP_ATTRIBUTES.filter((n) => n !== 'id' && n !== 'name'), 'op', new Set(a.args.map((w) => keyOf(w) ?? w)));
};

const node: Completer = (a) => {
  if (a.args.length === 0) return nodeCandidates(a);
  const s = sectionState(a.args.slice(1));
  const kw = words(['attributes', 'utilization'], 'keyword');
  return s.section === null && !a.args.slice(1).some((w) => w === 'attributes' || w === 'utilization') ? kw : keyOf(a.partial) ? [] : kw;
};

const monitor: Completer = (a) => {
  if (a.args.length === 0) return words([...a.ix.primitives], 'id');
  if (a.args.length === 1) {
    const facts = agentFacts(a.ctx.agents, a.ix.agentOf.get(a.args[0].split(':')[0]) ?? '');
    const mon = facts?.actions.filter((x) => x.name === 'monitor') ?? [];
    return words(mon.map((m) => `${m.interval ?? '10s'}:${m.timeout ?? '20s'}`), 'value', say(a, 'TCRM8009'));
  }
  return [];
};

const fencingTopology: Completer = (a) => [...words(a.ix.nodes.map((n) => `${n}:`), 'node'), ...words(a.ix.stonith, 'id')];

const role: Completer = (a) => (a.args.length === 0 ? [] : words(['read', 'write', 'deny'], 'keyword'));
const aclTarget: Completer = (a) => (a.args.length === 0 ? [] : words(a.ix.aclRoles.filter((r) => !a.args.includes(r)), 'id'));
const user: Completer = (a) => (a.args.length === 0 ? [] : words(['role:', 'read', 'write', 'deny'], 'keyword'));

const objectIds = (a: ArgContext): Candidate[] => words(a.ix.objectIds, 'id');

const show: Completer = (a) => [
  ...objectIds(a),
  ...words(['xml', 'changed'], 'keyword'),
  ...words(a.ix.types.map((t) => `type:${t}`), 'keyword'),
  ...words(a.ix.tags.map((t) => `tag:${t}`), 'keyword'),
];

const edit: Completer = (a) => [...objectIds(a), { text: 'xml', kind: 'keyword' }];

const load: Completer = (a) => {
  const methods = ['replace', 'update', 'push'];
  if (a.args.length === 0) return words(['xml', ...methods], 'keyword');
  if (a.args.length === 1 && a.args[0] === 'xml') return words(methods, 'keyword');
  return fileCandidates(a);
};

const save: Completer = (a) => [...(a.args.length === 0 ? words(['xml'], 'keyword') : []), ...fileCandidates(a)];

const modgroup: Completer = (a) => {
  const [g, verb, member] = a.args;
  if (a.args.length === 0) return words(a.ix.groups, 'id');
  if (a.args.length === 1) return words(['add', 'remove'], 'keyword');
  const members = a.ix.groupMembers.get(g) ?? [];
  if (a.args.length === 2) return words(verb === 'add' ? a.ix.freePrimitives : members, 'id');
  if (a.args.length === 3 && verb === 'add') return words(['after', 'before'], 'keyword');
  if (a.args.length === 4 && verb === 'add') return words(members.filter((m) => m !== member), 'id');
  return [];
};

const alert: Completer = (a) => {
  if (a.args.length === 0) return [];
  if (a.args.length === 1) return fileCandidates(a);
  return words(['meta', 'attributes', 'select', 'to'], 'keyword');
};

export const CONFIGURE_COMPLETERS: Record<string, Completer> = {
  primitive: primitiveLike('primitive'),
  rsc_template: primitiveLike('rsc_template'),
  group,
  clone: cloneLike('clone'),
  ms: cloneLike('ms'),
  bundle,
  location,
  colocation,
  order,
  rsc_ticket: rscTicket,
  tag,
  property,
  rsc_defaults: rscDefaults,
  op_defaults: opDefaults,
  node,
  monitor,
  fencing_topology: fencingTopology,
  role,
  user,
  acl_target: aclTarget,
  alert,
  show,
  edit,
  filter: (a) => (a.args.length === 0 ? [] : edit(a)),
  delete: objectIds,
  rename: (a) => (a.args.length === 0 ? objectIds(a) : []),
  'default-timeouts': objectIds,
  'validate-all': (a) => words(a.ix.primitives, 'id'),
  set: (a) => (a.args.length === 0 ? objectIds(a) : []),
  commit: () => words(['force', 'replace'], 'keyword'),
  load,
  save,
  erase: (a) => (a.args.length === 0 ? words(['nodes'], 'keyword') : []),
  modgroup,
  graph: (a) => (a.args.length === 0 ? words(['dot', 'exportsettings'], 'keyword') : fileCandidates(a)),
  ptest: () => words(['nograph', 'scores', 'utilization', 'actions', 'status', 'v', 'vv', 'vvv'], 'keyword'),
  rsctest: (a) => [...words(a.ix.resources, 'id'), ...nodeCandidates(a)],
  get_property: (a) => (a.args.length === 0 ? words([...new Set(clusterOptions().map((o) => o.name))], 'property') : []),
  upgrade: () => words(['force'], 'keyword'),
  verify: () => [],
};

