/**
 * Hand-built ASTs for the lowering tests (independent of the grammar), and the fixture runner:
 * fixtures/lower/NAME/{input.crm, expected.xml, expected.out} were captured from crmsh 4.4.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from '../../src/diagnostic.js';
import type * as A from '../../src/grammar/ast.js';
import { IdAllocator } from '../../src/shadow-cib/ids.js';
import { applyStatement, type LowerContext } from '../../src/shadow-cib/lower.js';
import { canonicalConfiguration, parseXml, type Document } from '../../src/shadow-cib/xml.js';
import type { Diagnostic } from '../../src/diagnostic.js';

export const at: Position = { file: 'test', line: 1, col: 1, offset: 0 };
export const FIXTURES = join(import.meta.dirname, '../../fixtures/lower');

export const ref = (name: string): A.Ref => ({ name, at });
export const rref = (name: string, suffix?: string): A.RscRef => (suffix === undefined ? { name, at } : { name, suffix, at });
export const item = (name: string, suffix?: string): A.RefItem => ({ kind: 'ref', ...rref(name, suffix) });
export const bracket = (b: '(' | '[', refs: A.RscRef[], options: Array<[string, string]> = []): A.RefItem => ({
  kind: 'set',
  bracket: b,
  refs,
  options,
  at,
});

export function nv(name: string, value?: string, id?: string): A.NvItem {
  const it: A.NvItem = { kind: 'nv', name, at };
  if (value !== undefined) it.value = value;
  if (id !== undefined) it.id = id;
  return it;
}
export const nvref = (r: string, name?: string): A.NvItem => (name === undefined ? { kind: 'nvref', ref: r, at } : { kind: 'nvref', ref: r, name, at });

/** `set('params', 'a=1 b=2')` or with explicit items. */
export function set(kind: A.AttrSetKind, items: string | A.NvItem[] = [], extra: Partial<A.AttrSet> = {}): A.AttrSet {
  const list = typeof items === 'string' ? pairs(items).map(([n, v]) => nv(n, v)) : items;
  return { kind, rules: [], items: list, implicit: false, at, ...extra };
}

/** `a=1 b=2 c` → [['a','1'],['b','2'],['c',undefined]] */
export function pairs(text: string): Array<[string, string | undefined]> {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const i = w.indexOf('=');
      return i < 0 ? [w, undefined] : [w.slice(0, i), w.slice(i + 1)];
    });
}
const strPairs = (text: string): Array<[string, string]> => pairs(text).map(([n, v]) => [n, v ?? '']);

export function op(name: string, attrs = '', sets: A.AttrSet[] = []): A.Op {
  return { name, attrs: strPairs(attrs).map(([n, v]) => ({ name: n, value: v, at })), sets, at };
}

export function prim(
  id: string,
  agent: string,
  o: { sets?: A.AttrSet[]; ops?: A.Op[]; description?: string; operations?: { id?: string; idRef?: string }; kind?: 'primitive' | 'rsc_template'; text?: string } = {},
): A.PrimitiveStmt {
  const spec: A.AgentSpec = agent.startsWith('@') ? { kind: 'template', template: agent.slice(1), at } : agentSpec(agent);
  const s: A.PrimitiveStmt = {
    kind: o.kind ?? 'primitive',
    at,
    text: o.text ?? `${o.kind ?? 'primitive'} ${id} ${agent}`,
    id: ref(id),
    agent: spec,
    sets: o.sets ?? [],
    ops: o.ops ?? [],
  };
  if (o.description !== undefined) s.description = o.description;
  if (o.operations) s.operations = o.operations;
  return s;
}

function agentSpec(text: string): A.AgentSpec {
  const parts = text.split(':');
  const s: A.AgentSpec = { kind: 'agent', text, type: parts[parts.length - 1]!, at };
  if (parts.length > 1) s.cls = parts[0]!;
  if (parts.length === 3) s.provider = parts[1]!;
  return s;
}

export function rule(exprs: A.Expr[], o: Partial<A.Rule> = {}): A.Rule {
  return { exprs, at, ...o };
}
export const bin = (attr: string, opName: A.BinaryOp, value: string, o: { type?: string; valueSource?: string } = {}): A.Expr => ({
  kind: 'binary',
  attr,
  op: opName,
  value,
  ...o,
  at,
});
export const un = (opName: 'defined' | 'not_defined', attr: string): A.Expr => ({ kind: 'unary', op: opName, attr, at });
export const date = (opName: string, o: { start?: string; end?: string; duration?: Array<[string, string]>; spec?: Array<[string, string]> } = {}): A.Expr => ({
  kind: 'date',
  op: opName,
  duration: o.duration ?? [],
  spec: o.spec ?? [],
  ...(o.start !== undefined ? { start: o.start } : {}),
  ...(o.end !== undefined ? { end: o.end } : {}),
  at,
});

export const prop = (kind: A.PropertyStmt['kind'], items: string, extra: Partial<A.AttrSet> = {}): A.PropertyStmt => ({
  kind,
  at,
  text: `${kind} ${items}`,
  set: set('meta', items, extra),
});

export function newContext(doc: Document, extra: Partial<LowerContext> = {}): LowerContext {
  return { ids: IdAllocator.fromDocument(doc), changed: new Set(), ...extra };
}

export function baseDoc(): Document {
  return parseXml(readFileSync(join(FIXTURES, 'base.xml'), 'utf8'));
}

/** Applies statements in order to the oracle base CIB; returns the document and all diagnostics. */
export function run(stmts: A.ConfigStatement[], doc = baseDoc()): { doc: Document; diags: Diagnostic[]; ctx: LowerContext } {
  const ctx = newContext(doc);
  const diags: Diagnostic[] = [];
  for (const s of stmts) diags.push(...applyStatement(doc, s, ctx));
  return { doc, diags, ctx };
}

export function expectedConfiguration(name: string): string {
  return canonicalConfiguration(readFileSync(join(FIXTURES, name, 'expected.xml'), 'utf8'));
}

/** crmsh's own ERROR/WARNING/INFO lines printed while the statements ran (before commit output). */
export function expectedLines(name: string): string[] {
  return readFileSync(join(FIXTURES, name, 'expected.out'), 'utf8').split('\n');
}

export const lines = (diags: Diagnostic[]): string[] =>
  diags.map((d) => `${d.severity === 'error' ? 'ERROR' : d.severity === 'warning' ? 'WARNING' : 'INFO'}: ${d.message}`);
