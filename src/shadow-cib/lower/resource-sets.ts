/**
 * The reference lists of colocation / order / rsc_ticket (and location `{ }`) → `<resource_set>`s.
 * A run of references is cut wherever the role/action suffix changes (inside brackets too);
 * `( … )` and `[ … ]` give `sequential`/`require-all` false unless overridden.
 */
import type { RefItem, RscRef } from '../../grammar/ast.js';
import type { Element } from '../xml.js';
import { element } from './common.js';
import type { Env } from './env.js';
import { canonicalAction, parseBoolean } from './scores.js';

/** Which attribute a `rsc:<suffix>` sets on a set: `role` (colocation, ticket, location) or `action` (order). */
export type SuffixKind = 'role' | 'action';

export function buildResourceSets(env: Env, items: RefItem[], suffixKind: SuffixKind): Element[] {
  // crmsh's ResourceSet parser keeps `sequential` / `require-all` as state: an option word sets
  // it for the set being built and the following ones; an opening bracket clears `sequential`
  // (and `require-all` for `[`) but keeps an earlier `require-all=false`; a closing bracket
  // resets both.
  const state = { sequential: true, requireAll: true };
  const sets: Element[] = [];
  let run: RscRef[] = [];
  const flush = () => {
    if (run.length > 0) sets.push(makeSet(env, run, suffixKind, stateAttrs(state)));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'option') {
      const b = parseBoolean(item.value);
      if (b !== undefined) state[item.name === 'sequential' ? 'sequential' : 'requireAll'] = b;
      continue;
    }
    if (item.kind === 'set') {
      flush();
      state.sequential = false;
      if (item.bracket === '[') state.requireAll = false;
      applyOptions(state, item.options);
      // A role/action change inside the brackets starts a new set there too: `( a:start b:stop )`
      // is two sets, both with the brackets' attributes.
      for (const part of bySuffix(item.refs)) sets.push(makeSet(env, part, suffixKind, stateAttrs(state)));
      state.sequential = true;
      state.requireAll = true;
      continue;
    }
    if (run.length > 0 && (run[0]!.suffix ?? '') !== (item.suffix ?? '')) flush();
    run.push(item);
  }
  flush();
  return sets;
}

function bySuffix(refs: RscRef[]): RscRef[][] {
  const parts: RscRef[][] = [];
  for (const r of refs) {
    const last = parts[parts.length - 1];
    if (last && (last[0]!.suffix ?? '') === (r.suffix ?? '')) last.push(r);
    else parts.push([r]);
  }
  return parts;
}

function applyOptions(state: { sequential: boolean; requireAll: boolean }, options: Array<[string, string]>): void {
  for (const [name, value] of options) {
    const b = parseBoolean(value);
    if (b === undefined) continue;
    if (name === 'sequential') state.sequential = b;
    if (name === 'require-all') state.requireAll = b;
  }
}

/** crmsh writes only the false values (so `sequential=true` inside brackets leaves no trace). */
function stateAttrs(state: { sequential: boolean; requireAll: boolean }): Array<[string, string | undefined]> {
  return [
    ['require-all', state.requireAll ? undefined : 'false'],
    ['sequential', state.sequential ? undefined : 'false'],
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
