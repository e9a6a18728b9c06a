/**
 * Agent-derived candidates: the progressive `class:provider:type` spec crmsh completes
 * (`ocf:` → `ocf:heartbeat:` → `ocf:heartbeat:IPaddr2`), parameter names with `=`, action names
 * and the advised op attributes — all read from the AgentCatalog.
 */
import { resolveAgentSpec } from '../agents/spec.js';
import type { AgentCatalog, AgentFacts, ParamFacts } from '../agents/types.js';
import { message, type Lang } from '../messages/catalog.js';
import type { Offer } from './provider.js';
import type { Candidate } from './types.js';

/** The facts of an agent written on the line, or null (unknown agent, bad spec, template ref). */
export function agentFacts(catalog: AgentCatalog, spec: string): AgentFacts | null {
  if (!spec || spec.startsWith('@')) return null;
  try {
    const resolved = resolveAgentSpec(spec, (t) => catalog.providers(t));
    if (!resolved) return null;
    return catalog.metadata(resolved);
  } catch {
    return null; // a catalog that cannot answer offers nothing rather than breaking Tab
  }
}

const sortedUnique = (list: string[]): string[] => [...new Set(list)].sort();

/**
 * Candidates for an agent spec being typed. Without a colon: the classes (`ocf:` …) and, for
 * primitive, `@template`s; when the word matches no class it also gets every full spec, so a
 * bare type (`IPad`, which crmsh leaves uncompleted) finds `ocf:heartbeat:IPaddr` fuzzily.
 */
export function agentSpecCandidates(catalog: AgentCatalog, partial: string, templates: string[] = [], lang: Lang = 'en'): Offer[] {
  const classes = sortedUnique(catalog.classes());
  const parts = partial.split(':');
  if (parts.length === 1) {
    const out: Offer[] = classes.map((c) => ({ text: `${c}:`, kind: 'agent' as const }));
    for (const t of templates) out.push({ text: `@${t}`, kind: 'id', description: message('TCRM8004', {}, lang) });
    // Full specs for fuzzy matching only: a bare `IPad` finds `ocf:heartbeat:IPaddr`.
    if (!partial.startsWith('@')) for (const c of allSpecs(catalog, classes)) out.push({ ...c, fallbackOnly: true });
    return out;
  }
  const cls = parts[0];
  if (cls === 'ocf') {
    if (parts.length === 2) return sortedUnique(catalog.ocfProviders()).map((p) => ({ text: `ocf:${p}:`, kind: 'agent' as const }));
    return typesOf(catalog, 'ocf', parts[1]).map((t) => ({ text: `ocf:${parts[1]}:${t}`, kind: 'agent' as const }));
  }
  if (parts.length > 2) return [];
  return typesOf(catalog, cls).map((t) => ({ text: `${cls}:${t}`, kind: 'agent' as const }));
}

function typesOf(catalog: AgentCatalog, cls: string, provider?: string): string[] {
  try {
    return sortedUnique(catalog.list(cls, provider));
  } catch {
    return [];
  }
}

const specCache = new WeakMap<AgentCatalog, Candidate[]>();

function allSpecs(catalog: AgentCatalog, classes: string[]): Candidate[] {
  const hit = specCache.get(catalog);
  if (hit) return hit;
  const out: Candidate[] = [];
  for (const cls of classes) {
    if (cls === 'ocf') {
      for (const p of catalog.ocfProviders()) for (const t of typesOf(catalog, 'ocf', p)) out.push({ text: `ocf:${p}:${t}`, kind: 'agent' });
    } else for (const t of typesOf(catalog, cls)) out.push({ text: `${cls}:${t}`, kind: 'agent' });
  }
  specCache.set(catalog, out);
  return out;
}

/** A one-line description: the agent's shortdesc when the catalog has prose, else type and default. */
export function paramDescription(p: ParamFacts, lang: Lang = 'en'): string {
  if (p.shortdesc) return p.shortdesc.replace(/\s+/g, ' ').trim();
  const bits = [p.type ?? 'string'];
  if (p.values?.length) bits.push(p.values.join('|'));
  if (p.default) bits.push(message('TCRM8011', { value: p.default }, lang));
  if (p.unique) bits.push(message('TCRM8014', {}, lang));
  if (p.deprecated) bits.push(p.obsoletes ? message('TCRM8012', { name: p.obsoletes }, lang) : message('TCRM8013', {}, lang));
  return bits.join(', ');
}

/** All parameters of an agent, the fencer's own ones added for stonith agents. */
export function agentParams(catalog: AgentCatalog, spec: string, facts: AgentFacts | null): ParamFacts[] {
  const params = facts ? [...facts.params] : [];
  if (spec.startsWith('stonith:')) {
    try {
      params.push(...catalog.fencerParams());
    } catch {
      // no fencer facts: the agent's own ones still help
    }
  }
  return params;
}

/** `name=` for each parameter not yet on the line; deprecated ones only when asked by prefix. */
export function paramCandidates(params: ParamFacts[], used: Set<string>, lang: Lang = 'en'): Candidate[] {
  return params
    .filter((p) => !used.has(p.name))
    .map((p) => ({ text: `${p.name}=`, kind: 'param' as const, description: paramDescription(p, lang), ...(p.required ? { required: true } : {}) }));
}

/** `name=value` for a parameter whose values are known (a select, a boolean). */
export function paramValueCandidates(params: ParamFacts[], name: string, lang: Lang = 'en'): Candidate[] {
  const p = params.find((x) => x.name === name);
  if (!p) return [];
  const values = p.values?.length ? p.values : p.type === 'boolean' ? ['true', 'false'] : p.default ? [p.default] : [];
  if (values.length === 0) {
    // Nothing to propose: the parameter itself, so a double Tab shows its help as crmsh does.
    return [{ text: `${name}=`, kind: 'param', description: paramDescription(p, lang), ...(p.required ? { required: true } : {}) }];
  }
  return values.map((v) => ({ text: `${name}=${v}`, kind: 'value' as const, ...(v === p.default ? { description: message('TCRM8005', {}, lang) } : {}) }));
}

/** The action names `op` takes: the agent's, less meta-data and validate-all (crmsh's list). */
export function actionCandidates(facts: AgentFacts | null): Candidate[] {
  const names = facts ? facts.actions.map((a) => a.name) : ['monitor', 'start', 'stop'];
  return sortedUnique(names.filter((n) => n !== 'meta-data' && n !== 'validate-all')).map((n) => ({ text: n, kind: 'op' as const }));
}

/** The advised `k=v` attributes of an action from the metadata (every monitor entry's). */
export function advisedOpAttributes(facts: AgentFacts | null, action: string, lang: Lang = 'en'): Candidate[] {
  if (!facts) return [];
  const out: Candidate[] = [];
  for (const a of facts.actions) {
    if (a.name !== action) continue;
    for (const key of ['interval', 'timeout', 'depth', 'role'] as const) {
      const v = a[key];
      if (v !== undefined) out.push({ text: `${key}=${v}`, kind: 'value', description: message('TCRM8003', {}, lang) });
    }
  }
  return out;
}
