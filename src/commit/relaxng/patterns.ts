/**
 * RELAX NG patterns in the simplified form James Clark's derivative algorithm works on, built
 * through constructors that apply the algebra's identities and share equal patterns (one object
 * per structure), so derivatives can be memoised by pattern id and stay small.
 */
import type { Datatype } from './datatypes.js';

/** Only the forms Pacemaker's schemas use: one local name (no namespace) or any name. */
export type NameClass = { any: true } | { any: false; name: string };

export type Pattern =
  | { kind: 'empty'; id: number; nullable: true }
  | { kind: 'notAllowed'; id: number; nullable: false }
  | { kind: 'text'; id: number; nullable: true }
  | { kind: 'choice' | 'group' | 'interleave' | 'after'; id: number; nullable: boolean; a: Pattern; b: Pattern }
  | { kind: 'oneOrMore'; id: number; nullable: boolean; a: Pattern }
  | { kind: 'attribute'; id: number; nullable: false; nameClass: NameClass; a: Pattern }
  | { kind: 'element'; id: number; nullable: false; nameClass: NameClass; content: () => Pattern }
  | { kind: 'data'; id: number; nullable: false; type: Datatype; except: Pattern | null }
  | { kind: 'value'; id: number; nullable: false; value: string };

let nextId = 0;
const shared = new Map<string, Pattern>();

function share<P extends Pattern>(key: string, make: (id: number) => P): P {
  let p = shared.get(key);
  if (!p) {
    p = make(nextId++);
    shared.set(key, p);
  }
  return p as P;
}

export const EMPTY: Pattern = { kind: 'empty', id: nextId++, nullable: true };
export const NOT_ALLOWED: Pattern = { kind: 'notAllowed', id: nextId++, nullable: false };
export const TEXT: Pattern = { kind: 'text', id: nextId++, nullable: true };

/** Alternatives are kept as a flat, id-ordered, duplicate-free list so equal choices are one object. */
export function choice(a: Pattern, b: Pattern): Pattern {
  if (a.kind === 'notAllowed') return b;
  if (b.kind === 'notAllowed' || a === b) return a;
  const alternatives = new Map<number, Pattern>();
  for (const p of [a, b]) collectAlternatives(p, alternatives);
  const ordered = [...alternatives.values()].sort((x, y) => x.id - y.id);
  let result = ordered[ordered.length - 1]!;
  for (let i = ordered.length - 2; i >= 0; i--) result = binary('choice', ordered[i]!, result);
  return result;
}

function collectAlternatives(p: Pattern, into: Map<number, Pattern>): void {
  if (p.kind === 'choice') {
    collectAlternatives(p.a, into);
    collectAlternatives(p.b, into);
  } else into.set(p.id, p);
}

export function group(a: Pattern, b: Pattern): Pattern {
  if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return NOT_ALLOWED;
  if (a.kind === 'empty') return b;
  if (b.kind === 'empty') return a;
  return binary('group', a, b);
}

export function interleave(a: Pattern, b: Pattern): Pattern {
  if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return NOT_ALLOWED;
  if (a.kind === 'empty') return b;
  if (b.kind === 'empty') return a;
  return binary('interleave', a, b);
}

export function after(a: Pattern, b: Pattern): Pattern {
  if (a.kind === 'notAllowed' || b.kind === 'notAllowed') return NOT_ALLOWED;
  return binary('after', a, b);
}

export function oneOrMore(a: Pattern): Pattern {
  if (a.kind === 'notAllowed' || a.kind === 'empty') return a;
  return share(`+${a.id}`, (id) => ({ kind: 'oneOrMore', id, nullable: a.nullable, a }));
}

export function optional(a: Pattern): Pattern {
  return choice(a, EMPTY);
}

export function zeroOrMore(a: Pattern): Pattern {
  return optional(oneOrMore(a));
}

export function attribute(nameClass: NameClass, a: Pattern): Pattern {
  return share(`@${nameKey(nameClass)}:${a.id}`, (id) => ({ kind: 'attribute', id, nullable: false, nameClass, a }));
}

/** Elements are never shared by structure: each schema element is one object, its content built lazily. */
export function element(nameClass: NameClass, content: () => Pattern): Pattern {
  let built: Pattern | undefined;
  return { kind: 'element', id: nextId++, nullable: false, nameClass, content: () => (built ??= content()) };
}

export function data(type: Datatype, except: Pattern | null): Pattern {
  return share(`d${type.key}:${except?.id ?? ''}`, (id) => ({ kind: 'data', id, nullable: false, type, except }));
}

/** Whether a value compares as a string or a token is the validator's choice (see derive.ts). */
export function value(text: string): Pattern {
  return share(`v${text}`, (id) => ({ kind: 'value', id, nullable: false, value: text }));
}

function binary(kind: 'choice' | 'group' | 'interleave' | 'after', a: Pattern, b: Pattern): Pattern {
  const nullable = kind === 'choice' ? a.nullable || b.nullable : kind === 'after' ? false : a.nullable && b.nullable;
  return share(`${kind[0]}${kind[1]}${a.id},${b.id}`, (id) => ({ kind, id, nullable, a, b }));
}

function nameKey(nc: NameClass): string {
  return nc.any ? '*' : nc.name;
}

export function nameMatches(nc: NameClass, localName: string): boolean {
  return nc.any || nc.name === localName;
}
