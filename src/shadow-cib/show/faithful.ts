/**
 * Our round-trip criterion: can the text form of an object be read back into the same XML?
 * crmsh decides by printing, re-parsing and comparing; we decide from the XML's shape: every
 * attribute and child must be one the text form carries, values printed unquoted must stay one
 * word, and the few constructs the parser reads differently (one-member sets, adjacent plain
 * sets, non-canonical booleans, non-ASCII text, nested comments) fall back to `xml`.
 */
import { COMMENT_NODE, ELEMENT_NODE, attributesOf, childElements, type Element } from '../xml.js';
import { OP_ATTRIBUTES } from '../../cib-names.js';
import { DATE_SPEC_NAMES } from '../../grammar/configure-patterns.js';
import type { RenderContext } from './context.js';

interface Shape {
  /** Allowed attributes; `*` allows any. */
  attrs: string[];
  children?: Record<string, Shape>;
}

const ANY: Shape = { attrs: ['*'] };
const NVPAIR: Shape = { attrs: ['id', 'name', 'value', 'id-ref'] };
const EXPRESSION: Shape = { attrs: ['id', 'attribute', 'operation', 'value', 'type', 'value-source'] };
// Only the names crmsh's parser takes after `date spec`/`date in` (its own `yearsdays`
// spelling included): a date_spec or duration with `yeardays`, `days`, `minutes` or `seconds`
// prints, but crmsh cannot read the line back, so it shows the rule as XML.
const DATE_FIELDS = ['id', ...DATE_SPEC_NAMES];
const DATE_EXPRESSION: Shape = {
  attrs: ['id', 'operation', 'start', 'end'],
  children: { duration: { attrs: DATE_FIELDS }, date_spec: { attrs: DATE_FIELDS } },
};
const RULE: Shape = {
  attrs: ['id', 'id-ref', 'score', 'score-attribute', 'boolean-op', 'role'],
  children: { expression: EXPRESSION, date_expression: DATE_EXPRESSION },
};
const NVSET: Shape = { attrs: ['id', 'id-ref', 'score'], children: { nvpair: NVPAIR, rule: RULE } };
const OP_ATTRS: string[] = [...OP_ATTRIBUTES];
const OPERATIONS: Shape = {
  attrs: ['id', 'id-ref'],
  children: { op: { attrs: OP_ATTRS, children: { instance_attributes: NVSET, meta_attributes: NVSET } } },
};
const RESOURCE_SETS: Shape = {
  attrs: ['id', 'sequential', 'require-all', 'role', 'action'],
  children: { resource_ref: { attrs: ['id'] } },
};
const PROPERTY: Shape = { attrs: ['id'], children: { nvpair: NVPAIR, rule: RULE } };
const OLD_ACL_RULE: Shape = { attrs: ['id', 'xpath', 'ref', 'tag', 'attribute'] };

