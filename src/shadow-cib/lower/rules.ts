/** `rule …` definitions → `<rule>` with `<expression>` / `<date_expression>` children. */
import type { Expr, Rule } from '../../grammar/ast.js';
import type { Element } from '../xml.js';
import { noteReference } from './attr-sets.js';
import { element } from './common.js';
import type { Env } from './env.js';
import { scoreAttr } from './scores.js';

export function buildRule(env: Env, rule: Rule): Element {
  if (rule.idRef !== undefined) {
    noteReference(env, rule.idRef, 4);
    return element(env.doc, 'rule', [['id-ref', rule.idRef]]);
  }
  const [scoreName, scoreValue] = scoreAttr(rule.score ?? 'INFINITY');
  const el = element(env.doc, 'rule', [
    ['id', rule.id],
    // A rule's role is stored as typed (only the schema translation applies).
    ['role', rule.role !== undefined ? env.roles.translate(rule.role) : undefined],
    [scoreName, scoreValue],
    ['boolean-op', rule.boolOp === 'or' ? 'or' : undefined],
  ]);
  for (const e of rule.exprs) el.appendChild(buildExpr(env, e));
  return el;
}

function buildExpr(env: Env, e: Expr): Element {
  const doc = env.doc;
  if (e.kind === 'unary') return element(doc, 'expression', [['operation', e.op], ['attribute', e.attr]]);
  if (e.kind === 'binary') {
    return element(doc, 'expression', [
      ['operation', e.op],
      ['attribute', e.attr],
      ['type', e.type],
      ['value', e.value],
      ['value-source', e.valueSource],
    ]);
  }
  switch (e.op) {
    case 'lt':
      return element(doc, 'date_expression', [['operation', 'lt'], ['end', e.end ?? e.start]]);
    case 'gt':
      return element(doc, 'date_expression', [['operation', 'gt'], ['start', e.start ?? e.end]]);
    case 'in':
    case 'in_range': {
      const el = element(doc, 'date_expression', [['operation', 'in_range'], ['start', e.start], ['end', e.end]]);
      if (e.duration.length > 0) el.appendChild(element(doc, 'duration', e.duration));
      return el;
    }
    default: {
      const el = element(doc, 'date_expression', [['operation', 'date_spec']]);
      el.appendChild(element(doc, 'date_spec', e.spec));
      return el;
    }
  }
}
