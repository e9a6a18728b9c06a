/**
 * The one CST → AST converter of the configure language. Values stay as written; the
 * lowering step converts scores, roles and ids. The CST of a rule holds its words under labels;
 * a word's meaning is read with the same patterns the parser's gates used.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Position } from '../diagnostic.js';
import type {
  AclPermission,
  AgentSpec,
  AttrSet,
  AttrSetKind,
  BundlePart,
  ConfigStatement,
  Expr,
  NvItem,
  Op,
  RefItem,
  Rule,
} from './ast.js';
import * as P from './configure-patterns.js';
import { scanResourceSets, type SuffixKind } from './configure-resource-sets.js';
import type { WordToken } from './tokens.js';

type Child = CstNode | IToken;

const nodes = (n: CstNode | undefined, label: string): CstNode[] => (n?.children[label] as CstNode[] | undefined) ?? [];
const toks = (n: CstNode | undefined, label: string): WordToken[] =>
  (n?.children[label] as WordToken[] | undefined) ?? [];
const tok = (n: CstNode | undefined, label: string): WordToken | undefined => toks(n, label)[0];
const node = (n: CstNode | undefined, label: string): CstNode | undefined => nodes(n, label)[0];
const at = (t: IToken): Position => (t as WordToken).word.at;

/** Position of the first word anywhere under a CST node (for ordering and `at`). */
function firstWord(n: Child): WordToken | undefined {
  if (!('children' in n)) return n as WordToken;
  let best: WordToken | undefined;
  for (const list of Object.values(n.children)) {
    for (const c of list as Child[]) {
      const w = firstWord(c);
      if (w && (!best || w.index < best.index)) best = w;
    }
  }
  return best;
}

export interface AstContext {
  /** The words crmsh echoes in messages, joined by spaces. */
  text: string;
  /** Where the statement starts. */
  at: Position;
}

// ---- attribute lists ----------------------------------------------------------------------

export function nvItem(t: IToken): NvItem {
  const text = t.image;
  const pos = at(t);
  const ref = P.NVPAIR_REF.exec(text);
  if (ref) return ref[2] !== undefined ? { kind: 'nvref', ref: ref[1], name: ref[2], at: pos } : { kind: 'nvref', ref: ref[1], at: pos };
  const withId = P.NVPAIR_ID.exec(text);
  if (withId) {
    const [, id, name, value] = withId;
    return { kind: 'nv', name: name ?? id, value, id, at: pos };
  }
  const nv = P.NVPAIR.exec(text);
  if (nv) return { kind: 'nv', name: nv[1], value: nv[2], at: pos };
  return { kind: 'nv', name: text, at: pos };
}

/** Which list keyword a word stands for (crmsh also takes `metadata=1` as `meta`, see parser). */
function listKind(word: string, names: readonly string[]): string {
  const low = word.toLowerCase();
  return names.slice(0, -1).find((n) => low.startsWith(n)) ?? names[names.length - 1];
}

/** A `namedList` or `implicitList` CST node → AttrSet (an empty implicit list is no set). */
function attrList(n: CstNode, names: readonly string[], implicitKind: string | undefined): AttrSet | undefined {
  const kw = tok(n, 'kw');
  const body = node(n, 'body');
  const kind = (kw ? listKind(kw.image, names) : implicitKind) as AttrSetKind;
  const first = kw ?? (body ? firstWord(body) : undefined);
  if (!first) return undefined;
  const set: AttrSet = { kind, rules: [], items: [], implicit: !kw, at: at(first) };
  const idspec = tok(body, 'idspec');
  if (idspec) {
    const m = P.IDSPEC.exec(idspec.image)!;
    if (m[1] === '$id-ref') set.idRef = m[2];
    else set.id = m[2];
  }
  const score = tok(body, 'score');
  if (score) set.score = P.SCORE.exec(score.image)![1];
  set.rules = nodes(body, 'rules').map(rule);
  set.items = toks(node(body, 'nvs'), 'item').map(nvItem);
  if (!kw && !idspec && !score && set.rules.length === 0 && set.items.length === 0) return undefined;
  return set;
}

