/** `node` → `<node>`; an existing node (matched by uname) gets the new attributes merged in. */
import type { NodeStmt } from '../../grammar/ast.js';
import { nodeElements } from '../cib-query.js';
import { assignIds } from '../ids.js';
import { childElements } from '../xml.js';
import { element, ok, type Lowered } from './common.js';
import type { Env } from './env.js';
import { buildAttrSet } from './attr-sets.js';
import { insertObject } from './objects.js';
import { mergeNvpairs } from './nvpair-merge.js';

export function lowerNode(env: Env, stmt: NodeStmt): Lowered {
  const uname = stmt.uname.name;
  const el = element(env.doc, 'node', [
    ['id', stmt.nodeId],
    ['uname', uname],
    ['type', stmt.type], // as typed: crmsh does not fold the case
    ['description', stmt.description],
  ]);
  for (const set of stmt.sets) el.appendChild(buildAttrSet(env, set));
  // crmsh's node object id is the explicit id, else the uname: an explicit id that is new
  // creates another node even when the uname is taken.
  const existing = nodeElements(env.doc).find((n) =>
    stmt.nodeId !== undefined ? n.getAttribute('id') === stmt.nodeId : n.getAttribute('uname') === uname || n.getAttribute('id') === uname,
  );
  if (!existing) {
    insertObject(env, el);
    return ok(env.diags);
  }
  // crmsh names the new sets as if they were added (so `-0` suffixes are used up), then merges.
  assignIds(el, env.ctx.ids, uname);
  for (const set of childElements(el)) {
    const target = childElements(existing).find((c) => c.tagName === set.tagName);
    if (target) mergeNvpairs(target, set);
    else existing.appendChild(set);
  }
  env.ctx.changed.add(existing.getAttribute('id') ?? uname);
  return ok(env.diags);
}
