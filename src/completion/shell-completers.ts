/**
 * Argument completers of the shell levels (resource, node, cib, ra, options, root) and the
 * commands every level has (help, cd) — completion.md §3, with crmsh's empty ones
 * (options skill-level, check-mode, output, …) filled in.
 */
import { LEVELS, levelSpecOf, pathSegments } from '../grammar/levels.js';
import { allOptionKeys, BOOLEAN_WORDS, OPTION_COMMANDS, OPTION_TYPES } from '../grammar/shell-options.js';
import { PRIMITIVE_META } from '../verify/meta-names.js';
import { agentFacts, agentParams, agentSpecCandidates, paramCandidates } from './agent-words.js';
import { fileCandidates, keyOf, nodeCandidates, say, words, type ArgContext, type Completer } from './provider.js';
import type { Candidate } from './types.js';

const resources = (a: ArgContext): Candidate[] => words(a.ix.resources, 'id');
const first = (c: Completer, rest: Completer = () => []): Completer => (a) => (a.args.length === 0 ? c(a) : rest(a));

const TRACE_OPS = ['probe', 'monitor', 'start', 'stop', 'migrate_to', 'migrate_from', 'promote', 'demote', 'notify', 'reload'];

/** `param|meta|utilization|secret RSC VERB NAME`: names from the agent (param) or meta list. */
function attrCommand(verbs: string[], names: (a: ArgContext, rsc: string) => string[]): Completer {
  return (a) => {
    if (a.args.length === 0) return resources(a);
    if (a.args.length === 1) return words(verbs, 'keyword');
    if (a.args.length === 2) return words(names(a, a.args[0]), 'param');
    return [];
  };
}

function agentParamNames(a: ArgContext, rsc: string): string[] {
  const spec = a.ix.agentOf.get(rsc) ?? '';
  const effective = spec.startsWith('@') ? a.ix.agentOf.get(spec.slice(1)) ?? '' : spec;
  return agentParams(a.ctx.agents, effective, agentFacts(a.ctx.agents, effective)).map((p) => p.name);
}

const RESOURCE: Record<string, Completer> = {
  status: resources,
  locate: resources,
  start: resources,
  stop: resources,
  restart: resources,
  promote: resources,
  demote: resources,
  manage: resources,
  unmanage: resources,
  clear: resources,
  constraints: first(resources),
  cleanup: first(resources, (a) => (a.args.length === 1 ? nodeCandidates(a) : [])),
  refresh: first(resources, (a) => (a.args.length === 1 ? nodeCandidates(a) : [])),
  operations: first(resources, (a) => (a.args.length === 1 ? nodeCandidates(a) : [])),
  move: first(resources, (a) => [...nodeCandidates(a), ...words(['force'], 'keyword')]),
  ban: first(resources, (a) => [...nodeCandidates(a), ...words(['force'], 'keyword')]),
  maintenance: first(resources, (a) => (a.args.length === 1 ? words(['on', 'off', 'true', 'false'], 'keyword') : [])),
  trace: first((a) => words(a.ix.primitives, 'id'), (a) => (a.args.length === 1 ? words(TRACE_OPS, 'op') : [])),
  untrace: first((a) => words(a.ix.primitives, 'id'), (a) => (a.args.length === 1 ? words(TRACE_OPS, 'op') : [])),
  failcount: (a) => {
    if (a.args.length === 0) return resources(a);
    if (a.args.length === 1) return words(['set', 'delete', 'show'], 'keyword');
    if (a.args.length === 2) return nodeCandidates(a);
    return [];
  },
  param: attrCommand(['set', 'delete', 'show'], agentParamNames),
  secret: attrCommand(['set', 'delete', 'show', 'check', 'stash', 'unstash'], agentParamNames),
  meta: attrCommand(['set', 'delete', 'show'], () => PRIMITIVE_META),
  utilization: attrCommand(['set', 'delete', 'show'], () => []),
};

const nodes: Completer = (a) => nodeCandidates(a);

function nodeAttr(a: ArgContext): Candidate[] {
  if (a.args.length === 0) return nodeCandidates(a);
  if (a.args.length === 1) return words(['set', 'delete', 'show'], 'keyword');
  if (a.args.length === 2) return words(a.ix.nodeAttributes.get(a.args[0]) ?? [], 'param');
  return [];
}

const NODE: Record<string, Completer> = {
  show: first(nodes),
  standby: (a) => [...nodeCandidates(a), ...words(['reboot', 'forever', '--all'], 'keyword')],
  online: nodes,
  maintenance: nodes,
  ready: nodes,
  fence: first(nodes),
  clearstate: first(nodes),
  delete: first(nodes),
  attribute: nodeAttr,
  utilization: nodeAttr,
  'status-attr': nodeAttr,
};

const shadows = (a: ArgContext): Candidate[] => {
  a.volatile = true; // `cib new` adds one: never serve an old list
  return a.ctx.shadows().map((text) => ({ text, kind: 'shadow' as const }));
};

