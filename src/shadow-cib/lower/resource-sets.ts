/**
 * The reference lists of colocation / order / rsc_ticket (and location `{ }`) → `<resource_set>`s.
 * A run of plain references is cut wherever the role/action suffix changes; `( … )` and
 * `[ … ]` become one set each with `sequential`/`require-all` false unless overridden.
 */
import type { RefItem, RscRef } from '../../grammar/ast.js';
import type { Element } from '../xml.js';
import { element } from './common.js';
import type { Env } from './env.js';
import { canonicalAction, parseBoolean } from './scores.js';

/** Which attribute a `rsc:<suffix>` sets on a set: `role` (colocation, ticket, location) or `action` (order). */
export type SuffixKind = 'role' | 'action';

export function buildResourceSets(env: Env, items: RefItem[], suffixKind: SuffixKind): Element[] {
  const sets: Element[] = [];
  let run: RscRef[] = [];
  const flush = () => {
    if (run.length > 0) sets.push(makeSet(env, run, suffixKind, []));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'set') {
      flush();
      sets.push(makeSet(env, item.refs, suffixKind, bracketAttrs(item.bracket, item.options)));
      continue;
    }
    if (run.length > 0 && (run[0]!.suffix ?? '') !== (item.suffix ?? '')) flush();
    run.push(item);
  }
  flush();
  return sets;
}

function bracketAttrs(bracket: '(' | '[', options: Array<[string, string]>): Array<[string, string | undefined]> {
  let sequential = false;
  let requireAll = bracket === '(';
  for (const [name, value] of options) {
    const b = parseBoolean(value);
    if (b === undefined) continue;
    if (name === 'sequential') sequential = b;
    if (name === 'require-all') requireAll = b;
  }
  return [
    ['require-all', requireAll ? undefined : 'false'],
    ['sequential', sequential ? undefined : 'false'],
  ];
}

function makeSet(env: Env, refs: RscRef[], suffixKind: SuffixKind, attrs: Array<[string, string | undefined]>): Element {
  // Every member's suffix is translated (crmsh warns once per reference); the set carries the first.
  const values = refs.map((r) => (r.suffix === undefined ? undefined : suffixValue(env, r.suffix, suffixKind)));
  const suffixAttr: [string, string | undefined] = [suffixKind, values[0]];
  const set = element(env.doc, 'resource_set', attrs.length > 0 ? [...attrs, suffixAttr] : [suffixAttr]);
  for (const r of refs) set.appendChild(element(env.doc, 'resource_ref', [['id', r.name]]));
  return set;
}

export function suffixValue(env: Env, suffix: string, kind: SuffixKind): string {
  return kind === 'action' ? canonicalAction(suffix) ?? suffix : env.roles.convert(suffix);
}
