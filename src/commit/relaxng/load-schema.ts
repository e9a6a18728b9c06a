/**
 * Reads a RELAX NG schema (the XML syntax, as Pacemaker writes it) into derivative patterns:
 * grammars nest as scopes, `include` merges a grammar with the including element's overrides,
 * `externalRef` and inline `grammar` open a child scope that `parentRef` leaves, and `combine`
 * joins same-named definitions. Constructs the schemas do not use are refused (the caller then
 * keeps libxml2 alone).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { childElements, parseXml, type Element } from '../../shadow-cib/xml.js';
import { datatype } from './datatypes.js';
import * as P from './patterns.js';

export class UnsupportedSchema extends Error {}

interface Definition {
  body: Element[];
  combine: string | null;
  scope: Scope;
}

class Scope {
  readonly defines = new Map<string, Definition[]>();
  readonly starts: Definition[] = [];
  private readonly built = new Map<string, P.Pattern | 'building'>();
  constructor(readonly parent: Scope | null) {}

  define(name: string): P.Pattern {
    const done = this.built.get(name);
    if (done === 'building') throw new UnsupportedSchema(`define ${name} refers to itself outside an element`);
    if (done) return done;
    const parts = this.defines.get(name);
    if (!parts) throw new UnsupportedSchema(`no define named ${name}`);
    this.built.set(name, 'building');
    const pattern = combined(parts);
    this.built.set(name, pattern);
    return pattern;
  }

  start(): P.Pattern {
    if (this.starts.length === 0) throw new UnsupportedSchema('grammar without start');
    return combined(this.starts);
  }
}

function combined(parts: Definition[]): P.Pattern {
  const method = parts.find((d) => d.combine)?.combine ?? 'choice';
  const patterns = parts.map((d) => groupOf(d.body, d.scope));
  return patterns.reduce((acc, p) => (method === 'interleave' ? P.interleave(acc, p) : P.choice(acc, p)));
}

const documents = new Map<string, Element>();

function rootOf(file: string): Element {
  let root = documents.get(file);
  if (!root) {
    root = parseXml(readFileSync(file, 'utf8')).documentElement!;
    documents.set(file, root);
  }
  return root;
}

/** Where each schema element came from, to resolve its relative hrefs. */
const fileOf = new WeakMap<Element, string>();

function hrefTarget(el: Element): string {
  const base = owningFile(el);
  return resolve(dirname(base), el.getAttribute('href') ?? '');
}

function owningFile(el: Element): string {
  const root = el.ownerDocument!.documentElement!;
  const file = fileOf.get(root);
  if (!file) throw new UnsupportedSchema('schema element of unknown origin');
  return file;
}

function load(file: string): Element {
  const root = rootOf(file);
  fileOf.set(root, file);
  return root;
}

/** The start pattern of the grammar in `file` (a top-level schema such as pacemaker-3.9.rng). */
export function loadSchema(file: string): P.Pattern {
  return patternOf(load(resolve(file)), new Scope(null));
}

function grammarScope(grammar: Element, parent: Scope): Scope {
  const scope = new Scope(parent);
  addGrammarContent(scope, grammar, new Set(), false);
  return scope;
}

function addGrammarContent(scope: Scope, grammar: Element, overridden: Set<string>, startOverridden: boolean): void {
  for (const child of childElements(grammar)) {
    const combine = child.getAttribute('combine') || null;
    switch (child.localName) {
      case 'start':
        if (!startOverridden) scope.starts.push({ body: childElements(child), combine, scope });
        break;
      case 'define': {
        const name = child.getAttribute('name')!;
        if (overridden.has(name)) break;
        const list = scope.defines.get(name) ?? [];
        list.push({ body: childElements(child), combine, scope });
        scope.defines.set(name, list);
        break;
      }
      case 'include': {
        const overrides = childElements(child);
        const names = new Set(overridden);
        for (const o of overrides) if (o.localName === 'define') names.add(o.getAttribute('name')!);
        const hasStart = startOverridden || overrides.some((o) => o.localName === 'start');
        const included = load(hrefTarget(child));
        if (included.localName !== 'grammar') throw new UnsupportedSchema('include of a non-grammar');
        addGrammarContent(scope, included, names, hasStart);
        addGrammarContent(scope, child, overridden, startOverridden);
        break;
      }
      case 'div':
        addGrammarContent(scope, child, overridden, startOverridden);
        break;
      default:
        throw new UnsupportedSchema(`unexpected ${child.localName} in a grammar`);
    }
  }
}

