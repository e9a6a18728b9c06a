/** Heads and parts of location, colocation, order and rsc_ticket constraints. */
import { childElements, type Element } from '../xml.js';
import { ruleText } from './rules.js';
import type { RenderContext } from './context.js';
import { nvText, scoreOf } from './values.js';

function isFalse(v: string | null): boolean | null {
  if (v === null) return null;
  return !['yes', 'true', 'on', '1'].includes(v.toLowerCase());
}

/**
 * The reference list of a constraint with resource sets: plain runs, `( … )` for
 * sequential=false, `[ … ]` for require-all=false, and the `_rsc_set_` marker in front when
 * the list would otherwise read back as the simple (set-less) form.
 */
export function resourceSetWords(el: Element, kind: string): string[] {
  const words: string[] = [];
  let count = 0;
  let sequentialFalse: boolean | null = null;
  let requireAllFalse: boolean | null = null;
  const sets = childElements(el).filter((c) => c.tagName === 'resource_set');
  const suffixOf = (set: Element) => (kind === 'order' ? set.getAttribute('action') : set.getAttribute('role')) ?? '';
  const isPlain = (set: Element | undefined) =>
    set !== undefined && isFalse(set.getAttribute('sequential')) !== true && isFalse(set.getAttribute('require-all')) !== true;
  sets.forEach((set, i) => {
    sequentialFalse = isFalse(set.getAttribute('sequential'));
    requireAllFalse = isFalse(set.getAttribute('require-all'));
    // Two plain sets in a row would read back as one: crmsh 4.4.1 then prints raw XML (its
    // `( a b sequential=yes ) c`); tcrm brackets the set the way it can be written.
    const adjacentPlain = (other: Element | undefined) => isPlain(other) && suffixOf(other!) === suffixOf(set);
    const bracketed = isPlain(set) && adjacentPlain(sets[i + 1]);
    if (requireAllFalse === true) words.push('[');
    else if (sequentialFalse === true || bracketed) words.push('(');
    const suffix = kind === 'order' ? set.getAttribute('action') : set.getAttribute('role');
    for (const ref of childElements(set)) {
      if (ref.tagName !== 'resource_ref') continue;
      const id = ref.getAttribute('id') ?? '';
      words.push(suffix ? `${id}:${suffix}` : id);
      count++;
    }
    if (requireAllFalse === true) {
      if (sequentialFalse !== true) words.push(nvText('sequential', 'true'));
      words.push(']');
    } else if (bracketed) {
      words.push(nvText('sequential', 'true'), ')');
    } else if (sequentialFalse === true) {
      words.push(')');
    }
  });
  // crmsh looks at the last set only to decide whether the list is "plain".
  const plain = sequentialFalse !== true && requireAllFalse !== true;
  const ticket = kind === 'rsc_ticket';
  if (kind !== 'location' && ((plain && !ticket && count <= 2) || (ticket && count <= 1))) {
    words.unshift('_rsc_set_');
  }
  return words;
}

function withSuffix(el: Element, attr: string, suffixAttr: string): string {
  const rsc = el.getAttribute(attr) ?? '';
  const suffix = el.getAttribute(`${attr}-${suffixAttr}`) || el.getAttribute(`${attr}-instance`);
  return suffix ? `${rsc}:${suffix}` : rsc;
}

function hasSets(el: Element): boolean {
  return childElements(el).some((c) => c.tagName === 'resource_set');
}

export function locationHead(el: Element): string | null {
  let rsc: string;
  if (el.hasAttribute('rsc')) rsc = el.getAttribute('rsc')!;
  else if (el.hasAttribute('rsc-pattern')) rsc = `/${el.getAttribute('rsc-pattern')}/`;
  else if (hasSets(el)) rsc = `{ ${resourceSetWords(el, 'location').join(' ')} }`;
  else return null;
  let s = `location ${el.getAttribute('id') ?? ''} ${rsc}`;
  for (const attr of ['role', 'resource-discovery']) {
    const v = el.getAttribute(attr);
    if (v !== null) s += ` ${attr}=${v}`;
  }
  const node = el.getAttribute('node');
  if (node !== null) s += ` ${scoreOf(el)}: ${node}`;
  return s;
}

export function locationChildParts(c: Element, ctx: RenderContext): string[] {
  return c.tagName === 'rule' ? [`rule ${ruleText(c, ctx)}`] : [];
}

/** colocation and order: `<kind> <id> [<score|kind>:] <refs> [symmetrical=|node-attribute=]`. */
export function simpleConstraintHead(el: Element, kind: string): string {
  const score = scoreOf(el) || (el.getAttribute('kind') ?? '');
  let refs: string[];
  if (hasSets(el)) refs = resourceSetWords(el, kind);
  else if (kind === 'colocation') refs = [withSuffix(el, 'rsc', 'role'), withSuffix(el, 'with-rsc', 'role')];
  else refs = [withSuffix(el, 'first', 'action'), withSuffix(el, 'then', 'action')];
  if (kind === 'order') {
    const symm = el.getAttribute('symmetrical');
    if (symm) refs.push(`symmetrical=${symm}`);
  } else {
    const attr = el.getAttribute('node-attribute');
    if (attr) refs.push(`node-attribute=${attr}`);
  }
  let s = `${kind} ${el.getAttribute('id') ?? ''} `;
  if (score !== '') s += `${score}: `;
  return s + refs.join(' ');
}

export function ticketHead(el: Element): string {
  const refs = hasSets(el) ? resourceSetWords(el, 'rsc_ticket') : [withSuffix(el, 'rsc', 'role')];
  const loss = el.getAttribute('loss-policy');
  if (loss) refs.push(`loss-policy=${loss}`);
  return `rsc_ticket ${el.getAttribute('id') ?? ''} ${el.getAttribute('ticket') ?? ''}: ${refs.join(' ')}`;
}
