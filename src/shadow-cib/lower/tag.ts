/** `tag` → `<tag>` with one `<obj_ref>` per member. */
import type { TagStmt } from '../../grammar/ast.js';
import { element, failed, ok, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';

export function lowerTag(env: Env, stmt: TagStmt): Lowered {
  const refs = stmt.refs.map((r) => element(env.doc, 'obj_ref', [['id', r.name]]));
  const el = element(env.doc, 'tag', [['id', stmt.id.name]], refs);
  const errors = creationErrors(env, 'tag', stmt.id.name, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}
