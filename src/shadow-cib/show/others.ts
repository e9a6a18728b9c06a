/** Heads and parts of nodes, property sets, fencing_topology, ACL objects, tags and alerts. */
import { childElements, type Element } from '../xml.js';
import type { RenderContext } from './context.js';
import { attrSetText, nvpairText } from './nvsets.js';
import { ruleText } from './rules.js';
import { isBare, nvText, quoteValue } from './values.js';

export function nodeHead(el: Element, id: string): string {
  const uname = el.getAttribute('uname');
  let s = 'node';
  if (id !== uname) s += isBare(id) ? ` ${id}:` : ` $id="${id}"`;
  s += ` ${uname}`;
  const type = el.getAttribute('type');
  if (type && type !== 'normal') s += `:${type}`;
  return s;
}

const NODE_SETS: Record<string, string> = { instance_attributes: 'attributes', utilization: 'utilization' };

export function nodeChildParts(c: Element, ctx: RenderContext): string[] {
  const keyword = NODE_SETS[c.tagName];
  return keyword ? [attrSetText(c, keyword, ctx)] : [];
}

/** `property <id>:` (or `$id="…"` when the id needs quotes); same for rsc_defaults/op_defaults. */
export function propertyHead(kind: string, id: string): string {
  return isBare(id) ? `${kind} ${id}:` : `${kind} $id="${id}"`;
}

export function propertyChildParts(c: Element, ctx: RenderContext): string[] {
  if (c.tagName === 'rule') return [`rule ${ruleText(c, ctx)}`];
  if (c.tagName === 'nvpair') return [nvpairText(c, ctx)];
  return [];
}