const CIB: Record<string, Completer> = {
  new: (a) => (a.args.length === 0 ? [] : words(['withstatus', 'force', '--force', 'empty'], 'keyword')),
  use: (a) => (a.args.length === 0 ? [...shadows(a), { text: 'live', kind: 'keyword' }] : a.args.length === 1 ? words(['withstatus'], 'keyword') : []),
  commit: first(shadows),
  delete: first(shadows),
  reset: first(shadows),
  diff: () => [],
  import: (a) => (a.args.length === 0 ? fileCandidates(a) : a.args.length === 1 ? shadows(a) : []),
};

const agentSpec: Completer = (a) => agentSpecCandidates(a.ctx.agents, a.partial, [], a.ctx.lang);

const RA: Record<string, Completer> = {
  info: first(agentSpec),
  list: (a) => {
    if (a.args.length === 0) return words([...new Set(a.ctx.agents.classes())].sort(), 'agent');
    if (a.args.length === 1 && a.args[0] === 'ocf') return words(a.ctx.agents.ocfProviders(), 'agent');
    return [];
  },
  providers: (a) => {
    if (a.args.length === 0) return words([...new Set(a.ctx.agents.list('ocf'))].sort(), 'agent');
    if (a.args.length === 1) return words(['ocf'], 'agent');
    return [];
  },
  validate: (a) => {
    if (a.args.length === 0) return agentSpec(a);
    if (keyOf(a.partial)) return [];
    const spec = a.args[0];
    const used = new Set(a.args.slice(1).map((w) => keyOf(w) ?? w));
    return paramCandidates(agentParams(a.ctx.agents, spec, agentFacts(a.ctx.agents, spec)), used, a.ctx.lang);
  },
};

function optionValues(section: string, name: string): string[] {
  const t = OPTION_TYPES[section]?.[name];
  if (!t) return [];
  if (t.type === 'choice' || t.type === 'multichoice') return t.choices;
  if (t.type === 'boolean') return BOOLEAN_WORDS.filter((w) => w === 'yes' || w === 'no');
  return [];
}

const OPTIONS: Record<string, Completer> = {
  set: (a) => {
    if (a.args.length === 0) return words(allOptionKeys(), 'property');
    if (a.args.length === 1) {
      const [section, name] = a.args[0].split('.');
      return words(optionValues(section ?? '', name ?? ''), 'value');
    }
    return [];
  },
  show: first(() => words(allOptionKeys(), 'property')),
};
for (const [cmd, { section, name }] of Object.entries(OPTION_COMMANDS)) {
  OPTIONS[cmd] = first(() => words(optionValues(section, name), 'value'));
}
OPTIONS.editor = first(fileCandidates);
OPTIONS.pager = first(fileCandidates);

const STATUS_OPTIONS = ['full', 'bynode', 'inactive', 'ops', 'timing', 'failcounts', 'verbose', 'quiet', 'xml', 'simple', 'tickets', 'noheaders', 'detail', 'brief'];
export const HELP_TOPICS = [
  'Overview', 'Topics', 'Description', 'CommandLine', 'Introduction', 'Interface', 'Completion', 'Shorthand', 'Features',
  'Shadows', 'Checks', 'Templates', 'Testing', 'Security', 'Resourcesets', 'AttributeListReferences',
  'AttributeReferences', 'RuleExpressions', 'Lifetime', 'Reference',
];

const ROOT: Record<string, Completer> = {
  status: () => words(STATUS_OPTIONS, 'keyword'),
};

/** Listed commands of a level with their summaries, sublevels marked as such. */
export function commandCandidates(path: string): Candidate[] {
  const spec = levelSpecOf(path);
  if (!spec) return [];
  return spec.commands
    .filter((c) => !c.hidden)
    .map((c) => ({ text: c.name, kind: c.kind === 'level' ? ('level' as const) : ('command' as const), description: c.summary }));
}

/** `help [LEVEL] [COMMAND]` */
export function helpCandidates(path: string, a: ArgContext): Candidate[] {
  if (a.args.length === 0) return [...commandCandidates(path), ...words(HELP_TOPICS, 'other', say(a, 'TCRM8007'))];
  if (a.args.length === 1 && LEVELS[a.args[0]]) return commandCandidates(a.args[0]);
  return [];
}

/** `cd LEVEL[/LEVEL]`, `..` below the root. */
export function cdCandidates(path: string, a: ArgContext): Candidate[] {
  if (a.args.length > 0) return [];
  const slash = a.partial.lastIndexOf('/');
  const head = slash >= 0 ? a.partial.slice(0, slash + 1) : '';
  let segs = pathSegments(path);
  for (const s of head.split('/').filter(Boolean)) {
    if (s === '..') segs = segs.slice(0, -1);
    else segs = [...segs, s];
  }
  const spec = levelSpecOf(segs.join('/'));
  if (!spec) return [];
  const subs = spec.commands.filter((c) => c.kind === 'level').map((c) => ({ text: `${head}${c.name}`, kind: 'level' as const, description: c.summary }));
  if (segs.length > 0) subs.push({ text: `${head}..`, kind: 'level' as const, description: say(a, 'TCRM8008') });
  return subs;
}

export const SHELL_COMPLETERS: Record<string, Record<string, Completer>> = {
  root: ROOT,
  resource: RESOURCE,
  node: NODE,
  cib: CIB,
  ra: RA,
  options: OPTIONS,
};