/** The lists under an `attrLists` / `namedLists` node. */
function attrLists(n: CstNode | undefined, names: readonly string[], implicitKind: string | undefined): AttrSet[] {
  return nodes(n, 'lists')
    .map((l) => attrList(l, names, implicitKind))
    .filter((s): s is AttrSet => s !== undefined);
}

interface Args {
  sets: AttrSet[];
  operations?: { id?: string; idRef?: string };
  ops: Op[];
  containers: CstNode[];
}

/** An `args` node: lists (first maybe implicit), operations and bundle parts, in written order. */
function args(n: CstNode | undefined, names: readonly string[], implicitKind?: string): Args {
  const out: Args = { sets: [], ops: [], containers: nodes(n, 'containers') };
  const parts = [...nodes(n, 'attrLists'), ...nodes(n, 'lists'), ...nodes(n, 'operations')];
  const pos = (c: CstNode) => c.location?.startOffset ?? 0;
  parts.sort((a, b) => pos(a) - pos(b));
  for (const part of parts) {
    if (part.name === 'attrLists') out.sets.push(...attrLists(part, names, implicitKind));
    else if (part.name === 'operations') operations(part, out);
    else {
      const set = attrList(part, names, implicitKind);
      if (set) out.sets.push(set);
    }
  }
  return out;
}

function operations(n: CstNode, out: Args): void {
  const idspec = tok(n, 'idspec');
  if (idspec) {
    const m = P.IDSPEC.exec(idspec.image)!;
    out.operations = m[1].toLowerCase() === '$id-ref' ? { idRef: m[2] } : { id: m[2] };
  }
  for (const o of nodes(n, 'ops')) out.ops.push(op(o));
}

function op(n: CstNode): Op {
  const kw = tok(n, 'kw')!;
  const attrs = toks(node(n, 'attrs'), 'item').map((t) => {
    const item = nvItem(t);
    if (item.kind === 'nvref') return { name: item.name ?? item.ref, value: '', at: item.at };
    return { name: item.name, value: item.value ?? '', at: item.at };
  });
  const sets = attrLists(node(n, 'attrLists'), ['op_params', 'op_meta'], 'op_params');
  return { name: tok(n, 'name')!.image, attrs, sets, at: at(kw) };
}

// ---- rules --------------------------------------------------------------------------------

const VALUE_SOURCE = /^([^\s{}]+)(\{(\S+)\})?$/;

function rule(n: CstNode): Rule {
  const kw = tok(n, 'kw')!;
  const r: Rule = { exprs: [], at: at(kw) };
  const idspec = tok(n, 'idspec');
  if (idspec) {
    const m = P.IDSPEC.exec(idspec.image)!;
    if (m[1].slice(1) === 'id-ref') r.idRef = m[2];
    else r.id = m[2];
  }
  const role = tok(n, 'role');
  if (role) r.role = P.ROLE_ASSIGN.exec(role.image)![1];
  const score = tok(n, 'score');
  if (score) r.score = P.SCORE.exec(score.image)![1];
  const boolOp = tok(n, 'boolOp');
  if (boolOp) r.boolOp = boolOp.image.toLowerCase() as 'and' | 'or';
  r.exprs = nodes(n, 'exprs').map(expr);
  return r;
}

function expr(n: CstNode): Expr {
  const date = node(n, 'date');
  if (date) return dateExpr(date);
  const unary = tok(n, 'unary');
  const attr = tok(n, 'attr')!;
  if (unary) {
    return { kind: 'unary', op: unary.image, attr: attr.image, at: at(unary) };
  }
  const m = P.BINOP.exec(tok(n, 'op')!.image)!;
  const value = tok(n, 'value')!.image;
  const e: Expr = { kind: 'binary', attr: attr.image, op: m[3], value, at: at(attr) };
  if (m[2]) e.type = m[2];
  const vs = VALUE_SOURCE.exec(value);
  if (vs && vs[3] !== undefined) {
    e.value = vs[3];
    e.valueSource = vs[1];
  }
  return e;
}

