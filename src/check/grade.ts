/**
 * Grading: the configuration an answer leaves in the live CIB against the teacher's, object by
 * object and by meaning. With `ignoreIds`, resources are matched by agent and parameters and
 * constraints by what they link, after renaming the answer's resource ids to the solution's.
 */
import type { Document } from '../shadow-cib/xml.js';
import { modelObjects, REFERENCE_FIELDS, type ModelObject } from './normalize.js';

export interface GradeItem {
  kind: string;
  id: string;
  status: 'same' | 'different' | 'missing' | 'extra';
  /** For `different`: the fields that differ, `name: expected ≠ got`. */
  differences?: string[];
  /** The answer's id when it differs from the solution's (ignoring ids). */
  answerId?: string;
}

export interface Grade {
  score: number;
  expected: number;
  same: number;
  different: number;
  missing: number;
  extra: number;
  items: GradeItem[];
  /** Lab-state findings of the answer (shadow never committed, standby left, …): codes and messages. */
  labState: Array<{ code: string; line: number; message: string }>;
}

const RESOURCE_KINDS = new Set(['primitive', 'template', 'group', 'clone', 'master', 'bundle']);

function similarity(a: ModelObject, b: ModelObject): number {
  let n = 0;
  for (const [k, v] of a.fields) if (b.fields.get(k) === v) n++;
  return n;
}

/** Answer resource id → solution resource id, by kind and agent first, then by shared fields. */
function matchResources(solution: ModelObject[], answer: ModelObject[]): Map<string, string> {
  const map = new Map<string, string>();
  const free = answer.filter((o) => RESOURCE_KINDS.has(o.kind));
  for (const s of solution.filter((o) => RESOURCE_KINDS.has(o.kind))) {
    const same = free.find((a) => a.id === s.id && a.kind === s.kind);
    const candidates = free.filter((a) => a.kind === s.kind && (s.kind !== 'primitive' || a.fields.get('agent')?.toLowerCase() === s.fields.get('agent')?.toLowerCase()));
    const best = same ?? candidates.sort((x, y) => similarity(s, y) - similarity(s, x))[0];
    if (!best) continue;
    map.set(best.id, s.id);
    free.splice(free.indexOf(best), 1);
  }
  return map;
}

function renamed(o: ModelObject, ids: Map<string, string>): ModelObject {
  const fields = new Map<string, string>();
  for (const [k, v] of o.fields) {
    fields.set(k, REFERENCE_FIELDS.has(k) ? v.replace(/[^\s()=]+/g, (w) => ids.get(w) ?? w) : v);
  }
  return { kind: o.kind, id: RESOURCE_KINDS.has(o.kind) ? (ids.get(o.id) ?? o.id) : o.id, fields };
}

/** What identifies an object when ids do not count: what it constrains, or its name. */
function identity(o: ModelObject): string {
  const f = (k: string): string => o.fields.get(k) ?? '';
  switch (o.kind) {
    case 'rsc_location':
      return `${o.kind}|${f('rsc')}|${f('rsc-pattern')}|${f('node')}|${f('rules') ? 'rules' : ''}`;
    case 'rsc_colocation':
      return `${o.kind}|${f('rsc')}|${f('with-rsc')}|${f('sets')}`;
    case 'rsc_order':
      return `${o.kind}|${f('first')}|${f('then')}|${f('sets')}`;
    default:
      return `${o.kind}|${o.id}`;
  }
}

function differences(s: ModelObject, a: ModelObject): string[] {
  const keys = new Set([...s.fields.keys(), ...a.fields.keys()]);
  const out: string[] = [];
  for (const k of [...keys].sort()) {
    const sv = s.fields.get(k);
    const av = a.fields.get(k);
    if (sv !== av) out.push(`${k}: ${sv ?? '—'} ≠ ${av ?? '—'}`);
  }
  return out;
}

export function grade(solution: Document, answer: Document, opts: { ignoreIds: boolean }): Omit<Grade, 'labState'> {
  const sol = modelObjects(solution);
  let ans = modelObjects(answer);
  let answerIds = new Map<string, string>();
  if (opts.ignoreIds) {
    const ids = matchResources(sol, ans);
    answerIds = new Map([...ids].map(([a, s]) => [s, a]));
    ans = ans.map((o) => renamed(o, ids));
  }
  const key = (o: ModelObject): string => (opts.ignoreIds ? identity(o) : `${RESOURCE_KINDS.has(o.kind) ? 'rsc' : o.kind}|${o.id}`);
  const byKey = new Map<string, ModelObject>();
  for (const a of ans) if (!byKey.has(key(a))) byKey.set(key(a), a);
  const items: GradeItem[] = [];
  for (const s of sol) {
    const a = byKey.get(key(s));
    if (!a) {
      items.push({ kind: s.kind, id: s.id, status: 'missing' });
      continue;
    }
    byKey.delete(key(s));
    const diff = a.kind === s.kind ? differences(s, a) : [`kind: ${s.kind} ≠ ${a.kind}`];
    const item: GradeItem = { kind: s.kind, id: s.id, status: diff.length === 0 ? 'same' : 'different' };
    if (diff.length > 0) item.differences = diff;
    const original = answerIds.get(s.id) ?? (opts.ignoreIds && !RESOURCE_KINDS.has(s.kind) && a.id !== s.id ? a.id : undefined);
    if (original && original !== s.id) item.answerId = original;
    items.push(item);
  }
  for (const a of byKey.values()) items.push({ kind: a.kind, id: answerIds.get(a.id) ?? a.id, status: 'extra' });
  const count = (s: GradeItem['status']): number => items.filter((i) => i.status === s).length;
  const expected = sol.length;
  const same = count('same');
  const extra = count('extra');
  const score = expected + extra === 0 ? 100 : Math.round((100 * same) / (expected + extra));
  return { score, expected, same, different: count('different'), missing: count('missing'), extra, items };
}
