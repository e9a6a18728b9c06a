/** Attribute sets (`params`, `meta`, `utilization`, node `attributes`, …) as one part. */
import { attributesOf, childElements, type Element } from '../xml.js';
import type { RenderContext } from './context.js';
import { ruleText } from './rules.js';
import { nvText } from './values.js';

/** One nvpair: `name=value`, `@ref`, `@ref:name`, or a bare name. */
export function nvpairText(nv: Element, ctx: RenderContext): string {
  const idref = nv.getAttribute('id-ref');
  const name = nv.getAttribute('name');
  if (idref !== null) return name !== null ? `@${idref}:${name}` : `@${idref}`;
  const value = ctx.obscure(name, nv.getAttribute('value'));
  return nvText(name ?? '', value);
}

/**
 * `<keyword> [$id-ref=..] [<score>:] {rule ..} {nvpair}`; bundle parts (docker, network,
 * storage, primitive) use the same writer with their own attributes and mapping children.
 */
export function attrSetText(set: Element, keyword: string, ctx: RenderContext): string {
  const words: string[] = [keyword];
  const idref = set.getAttribute('id-ref');
  if (idref !== null) words.push(nvText('$id-ref', idref));
  if (set.tagName === 'docker' || set.tagName === 'network') {
    for (const [n, v] of attributesOf(set)) words.push(nvText(n, v));
  }
  if (set.tagName === 'primitive') words.push(set.getAttribute('id') ?? '');
  for (const mapping of ['port-mapping', 'storage-mapping']) {
    for (const c of childElements(set)) {
      if (c.tagName !== mapping) continue;
      words.push(mapping);
      for (const [n, v] of attributesOf(c)) words.push(nvText(n, v));
    }
  }
  const score = set.getAttribute('score');
  if (score) words.push(`${score}:`);
  for (const c of childElements(set)) if (c.tagName === 'rule') words.push(`rule ${ruleText(c, ctx)}`);
  for (const c of childElements(set)) if (c.tagName === 'nvpair') words.push(nvpairText(c, ctx));
  return words.join(' ');
}