/** The whole fencing_topology object as parts (it has no other children). */
export function fencingParts(el: Element, ctx: RenderContext): string[] {
  const levels = new Map<string, { label: string; byIndex: Map<number, string> }>();
  for (const c of childElements(el)) {
    if (c.tagName !== 'fencing-level') continue;
    let key: string;
    let label: string;
    if (c.hasAttribute('target-pattern')) {
      key = `p\0${c.getAttribute('target-pattern')}`;
      label = `pattern:${c.getAttribute('target-pattern')}`;
    } else if (c.hasAttribute('target-attribute')) {
      key = `a\0${c.getAttribute('target-attribute')}\0${c.getAttribute('target-value')}`;
      label = `attr:${c.getAttribute('target-attribute')}=${c.getAttribute('target-value')}`;
    } else {
      key = `t\0${c.getAttribute('target')}`;
      label = `${c.getAttribute('target')}:`;
    }
    if (!levels.has(key)) levels.set(key, { label, byIndex: new Map() });
    levels.get(key)!.byIndex.set(Number.parseInt(c.getAttribute('index') ?? '0', 10), c.getAttribute('devices') ?? '');
  }
  const lines = [...levels.values()].map((t) => ({
    label: t.label,
    devices: [...t.byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join(' '),
  }));
  const distinct = new Set(lines.map((l) => l.devices));
  if (distinct.size === 1 && lines.length === ctx.nodeCount) {
    return [`fencing_topology ${lines[lines.length - 1]!.devices}`];
  }
  return ['fencing_topology', ...lines.map((l) => `${l.label} ${l.devices}`)];
}

/** XPath shortcuts of ACL rules: the pieces, each `@@` standing for one name. */
const ACL_SHORTCUTS: Array<[string, string[]]> = [
  ['meta', ["//primitive\\[@id='@@'\\]/meta_attributes", "/nvpair\\[@name='@@'\\]"]],
  ['params', ["//primitive\\[@id='@@'\\]/instance_attributes", "/nvpair\\[@name='@@'\\]"]],
  ['utilization', ["//primitive\\[@id='@@'\\]/utilization"]],
  ['location', ["//rsc_location\\[@id='cli-prefer-@@' and @rsc='@@'\\]"]],
  ['property', ['//crm_config/cluster_property_set', "/nvpair\\[@name='@@'\\]"]],
  ['nodeattr', ['//nodes/node/instance_attributes', "/nvpair\\[@name='@@'\\]"]],
  ['nodeutil', ['//nodes/node/utilization', "\\[@uname='@@'\\]"]],
  ['node', ['//nodes/node', "\\[@uname='@@'\\]"]],
  ['status', ['/cib/status']],
  ['cib', ['/cib']],
];
const NAME = '([a-zA-Z_][a-zA-Z0-9_.-]*)';

function xpathShortcut(xpath: string): string | null {
  for (const [word, pieces] of ACL_SHORTCUTS) {
    const res = pieces.map((p) => p.replace(/@@/g, NAME));
    for (let i = 0; i < res.length; i++) {
      const m = new RegExp('^' + res.slice(0, i + 1).join('') + '$').exec(xpath);
      if (m) {
        const names = m.slice(1).slice(0, i + 1);
        return names.length > 0 ? `${word}:${names.join(':')}` : word;
      }
    }
  }
  return null;
}

function aclSpec(word: string, value: string): string {
  if (word === 'xpath') {
    const shortcut = xpathShortcut(value);
    if (shortcut) return shortcut;
    return `xpath:${quoteValue(value)}`;
  }
  return value ? `${word}:${value}` : word;
}

const PERMISSION_SPECS: Array<[string, string]> = [
  ['xpath', 'xpath'],
  ['reference', 'ref'],
  ['attribute', 'attr'],
  ['object-type', 'type'],
];
const OLD_RULE_SPECS = ['xpath', 'ref', 'tag', 'attribute'];

export function aclChildParts(c: Element): string[] {
  switch (c.tagName) {
    case 'read':
    case 'write':
    case 'deny': {
      const words: string[] = [c.tagName];
      for (const spec of OLD_RULE_SPECS) {
        const v = c.getAttribute(spec);
        if (v) words.push(aclSpec(spec, v));
      }
      return [words.join(' ')];
    }
    case 'role_ref':
      return [`role:${c.getAttribute('id') ?? ''}`];
    case 'role':
      return [c.getAttribute('id') ?? ''];
    case 'acl_permission': {
      const words = [c.getAttribute('kind') ?? ''];
      const desc = c.getAttribute('description');
      if (desc) words.push(nvText('description', desc));
      for (const [attr, word] of PERMISSION_SPECS) {
        if (c.hasAttribute(attr)) words.push(aclSpec(word, c.getAttribute(attr)!));
      }
      return [words.join(' ')];
    }
    default:
      return [];
  }
}

export function tagHead(el: Element): string {
  return ['tag', el.getAttribute('id') ?? '', ...childElements(el).map((c) => c.getAttribute('id') ?? '')].join(' ');
}

const ALERT_SETS: Record<string, string> = { instance_attributes: 'attributes', meta_attributes: 'meta' };

export function alertHead(el: Element): string {
  return `alert ${el.getAttribute('id') ?? ''} ${quoteValue(el.getAttribute('path') ?? '')}`;
}

/** True when a set follows the first recipient: recipients then need `{ … }` around them. */
function recipientsNeedBraces(alert: Element): boolean {
  const tags = childElements(alert)
    .map((c) => c.tagName)
    .filter((t) => t === 'recipient' || t === 'instance_attributes' || t === 'meta_attributes');
  const first = tags.indexOf('recipient');
  return first >= 0 && tags.slice(first + 1).some((t) => t !== 'recipient');
}

export function alertChildParts(c: Element, ctx: RenderContext): string[] {
  const keyword = ALERT_SETS[c.tagName];
  if (keyword) return [attrSetText(c, keyword, ctx)];
  if (c.tagName === 'select') {
    const words = ['select'];
    for (const s of childElements(c)) {
      if (!s.tagName.startsWith('select_')) continue;
      words.push(s.tagName.replace(/^[selct_]+/, ''));
      if (s.tagName === 'select_attributes') {
        words.push('{');
        for (const a of childElements(s)) if (a.tagName === 'attribute' && a.hasAttribute('name')) words.push(a.getAttribute('name')!);
        words.push('}');
      }
    }
    return [words.join(' ')];
  }
  if (c.tagName === 'recipient') {
    const braces = recipientsNeedBraces(c.parentNode as Element);
    const words = ['to'];
    if (braces) words.push('{');
    words.push(quoteValue(c.getAttribute('value') ?? ''));
    for (const s of childElements(c)) {
      const kw = ALERT_SETS[s.tagName];
      if (kw) words.push(attrSetText(s, kw, ctx));
    }
    if (braces) words.push('}');
    return [words.join(' ')];
  }
  return [];
}