function groupOf(nodes: Element[], scope: Scope): P.Pattern {
  return nodes.map((n) => patternOf(n, scope)).reduce((acc, p) => P.group(acc, p), P.EMPTY);
}

function foldChildren(el: Element, scope: Scope, join: (a: P.Pattern, b: P.Pattern) => P.Pattern): P.Pattern {
  const parts = childElements(el).map((n) => patternOf(n, scope));
  if (parts.length === 0) throw new UnsupportedSchema(`empty ${el.localName}`);
  return parts.reduce(join);
}

function patternOf(el: Element, scope: Scope): P.Pattern {
  switch (el.localName) {
    case 'grammar':
      return grammarScope(el, scope).start();
    case 'externalRef': {
      const target = load(hrefTarget(el));
      return target.localName === 'grammar' ? grammarScope(target, scope).start() : patternOf(target, scope);
    }
    case 'ref':
      return scope.define(el.getAttribute('name')!);
    case 'parentRef':
      if (!scope.parent) throw new UnsupportedSchema('parentRef at the top grammar');
      return scope.parent.define(el.getAttribute('name')!);
    case 'element': {
      const { nameClass, rest } = nameClassOf(el);
      return P.element(nameClass, () => groupOf(rest, scope));
    }
    case 'attribute': {
      const { nameClass, rest } = nameClassOf(el);
      return P.attribute(nameClass, rest.length === 0 ? P.TEXT : groupOf(rest, scope));
    }
    case 'group':
      return foldChildren(el, scope, P.group);
    case 'interleave':
      return foldChildren(el, scope, P.interleave);
    case 'choice':
      return foldChildren(el, scope, P.choice);
    case 'optional':
      return P.optional(groupOf(childElements(el), scope));
    case 'zeroOrMore':
      return P.zeroOrMore(groupOf(childElements(el), scope));
    case 'oneOrMore':
      return P.oneOrMore(groupOf(childElements(el), scope));
    case 'empty':
      return P.EMPTY;
    case 'notAllowed':
      return P.NOT_ALLOWED;
    case 'text':
      return P.TEXT;
    case 'data':
      return dataPattern(el, scope);
    case 'value':
      return P.value(el.textContent ?? '');
    default:
      throw new UnsupportedSchema(`unsupported pattern ${el.localName}`);
  }
}

function dataPattern(el: Element, scope: Scope): P.Pattern {
  let pattern: string | undefined;
  let except: P.Pattern | null = null;
  for (const c of childElements(el)) {
    if (c.localName === 'param' && c.getAttribute('name') === 'pattern') pattern = c.textContent ?? '';
    else if (c.localName === 'except') except = exceptPattern(c, scope);
    else throw new UnsupportedSchema(`unsupported ${c.localName} in data`);
  }
  const type = datatype(el.getAttribute('type') ?? '', pattern);
  if (!type) throw new UnsupportedSchema(`unsupported datatype ${el.getAttribute('type')}`);
  return P.data(type, except);
}

/**
 * Only enumerations are excluded in Pacemaker's schemas; other excepts would need the datatype
 * checks to be liberal rather than conservative, so they are refused.
 */
function exceptPattern(el: Element, scope: Scope): P.Pattern {
  const values = el.getElementsByTagName('*');
  for (let i = 0; i < values.length; i++) {
    const name = values.item(i)!.localName;
    if (name !== 'choice' && name !== 'value') throw new UnsupportedSchema(`${name} in except`);
  }
  return foldChildren(el, scope, P.choice);
}

function nameClassOf(el: Element): { nameClass: P.NameClass; rest: Element[] } {
  const children = childElements(el);
  const name = el.getAttribute('name');
  if (name !== null && name !== '') {
    if (name.includes(':')) throw new UnsupportedSchema(`qualified name ${name}`);
    return { nameClass: { any: false, name }, rest: children };
  }
  const first = children[0];
  if (first?.localName === 'anyName' && childElements(first).length === 0) {
    return { nameClass: { any: true }, rest: children.slice(1) };
  }
  throw new UnsupportedSchema(`unsupported name class in ${el.localName}`);
}