function keyValue(t: IToken): [string, string] {
  const eq = t.image.indexOf('=');
  return eq < 0 ? [t.image, ''] : [t.image.slice(0, eq), t.image.slice(eq + 1)];
}

function dateExpr(n: CstNode): Expr {
  const kw = tok(n, 'kw')!;
  const op = tok(n, 'op')!.image;
  const e: Expr = { kind: 'date', op, duration: [], spec: [], at: at(kw) };
  const value = tok(n, 'value');
  if (value) {
    if (op.toLowerCase() === 'lt') e.end = value.image;
    else e.start = value.image;
  }
  for (const t of toks(node(n, 'range'), 'item')) {
    const [k, v] = keyValue(t);
    if (k === 'start') e.start = v;
    else if (k === 'end') e.end = v;
    else e.duration.push([k, v]);
  }
  e.spec = toks(nodes(n, 'spec')[0], 'item').map(keyValue);
  return e;
}

// ---- statements ---------------------------------------------------------------------------

const description = (n: CstNode): string | undefined => {
  const t = tok(node(n, 'description'), 'text');
  return t ? P.DESCRIPTION.exec(t.image)![1] : undefined;
};

function withDescription<T extends object>(obj: T, desc: string | undefined): T {
  if (desc !== undefined) (obj as T & { description: string }).description = desc;
  return obj;
}

const ref = (t: IToken) => ({ name: t.image, at: at(t) });

function agentSpec(t: IToken): AgentSpec {
  const tm = P.TEMPLATE_REF.exec(t.image);
  if (tm) return { kind: 'template', template: tm[1], at: at(t) };
  throw new Error('not a template');
}

function raSpec(t: IToken): AgentSpec {
  const parts = t.image.split(':');
  const spec: AgentSpec = { kind: 'agent', text: t.image, type: parts[parts.length - 1], at: at(t) };
  if (parts.length >= 2) spec.cls = parts[0];
  if (parts.length === 3) spec.provider = parts[1];
  return spec;
}

function refItems(n: CstNode | undefined, kind: SuffixKind): RefItem[] {
  const simple = nodes(n, 'refs');
  if (simple.length > 0) {
    return simple.map((s) => {
      const t = tok(s, 'ref')!;
      const [name, suffix] = P.splitValue(t.image) ?? [t.image, undefined];
      return suffix ? { kind: 'ref', name, suffix, at: at(t) } : { kind: 'ref', name, at: at(t) };
    });
  }
  return scanResourceSets(toks(n, 'setWords'), kind).items;
}

const tailValue = (n: CstNode, re: RegExp): string | undefined => {
  const t = tok(node(n, 'tail'), 'word');
  return t ? re.exec(t.image)![1] : undefined;
};

type Builder = (n: CstNode, base: AstContext) => ConfigStatement;

