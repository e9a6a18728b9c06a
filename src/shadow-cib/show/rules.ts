/** Rules and their expressions as crmsh writes them after `rule`. */
import { childElements, type Element } from '../xml.js';
import type { RenderContext } from './context.js';
import { nvText, quoteValue, scoreOf } from './values.js';

const DATE_OP_WORD: Record<string, string> = { in_range: 'in', date_spec: 'spec' };

function dateExpressionText(el: Element): string {
  const op = el.getAttribute('operation') ?? '';
  const words = ['date', DATE_OP_WORD[op] ?? op];
  if (op.toLowerCase() === 'lt') words.push(quoteValue(el.getAttribute('end') ?? ''));
  else if (op.toLowerCase() === 'gt') words.push(quoteValue(el.getAttribute('start') ?? ''));
  else {
    if (op === 'in_range') {
      for (const name of ['start', 'end']) {
        const v = el.getAttribute(name);
        if (v !== null) words.push(nvText(name, v));
      }
    }
    for (const c of childElements(el)) {
      if (c.tagName !== 'duration' && c.tagName !== 'date_spec') continue;
      for (let i = 0; i < c.attributes.length; i++) {
        const a = c.attributes.item(i)!;
        if (a.name !== 'id') words.push(nvText(a.name, a.value));
      }
    }
  }
  return words.join(' ');
}

function expressionText(el: Element): string {
  let op = el.getAttribute('operation') ?? '';
  const type = el.getAttribute('type');
  if (type) op = `${type}:${op}`;
  const attribute = el.getAttribute('attribute') ?? '';
  const value = el.getAttribute('value');
  if (!value) return `${op} ${attribute}`;
  const source = el.getAttribute('value-source');
  if (!source || source === 'literal') return `${attribute} ${op} ${value}`;
  return `${attribute} ${op} ${source}{${value}}`;
}

/** The text after the `rule` keyword. */
export function ruleText(rule: Element, ctx?: Pick<RenderContext, 'referencedRuleIds'>): string {
  const words: string[] = [];
  const id = rule.getAttribute('id');
  if (id && ctx?.referencedRuleIds?.has(id)) words.push(nvText('$id', id));
  else {
    const idref = rule.getAttribute('id-ref');
    if (idref) return nvText('$id-ref', idref);
  }
  const role = rule.getAttribute('role');
  if (role) words.push(nvText('$role', role));
  if (rule.getAttribute('score') !== 'INFINITY') {
    const score = scoreOf(rule);
    if (score) words.push(`${score}:`);
  }
  const boolOp = rule.getAttribute('boolean-op') || 'and';
  const exprs: string[] = [];
  for (const c of childElements(rule)) {
    if (c.tagName === 'date_expression') exprs.push(dateExpressionText(c));
    else if (c.tagName === 'expression') exprs.push(expressionText(c));
  }
  words.push(exprs.join(` ${boolOp} `));
  return words.join(' ');
}
