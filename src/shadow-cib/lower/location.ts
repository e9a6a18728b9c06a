/** `location` → `<rsc_location>`: node score, rules, pattern or resource set. */
import type { LocationStmt } from '../../grammar/ast.js';
import { element, ok, failed, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';
import { buildRule } from './rules.js';
import { scoreAttr } from './scores.js';
import { buildResourceSets } from './resource-sets.js';

export function lowerLocation(env: Env, stmt: LocationStmt): Lowered {
  const rsc = stmt.rsc;
  const [before, after] = splitOptions(stmt);
  // crmsh stores `role=` of a location as typed (no case folding); only the exact words
  // Promoted/Unpromoted (old schema) or Master/Slave (OCF 1.1 support on) are translated.
  const option = ([name, value]: [string, string]): [string, string] =>
    name === 'role' || name === 'target-role' ? [name, env.roles.translate(value)] : [name, value];
  const attrs: Array<[string, string | undefined]> = [
    ['id', stmt.id.name],
    ['rsc', rsc.kind === 'id' ? rsc.name : undefined],
    ['rsc-pattern', rsc.kind === 'pattern' ? rsc.pattern : undefined],
    ...before.map(option),
  ];
  if (stmt.score !== undefined) attrs.push(scoreAttr(stmt.score));
  if (stmt.node) attrs.push(['node', stmt.node.name]);
  attrs.push(...after.map(option));
  const el = element(env.doc, 'rsc_location', attrs);
  if (rsc.kind === 'set') {
    const items = rsc.items ?? [{ kind: 'set', bracket: '(', refs: rsc.refs, options: [['sequential', 'true'], ['require-all', 'true']], at: rsc.at }];
    for (const s of buildResourceSets(env, items, 'role')) {
      el.appendChild(s);
    }
  }
  for (const r of stmt.rules) el.appendChild(buildRule(env, r));
  const errors = creationErrors(env, 'location', stmt.id.name, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}

/**
 * Options written after the node (`10: n1 role=Started`, the old placement) stay after `node`
 * in the XML. The AST keeps them in one list, so the placement is read back from the text.
 */
function splitOptions(stmt: LocationStmt): [Array<[string, string]>, Array<[string, string]>] {
  if (!stmt.node || stmt.options.length === 0) return [stmt.options, []];
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const scoreThenNode = new RegExp(`(^|\\s)${esc(stmt.score ?? '')}:\\s*${esc(stmt.node.name)}(?=\\s|$)`).exec(stmt.text);
  const tail = scoreThenNode ? stmt.text.slice(scoreThenNode.index + scoreThenNode[0].length) : '';
  const before: Array<[string, string]> = [];
  const after: Array<[string, string]> = [];
  for (const o of stmt.options) {
    const written = new RegExp(`(^|\\s)\\$?${esc(o[0])}=`);
    (written.test(tail) ? after : before).push(o);
  }
  return [before, after];
}