const BUILDERS: Record<string, Builder> = {
  node(n, base) {
    const idTok = tok(n, 'nodeId');
    const u = tok(n, 'uname')!;
    const m = P.UNAME.exec(u.image)!;
    const a = args(node(n, 'args'), ['attributes', 'utilization'], 'attributes');
    const stmt = withDescription(
      { kind: 'node' as const, ...base, uname: { name: m[1], at: at(u) }, sets: a.sets },
      description(n),
    );
    if (idTok) (stmt as { nodeId?: string }).nodeId = (P.ID_ASSIGN.exec(idTok.image) ?? P.ID_NEW.exec(idTok.image))![1];
    if (m[3]) (stmt as { type?: string }).type = m[3];
    return stmt;
  },

  primitive: primitiveLike('primitive'),
  rsc_template: primitiveLike('rsc_template'),

  monitor(n, base) {
    const [rsc, role] = P.splitValue(tok(n, 'rsc')!.image)!;
    const [interval, timeout] = P.splitValue(tok(n, 'interval')!.image)!;
    const stmt: ConfigStatement = { kind: 'monitor', ...base, rsc: { name: rsc, at: at(tok(n, 'rsc')!) }, interval: interval };
    if (role) stmt.role = role;
    if (timeout) stmt.timeout = timeout;
    return stmt;
  },

  group: containerLike('group'),
  clone: containerLike('clone'),
  ms: containerLike('ms'),

  bundle(n, base) {
    const a = args(node(n, 'args'), ['meta'], undefined);
    const parts: BundlePart[] = [];
    for (const c of a.containers) parts.push(bundlePart(c));
    for (const s of a.sets) parts.push({ kind: 'meta', set: s, at: s.at });
    parts.sort((x, y) => x.at.offset - y.at.offset);
    return withDescription({ kind: 'bundle' as const, ...base, id: ref(tok(n, 'id')!), parts }, description(n));
  },

  location(n, base) {
    const pattern = tok(n, 'pattern');
    const brace = tok(n, 'lbrace');
    let rsc: ConfigStatement & { kind: 'location' } extends { rsc: infer R } ? R : never;
    if (pattern) rsc = { kind: 'pattern', pattern: P.RSC_PATTERN.exec(pattern.image)![1], at: at(pattern) };
    else if (brace) {
      const items = scanResourceSets(toks(n, 'setWords'), 'role').items;
      const refs = items.flatMap((i) =>
        i.kind === 'set'
          ? i.refs
          : i.kind === 'ref'
            ? [{ name: i.name, ...(i.suffix !== undefined ? { suffix: i.suffix } : {}), at: i.at }]
            : [],
      );
      rsc = { kind: 'set', refs, items, at: at(brace) };
    } else rsc = { kind: 'id', ...ref(tok(n, 'rsc')!) };
    const options = toks(n, 'attrs').map((t): [string, string] => {
      const m = P.LOCATION_ATTR.exec(t.image)!;
      return [m[1], m[2]];
    });
    const stmt: ConfigStatement = { kind: 'location', ...base, id: ref(tok(n, 'id')!), rsc, options, rules: nodes(n, 'rules').map(rule) };
    const score = tok(n, 'score');
    if (score) {
      stmt.score = P.SCORE.exec(score.image)![1];
      stmt.node = ref(tok(n, 'node')!);
    }
    return stmt;
  },

  colocation(n, base) {
    const stmt: ConfigStatement = {
      kind: 'colocation',
      ...base,
      id: ref(tok(n, 'id')!),
      score: P.SCORE.exec(tok(n, 'score')!.image)![1],
      refs: refItems(node(n, 'refs'), 'role'),
    };
    const attr = tailValue(n, P.NODE_ATTRIBUTE_TAIL);
    if (attr !== undefined) stmt.nodeAttribute = attr;
    return stmt;
  },

  order(n, base) {
    const stmt: ConfigStatement = { kind: 'order', ...base, id: ref(tok(n, 'id')!), refs: refItems(node(n, 'refs'), 'action') };
    const k = tok(n, 'kind');
    if (k) stmt.kindOrScore = P.SCORE.exec(k.image)![1];
    const sym = tailValue(n, P.SYMMETRICAL_TAIL);
    if (sym !== undefined) stmt.symmetrical = sym;
    return stmt;
  },

  rsc_ticket(n, base) {
    const stmt: ConfigStatement = {
      kind: 'rsc_ticket',
      ...base,
      id: ref(tok(n, 'id')!),
      ticket: P.SCORE.exec(tok(n, 'ticket')!.image)![1],
      refs: refItems(node(n, 'refs'), 'role'),
    };
    const lp = tailValue(n, P.LOSS_POLICY_TAIL);
    if (lp !== undefined) stmt.lossPolicy = lp;
    return stmt;
  },

  property: propertyLike('property'),
  rsc_defaults: propertyLike('rsc_defaults'),
  op_defaults: propertyLike('op_defaults'),

  fencing_topology(n, base) {
    type Entry = (ConfigStatement & { kind: 'fencing_topology' })['targets'][number];
    const targets: Entry[] = [];
    let current: Entry | undefined;
    for (const t of toks(n, 'items')) {
      const a = P.TARGET_ATTR.exec(t.image);
      const p = a ? null : P.TARGET_PATTERN.exec(t.image);
      const nd = a || p ? null : P.TARGET_NODE.exec(t.image);
      if (a) current = { target: { kind: 'attr', value: `${a[1]}=${a[2]}`, at: at(t) }, levels: [] };
      else if (p) current = { target: { kind: 'pattern', value: p[1], at: at(t) }, levels: [] };
      else if (nd) current = { target: { kind: 'node', value: nd[1], at: at(t) }, levels: [] };
      if (a || p || nd) {
        targets.push(current!);
        continue;
      }
      if (!current) {
        current = { levels: [] };
        targets.push(current);
      }
      current.levels.push({ devices: t.image, at: at(t) });
    }
    return { kind: 'fencing_topology', ...base, targets };
  },

  tag(n, base) {
    const id = tok(n, 'id')!;
    return { kind: 'tag', ...base, id: { name: P.TAG_NAME.exec(id.image)![1], at: at(id) }, refs: toks(n, 'refs').map(ref) };
  },

  role(n, base) {
    return withDescription(
      { kind: 'role' as const, ...base, id: ref(tok(n, 'id')!), permissions: nodes(n, 'permissions').map(permission) },
      description(n),
    );
  },

  acl_target(n, base) {
    return { kind: 'acl_target', ...base, id: ref(tok(n, 'id')!), roles: toks(n, 'roles').map(ref), permissions: [] };
  },

  user(n, base) {
    const roles = toks(n, 'roles').map((t) => ({ name: P.ROLE_REF.exec(t.image)![1], at: at(t) }));
    return { kind: 'user', ...base, id: ref(tok(n, 'id')!), roles, permissions: nodes(n, 'permissions').map(permission) };
  },

  xml(n, base) {
    return { kind: 'xml', ...base, xml: toks(n, 'parts').map((t) => t.image).join(' ') };
  },

  alert(n, base) {
    const sets = nodes(n, 'args').flatMap((a) => attrLists(a, ['attributes', 'meta'], undefined));
    const stmt: ConfigStatement = {
      kind: 'alert',
      ...base,
      id: ref(tok(n, 'id')!),
      path: tok(n, 'path')!.image,
      sets,
      recipients: nodes(n, 'recipients').map((r) => {
        const rsets = nodes(r, 'args').flatMap((a) => args(a, ['attributes', 'meta'], undefined).sets);
        return withDescription({ path: tok(r, 'path')!.image, sets: rsets, at: at(tok(r, 'kw')!) }, description(r));
      }),
    };
    const desc = description(n);
    if (desc !== undefined) stmt.description = desc;
    const selects = nodes(n, 'select');
    if (selects.length > 0) {
      const kinds = selects.flatMap((s) => toks(s, 'kinds').map((t) => t.image));
      const attrs = selects.flatMap((s) => toks(s, 'attrs').map((t) => t.image));
      const hasAttrList = selects.some((s) => toks(s, 'lbrace').length > 0);
      stmt.select = { kinds, at: at(tok(selects[0], 'kw')!) };
      if (hasAttrList) stmt.select.attributes = attrs;
    }
    return stmt;
  },
};

