/**
 * Inside `location … rule`: `[$role=R] [$id=X] score: expression`, an expression being
 * `attr op value`, `defined attr`, `date …`, joined by `and`/`or` (crmsh offers nothing here).
 */
import { keyOf, nodeNames, say, words, type ArgContext } from './provider.js';
import type { Candidate } from './types.js';

const BINOPS = ['eq', 'ne', 'lt', 'gt', 'lte', 'gte'];
const UNARY = ['defined', 'not_defined'];
const NODE_ATTRS = ['#uname', '#id', '#kind', '#cluster-name', '#site-name', '#role'];
const ROLES = ['Started', 'Stopped', 'Promoted', 'Unpromoted'];
const SCORES = ['inf:', '-inf:', '+inf:'];
const DATE_OPS = ['in_range', 'gt', 'lt', 'date_spec'];

export function ruleCandidates(a: ArgContext, rest: string[]): Candidate[] {
  const k = keyOf(a.partial);
  if (k === '$role') return words(ROLES.map((r) => `$role=${r}`), 'value');
  // Words before the score: `$role=…`, `$id=…`.
  let i = 0;
  while (i < rest.length && (rest[i].startsWith('$role=') || rest[i].startsWith('$id='))) i++;
  const scoreTyped = i < rest.length && /:$/.test(rest[i]) || i < rest.length && rest[i].startsWith('score-attribute=');
  if (!scoreTyped) return [...words(SCORES, 'keyword', say(a, 'TCRM8002')), ...words(['$role=', '$id=', 'score-attribute='], 'keyword')];
  const expr = rest.slice(i + 1);
  // Walk the expression: state tells what comes next.
  let want: 'operand' | 'op' | 'value' | 'bool' | 'date' = 'operand';
  let attr = '';
  for (const w of expr) {
    if (want === 'operand') {
      if (UNARY.includes(w)) want = 'operand';
      else if (w === 'date') want = 'date';
      else {
        attr = w;
        want = 'op';
      }
      // `defined attr`: the attribute ends the expression
      if (UNARY.includes(w)) {
        want = 'value';
        attr = '';
      }
    } else if (want === 'op') want = 'value';
    else if (want === 'value') want = 'bool';
    else if (want === 'bool') want = w === 'and' || w === 'or' ? 'operand' : 'bool';
    else if (want === 'date') want = 'bool';
  }
  switch (want) {
    case 'operand':
      return [...words(NODE_ATTRS, 'keyword', say(a, 'TCRM8006')), ...words(UNARY, 'keyword'), { text: 'date', kind: 'keyword' }];
    case 'op':
      return words(BINOPS, 'keyword');
    case 'value':
      if (attr === '') return words(NODE_ATTRS, 'keyword', say(a, 'TCRM8006'));
      return attr === '#uname' ? words(nodeNames(a), 'node') : [];
    case 'date':
      return words(DATE_OPS, 'keyword');
    default:
      return words(['and', 'or'], 'keyword');
  }
}
