/** `alert` → `<alert>` with sets, `<select>` and numbered `<recipient>`s. */
import type { AlertStmt } from '../../grammar/ast.js';
import { element, failed, ok, type Lowered } from './common.js';
import type { Env } from './env.js';
import { buildAttrSet } from './attr-sets.js';
import { creationErrors, insertObject } from './objects.js';

export function lowerAlert(env: Env, stmt: AlertStmt): Lowered {
  const id = stmt.id.name;
  const el = element(env.doc, 'alert', [['id', id], ['path', stmt.path], ['description', stmt.description]]);
  for (const set of stmt.sets) el.appendChild(buildAttrSet(env, set));
  // A `select` with nothing after it writes no element (crmsh drops the empty <select>).
  if (stmt.select && stmt.select.kinds.length > 0) {
    const select = element(env.doc, 'select');
    for (const kind of stmt.select.kinds) {
      const sel = element(env.doc, `select_${kind}`);
      if (kind === 'attributes') {
        for (const name of stmt.select.attributes ?? []) sel.appendChild(element(env.doc, 'attribute', [['name', name]]));
      }
      select.appendChild(sel);
    }
    el.appendChild(select);
  }
  stmt.recipients.forEach((r, i) => {
    // Recipients are numbered per alert, not deduplicated like other generated ids.
    const rcpt = element(env.doc, 'recipient', [['id', `${id}-recipient-${i + 1}`], ['value', r.path], ['description', r.description]]);
    for (const set of r.sets) rcpt.appendChild(buildAttrSet(env, set));
    el.appendChild(rcpt);
  });
  const errors = creationErrors(env, 'alert', id, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}