function primitiveLike(kind: 'primitive' | 'rsc_template'): Builder {
  return (n, base) => {
    const template = tok(n, 'template');
    const agent = template ? agentSpec(template) : raSpec(tok(n, 'agent')!);
    const a = args(node(n, 'args'), ['params', 'meta', 'utilization'], 'params');
    const stmt: ConfigStatement = withDescription(
      { kind, ...base, id: ref(tok(n, 'id')!), agent, sets: a.sets, ops: a.ops },
      description(n),
    );
    if (a.operations) stmt.operations = a.operations;
    return stmt;
  };
}

function containerLike(kind: 'group' | 'clone' | 'ms'): Builder {
  return (n, base) => {
    const a = args(node(n, 'args'), ['params', 'meta'], 'params');
    return withDescription(
      { kind, ...base, id: ref(tok(n, 'id')!), children: toks(n, 'children').map(ref), sets: a.sets },
      description(n),
    );
  };
}

function propertyLike(kind: 'property' | 'rsc_defaults' | 'op_defaults'): Builder {
  return (n, base) => {
    const setKind: AttrSetKind = kind === 'property' ? 'attributes' : 'meta';
    const cmd = tok(n, 'cmd')!;
    const set: AttrSet = { kind: setKind, rules: nodes(n, 'rules').map(rule), items: toks(node(n, 'nvs'), 'item').map(nvItem), implicit: true, at: at(cmd) };
    const idTok = tok(n, 'setId');
    if (idTok) {
      const assign = P.ID_ASSIGN.exec(idTok.image) ?? P.ID_NEW.exec(idTok.image);
      if (assign) set.id = assign[1];
      else set.idRef = P.IDSPEC.exec(idTok.image)![2];
    }
    return { kind, ...base, set };
  };
}

