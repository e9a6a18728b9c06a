/** `monitor rsc[:role] interval[:timeout]` → one more `<op name="monitor">` on a primitive. */
import type { MonitorStmt } from '../../grammar/ast.js';
import { findObject } from '../cib-query.js';
import { assignIds } from '../ids.js';
import { childElements, firstChild } from '../xml.js';
import { crmError, element, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';

export function lowerMonitor(env: Env, stmt: MonitorStmt): Lowered {
  const rsc = findObject(env.doc, stmt.rsc.name);
  if (!rsc) return failed([crmError(`object ${stmt.rsc.name} does not exist`, stmt.rsc.at)]);
  if (rsc.tagName !== 'primitive') return failed([crmError(`${stmt.rsc.name} is not a primitive`, stmt.rsc.at)]);
  if (stmt.role !== undefined && env.roles.usesOldRoleNames && /^(promoted|unpromoted)$/i.test(stmt.role)) {
    const msg = `Invalid role '${stmt.role}' for resource '${stmt.rsc.name}' near <${stmt.interval}${stmt.timeout ? ':' + stmt.timeout : ''}>`;
    return failed([syntaxError('monitor', msg, stmt.text, stmt.at)]);
  }
  let ops = firstChild(rsc, 'operations');
  const clash = ops
    ? childElements(ops).some(
        (op) => op.getAttribute('name') === 'monitor' && sameInterval(op.getAttribute('interval') ?? '0', stmt.interval),
      )
    : false;
  if (clash) {
    return failed([crmError(`${stmt.rsc.name} already has a monitor op with interval ${stmt.interval}`, stmt.at)]);
  }
  const op = element(env.doc, 'op', [
    ['name', 'monitor'],
    ['role', stmt.role !== undefined ? env.roles.convert(stmt.role) : undefined],
    ['interval', stmt.interval],
    ['timeout', stmt.timeout],
  ]);
  if (!ops) {
    ops = element(env.doc, 'operations');
    rsc.appendChild(ops);
  }
  ops.appendChild(op);
  assignIds(op, env.ctx.ids, rsc.getAttribute('id')!);
  env.ctx.changed.add(stmt.rsc.name);
  return ok(env.diags);
}

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600, ms: 0.001, msec: 0.001, us: 1e-6, usec: 1e-6 };

/** Intervals compare by duration (`60s` = `1m`), falling back to the text. */
function sameInterval(a: string, b: string): boolean {
  const sa = seconds(a);
  const sb = seconds(b);
  return sa !== undefined && sb !== undefined ? sa === sb : a === b;
}

function seconds(text: string): number | undefined {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNIT_SECONDS[m[2]!.toLowerCase()] : undefined;
  return m && unit !== undefined ? Number(m[1]) * unit : undefined;
}