const SHAPES: Record<string, Shape> = {
  node: { attrs: ['id', 'uname', 'type', 'description'], children: { instance_attributes: NVSET, utilization: NVSET } },
  primitive: {
    attrs: ['id', 'class', 'provider', 'type', 'template', 'description'],
    children: { instance_attributes: NVSET, meta_attributes: NVSET, utilization: NVSET, operations: OPERATIONS },
  },
  rsc_template: {
    attrs: ['id', 'class', 'provider', 'type', 'description'],
    children: { instance_attributes: NVSET, meta_attributes: NVSET, utilization: NVSET, operations: OPERATIONS },
  },
  // Child resources are objects of their own and are judged separately.
  group: { attrs: ['id', 'description'], children: { instance_attributes: NVSET, meta_attributes: NVSET, primitive: ANY } },
  clone: { attrs: ['id', 'description'], children: { instance_attributes: NVSET, meta_attributes: NVSET, primitive: ANY, group: ANY } },
  ms: { attrs: ['id', 'description'], children: { instance_attributes: NVSET, meta_attributes: NVSET, primitive: ANY, group: ANY } },
  bundle: {
    attrs: ['id', 'description'],
    children: {
      docker: ANY,
      network: { attrs: ['*'], children: { 'port-mapping': ANY } },
      storage: { attrs: [], children: { 'storage-mapping': ANY } },
      primitive: ANY,
      meta_attributes: NVSET,
      instance_attributes: NVSET,
    },
  },
  location: {
    attrs: ['id', 'rsc', 'rsc-pattern', 'role', 'resource-discovery', 'score', 'score-attribute', 'node'],
    children: { rule: RULE, resource_set: RESOURCE_SETS },
  },
  colocation: {
    attrs: ['id', 'score', 'rsc', 'with-rsc', 'rsc-role', 'with-rsc-role', 'rsc-instance', 'with-rsc-instance', 'node-attribute'],
    children: { resource_set: RESOURCE_SETS },
  },
  order: {
    attrs: ['id', 'kind', 'first', 'then', 'first-action', 'then-action', 'first-instance', 'then-instance', 'symmetrical'],
    children: { resource_set: RESOURCE_SETS },
  },
  rsc_ticket: { attrs: ['id', 'ticket', 'loss-policy', 'rsc', 'rsc-role'], children: { resource_set: RESOURCE_SETS } },
  property: PROPERTY,
  rsc_defaults: PROPERTY,
  op_defaults: PROPERTY,
  fencing_topology: {
    attrs: [],
    children: { 'fencing-level': { attrs: ['id', 'target', 'target-pattern', 'target-attribute', 'target-value', 'index', 'devices'] } },
  },
  role: {
    attrs: ['id', 'description'],
    children: {
      acl_permission: { attrs: ['id', 'kind', 'description', 'xpath', 'reference', 'attribute', 'object-type'] },
      read: OLD_ACL_RULE,
      write: OLD_ACL_RULE,
      deny: OLD_ACL_RULE,
    },
  },
  acl_target: { attrs: ['id'], children: { role: { attrs: ['id'] } } },
  acl_group: { attrs: ['id'], children: { role: { attrs: ['id'] } } },
  user: { attrs: ['id'], children: { role_ref: { attrs: ['id'] }, role: { attrs: ['id'] }, read: OLD_ACL_RULE, write: OLD_ACL_RULE, deny: OLD_ACL_RULE } },
  tag: { attrs: ['id'], children: { obj_ref: { attrs: ['id'] } } },
  alert: {
    attrs: ['id', 'path', 'description'],
    children: {
      meta_attributes: NVSET,
      instance_attributes: NVSET,
      select: {
        attrs: [],
        children: {
          select_nodes: { attrs: [] },
          select_fencing: { attrs: [] },
          select_resources: { attrs: [] },
          select_attributes: { attrs: [], children: { attribute: { attrs: ['id', 'name'] } } },
        },
      },
      recipient: { attrs: ['id', 'value'], children: { meta_attributes: NVSET, instance_attributes: NVSET } },
    },
  },
};

/** Attributes the text form quotes when needed; any other value must be one plain word. */
function isQuoted(el: Element, attr: string): boolean {
  if (attr === 'description') return true;
  switch (el.tagName) {
    case 'node':
      return attr === 'id';
    case 'nvpair':
      return attr === 'value';
    case 'op':
    case 'docker':
    case 'network':
    case 'port-mapping':
    case 'storage-mapping':
    case 'duration':
    case 'date_spec':
      return true;
    case 'date_expression':
      return attr === 'start' || attr === 'end';
    case 'alert':
      return attr === 'path';
    case 'recipient':
      return attr === 'value';
    case 'acl_permission':
      return attr === 'xpath';
    default:
      return false;
  }
}

const PLAIN_WORD = /^[^\s"'\\]+$/;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

function fitsShape(el: Element, shape: Shape, top: boolean): boolean {
  for (const [name, value] of attributesOf(el)) {
    if (!shape.attrs.includes('*') && !shape.attrs.includes(name)) return false;
    if (!ASCII_PRINTABLE.test(value)) return false;
    if (!isQuoted(el, name) && !PLAIN_WORD.test(value)) return false;
  }
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === COMMENT_NODE) {
      if (!top) return false;
      continue;
    }
    if (c.nodeType !== ELEMENT_NODE) continue;
    const child = c as Element;
    const childShape = shape.children?.[child.tagName];
    if (!childShape) return false;
    if (childShape !== ANY && !fitsShape(child, childShape, false)) return false;
  }
  return true;
}