function bundlePart(n: CstNode): BundlePart {
  const kw = tok(n, 'kw')!;
  const kind = kw.image.toLowerCase();
  const items = toks(node(n, 'attrs'), 'item').map(keyValue);
  if (kind === 'primitive') return { kind: 'primitive', id: { name: items[0]?.[0] ?? '', at: at(toks(node(n, 'attrs'), 'item')[0] ?? kw) }, at: at(kw) };
  // A bare `port-mapping` / `storage-mapping` word starts a sub-element; later pairs go into it.
  const own: Array<[string, string]> = [];
  const subs: Array<Array<[string, string]>> = [];
  for (const [k, v] of items) {
    if (k === 'port-mapping' || k === 'storage-mapping') subs.push([]);
    else if (subs.length > 0) subs[subs.length - 1].push([k, v]);
    else own.push([k, v]);
  }
  if (kind === 'network') return { kind: 'network', attrs: own, portMappings: subs, at: at(kw) };
  if (kind === 'port-mapping') return { kind: 'network', attrs: [], portMappings: [own, ...subs], at: at(kw) };
  if (kind === 'storage') return { kind: 'storage', mappings: subs, at: at(kw) };
  return { kind: 'container', engine: kind, attrs: own, at: at(kw) };
}

function permission(n: CstNode): AclPermission {
  const right = tok(n, 'right')!;
  const p: AclPermission = { kind: right.image.toLowerCase() as AclPermission['kind'], specs: [], at: at(right) };
  const idTok = tok(n, 'permId');
  if (idTok) p.id = (P.ID_ASSIGN.exec(idTok.image) ?? P.ID_NEW.exec(idTok.image))![1];
  const desc = description(n);
  if (desc !== undefined) p.description = desc;
  p.specs = toks(n, 'specs').map((t) => {
    const colon = t.image.indexOf(':');
    return colon < 0 ? { key: t.image, at: at(t) } : { key: t.image.slice(0, colon), value: t.image.slice(colon + 1), at: at(t) };
  });
  return p;
}

/** Builds the statement of a successfully parsed command rule. */
export function toAst(command: string, cst: CstNode, base: AstContext): ConfigStatement {
  const build = BUILDERS[command];
  if (!build) throw new Error(`no AST builder for ${command}`);
  return build(cst, base);
}