function descendants(el: Element, tag: string): Element[] {
  return Array.from(el.getElementsByTagName(tag));
}

const CANONICAL_BOOL = new Set(['true', 'false']);

function setsReadBack(el: Element, kind: string): boolean {
  const sets = childElements(el).filter((c) => c.tagName === 'resource_set');
  if (sets.length === 0) return true;
  let refs = 0;
  for (const set of sets) {
    const n = childElements(set).filter((c) => c.tagName === 'resource_ref').length;
    if (n === 0) return false;
    refs += n;
    for (const attr of ['sequential', 'require-all']) {
      const v = set.getAttribute(attr);
      if (v !== null && !CANONICAL_BOOL.has(v)) return false;
    }
    if (kind === 'order' ? set.hasAttribute('role') : set.hasAttribute('action')) return false;
  }
  if ((kind === 'order' || kind === 'colocation') && refs < 2) return false;
  return true;
}

/**
 * The text groups levels by target (`attr:rack=1` and `attr:rack=2` apart), in index order;
 * reading it back numbers them with one counter per node name, pattern or attribute name. The
 * levels must come out with the same indexes (in any order, as crmsh compares them).
 */
function fencingReadsBack(el: Element, ctx: RenderContext): boolean {
  const groups = new Map<string, { counterKey: string; isNode: boolean; byIndex: Map<number, string> }>();
  const original: string[] = [];
  for (const lvl of childElements(el)) {
    const rawIndex = lvl.getAttribute('index') ?? '';
    const index = Number.parseInt(rawIndex, 10);
    if (!Number.isInteger(index) || String(index) !== rawIndex) return false;
    const pattern = lvl.getAttribute('target-pattern');
    const attribute = lvl.getAttribute('target-attribute');
    const target = lvl.getAttribute('target');
    const key = `${target}\0${pattern}\0${attribute}\0${lvl.getAttribute('target-value')}`;
    const counterKey = pattern ?? attribute ?? target ?? '';
    if (!groups.has(key)) groups.set(key, { counterKey, isNode: pattern === null && attribute === null, byIndex: new Map() });
    const devices = lvl.getAttribute('devices') ?? '';
    groups.get(key)!.byIndex.set(index, devices);
    original.push(`${key}\0${index}\0${devices}`);
  }
  const texts = new Set([...groups.values()].map((g) => [...g.byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join(' ')));
  // The one-line form stands for "every node": it reads back only when the targets are the nodes.
  if (texts.size === 1 && groups.size === ctx.nodeCount && ![...groups.values()].every((g) => g.isNode)) return false;
  const counters = new Map<string, number>();
  const readBack: string[] = [];
  for (const [key, g] of groups) {
    for (const [, devices] of [...g.byIndex.entries()].sort((a, b) => a[0] - b[0])) {
      const index = counters.get(g.counterKey) ?? 1;
      counters.set(g.counterKey, index + 1);
      readBack.push(`${key}\0${index}\0${devices}`);
    }
  }
  return original.sort().join('\n') === readBack.sort().join('\n');
}

/**
 * An `<operations>` with neither ops nor an id prints as nothing at all, so reading the text back
 * loses it (crmsh then shows the primitive as XML); with an id it prints `operations $id=…`.
 */
function operationsReadBack(el: Element): boolean {
  return childElements(el).every(
    (c) => c.tagName !== 'operations' || c.hasAttribute('id') || c.hasAttribute('id-ref') || childElements(c).length > 0,
  );
}

const NODE_TYPES = new Set(['normal', 'member', 'ping', 'remote']);

function kindSpecificReadsBack(kind: string, el: Element, ctx: RenderContext): boolean {
  switch (kind) {
    case 'node': {
      if (!el.getAttribute('uname')) return false;
      const type = el.getAttribute('type');
      if (type !== null && !NODE_TYPES.has(type.toLowerCase())) return false;
      // Without a schema crmsh cannot tell that `type` is optional and adds type="normal".
      if (!ctx.schemaKnown && type === null) return false;
      return true;
    }
    case 'primitive':
      if (!operationsReadBack(el)) return false;
      return el.hasAttribute('template') ? !el.hasAttribute('type') && !el.hasAttribute('class') : el.hasAttribute('type');
    case 'rsc_template':
      return operationsReadBack(el) && el.hasAttribute('type');
    case 'clone':
    case 'ms':
      return childElements(el).filter((c) => c.tagName === 'primitive' || c.tagName === 'group').length === 1;
    case 'location': {
      const rules = childElements(el).filter((c) => c.tagName === 'rule').length;
      const hasNode = el.hasAttribute('node');
      const hasScore = el.hasAttribute('score') || el.hasAttribute('score-attribute');
      if (hasNode ? !hasScore || rules > 0 : rules === 0) return false;
      if (!el.hasAttribute('rsc') && !el.hasAttribute('rsc-pattern') && !childElements(el).some((c) => c.tagName === 'resource_set')) return false;
      return setsReadBack(el, kind);
    }
    case 'colocation':
    case 'order':
    case 'rsc_ticket': {
      const hasSets = childElements(el).some((c) => c.tagName === 'resource_set');
      if (kind === 'order') {
        const symm = el.getAttribute('symmetrical');
        if (symm !== null && !CANONICAL_BOOL.has(symm)) return false;
      }
      if (!hasSets) {
        const need = kind === 'colocation' ? ['rsc', 'with-rsc'] : kind === 'order' ? ['first', 'then'] : ['rsc'];
        if (!need.every((a) => el.hasAttribute(a))) return false;
      }
      return setsReadBack(el, kind);
    }
    case 'fencing_topology':
      return fencingReadsBack(el, ctx);
    case 'alert': {
      // Reading `to <path>` back names the n-th recipient `<alert>-recipient-<n>`; any other
      // recipient id would be lost, so crmsh shows the alert as XML.
      const id = el.getAttribute('id') ?? '';
      const recipients = childElements(el).filter((c) => c.tagName === 'recipient');
      return recipients.every((r, i) => r.getAttribute('id') === `${id}-recipient-${i + 1}`);
    }
    default:
      return true;
  }
}

function expressionsReadBack(el: Element): boolean {
  for (const e of descendants(el, 'expression')) {
    const value = e.getAttribute('value');
    if (value === '') return false;
    if (!e.getAttribute('attribute') || !e.getAttribute('operation')) return false;
    if (e.getAttribute('value-source') === 'literal') return false;
  }
  for (const d of descendants(el, 'date_expression')) {
    const op = d.getAttribute('operation');
    if (op === 'in_range' && !d.hasAttribute('start')) return false;
  }
  for (const r of descendants(el, 'rule')) {
    if (r.hasAttribute('id-ref')) continue;
    const exprs = childElements(r).filter((c) => c.tagName === 'expression' || c.tagName === 'date_expression').length;
    if (exprs === 0) return false;
    // The operator is only written between expressions: a lone one reads back without it.
    if (r.hasAttribute('boolean-op') && exprs < 2) return false;
  }
  for (const nv of descendants(el, 'nvpair')) {
    const name = nv.getAttribute('name');
    if (name === null ? !nv.hasAttribute('id-ref') : name === '' || name.includes('=')) return false;
  }
  return true;
}

/**
 * crmsh's attribute lists read rules before name/value pairs: a rule after a pair (as crmsh's
 * own `property rule …` on an existing set leaves it) does not read back. crmsh finds that out
 * only when it loads the CIB, so an object changed in this session still shows as text.
 */
function ruleOrderReadsBack(el: Element, ctx: RenderContext): boolean {
  if (ctx.changedIds?.has(el.getAttribute('id') ?? '')) return true;
  for (const rule of descendants(el, 'rule')) {
    for (let p = rule.previousSibling; p; p = p.previousSibling) {
      if (p.nodeType === ELEMENT_NODE && (p as Element).tagName === 'nvpair') return false;
    }
  }
  return true;
}

/** True when the object's text form reads back as the same XML. */
export function isFaithful(kind: string, el: Element, ctx: RenderContext): boolean {
  const shape = SHAPES[kind];
  if (!shape) return false;
  return fitsShape(el, shape, true) && kindSpecificReadsBack(kind, el, ctx) && expressionsReadBack(el) && ruleOrderReadsBack(el, ctx);
}
