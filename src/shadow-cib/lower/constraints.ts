/** `colocation`, `order`, `rsc_ticket` → simple attributes or resource sets. */
import type { ColocationStmt, OrderStmt, RefItem, RscRef, TicketStmt } from '../../grammar/ast.js';
import { element, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';
import { buildResourceSets, suffixValue } from './resource-sets.js';
import { orderKind, parseBoolean, scoreAttr } from './scores.js';

/** The refs when the list is all plain references and exactly `n` of them. */
function plainRefs(items: RefItem[], n: number): RscRef[] | undefined {
  if (items.length !== n || items.some((i) => i.kind !== 'ref')) return undefined;
  return items as RscRef[];
}

/** `rsc:<suffix>` → role or instance attributes for a simple colocation/ticket. */
function roleAttrs(env: Env, ref: RscRef, roleAttr: string, instanceAttr: string): Array<[string, string | undefined]> {
  if (ref.suffix === undefined) return [];
  if (/^\d+$/.test(ref.suffix)) return [[instanceAttr, ref.suffix]];
  return [[roleAttr, suffixValue(env, ref.suffix, 'role')]];
}

export function lowerColocation(env: Env, stmt: ColocationStmt): Lowered {
  const attrs: Array<[string, string | undefined]> = [
    ['id', stmt.id.name],
    scoreAttr(stmt.score),
    ['node-attribute', stmt.nodeAttribute],
  ];
  const pair = plainRefs(stmt.refs, 2);
  let el;
  if (pair) {
    el = element(env.doc, 'rsc_colocation', [
      ...attrs,
      ['rsc', pair[0]!.name],
      ...roleAttrs(env, pair[0]!, 'rsc-role', 'rsc-instance'),
      ['with-rsc', pair[1]!.name],
      ...roleAttrs(env, pair[1]!, 'with-rsc-role', 'with-rsc-instance'),
    ]);
  } else {
    el = element(env.doc, 'rsc_colocation', attrs, buildResourceSets(env, stmt.refs, 'role'));
  }
  return insert(env, 'colocation', stmt.id.name, el, stmt.id.at);
}

export function lowerOrder(env: Env, stmt: OrderStmt): Lowered {
  let kind: string | undefined;
  if (stmt.kindOrScore !== undefined) {
    kind = orderKind(stmt.kindOrScore);
    if (kind === undefined) {
      const first = stmt.refs[0];
      const word =
        first === undefined
          ? undefined
          : first.kind === 'ref'
            ? first.name + (first.suffix !== undefined ? ':' + first.suffix : '')
            : first.kind === 'set'
              ? first.bracket
              : `${first.name}=${first.value}`;
      const near = word === undefined ? '' : ` near <${word}>`;
      return failed([syntaxError('order', `Invalid kind: ${stmt.kindOrScore}${near}`, stmt.text, stmt.at)]);
    }
  }
  const symmetrical = stmt.symmetrical === undefined ? undefined : String(parseBoolean(stmt.symmetrical) ?? stmt.symmetrical);
  const attrs: Array<[string, string | undefined]> = [['id', stmt.id.name], ['kind', kind], ['symmetrical', symmetrical]];
  const pair = plainRefs(stmt.refs, 2);
  let el;
  if (pair) {
    el = element(env.doc, 'rsc_order', [
      ...attrs,
      ['first', pair[0]!.name],
      ...actionAttrs(env, pair[0]!, 'first'),
      ['then', pair[1]!.name],
      ...actionAttrs(env, pair[1]!, 'then'),
    ]);
  } else {
    el = element(env.doc, 'rsc_order', attrs, buildResourceSets(env, stmt.refs, 'action'));
  }
  return insert(env, 'order', stmt.id.name, el, stmt.id.at);
}

function actionAttrs(env: Env, ref: RscRef, side: 'first' | 'then'): Array<[string, string | undefined]> {
  if (ref.suffix === undefined) return [];
  if (/^\d+$/.test(ref.suffix)) return [[`${side}-instance`, ref.suffix]];
  return [[`${side}-action`, suffixValue(env, ref.suffix, 'action')]];
}

export function lowerTicket(env: Env, stmt: TicketStmt): Lowered {
  const attrs: Array<[string, string | undefined]> = [
    ['id', stmt.id.name],
    ['ticket', stmt.ticket],
    ['loss-policy', stmt.lossPolicy],
  ];
  const one = plainRefs(stmt.refs, 1);
  const el = one
    ? element(env.doc, 'rsc_ticket', [...attrs, ['rsc', one[0]!.name], ...roleAttrs(env, one[0]!, 'rsc-role', 'rsc-instance')])
    : element(env.doc, 'rsc_ticket', attrs, buildResourceSets(env, stmt.refs, 'role'));
  return insert(env, 'rsc_ticket', stmt.id.name, el, stmt.id.at);
}

function insert(env: Env, type: string, id: string, el: ReturnType<typeof element>, at: RscRef['at']): Lowered {
  const errors = creationErrors(env, type, id, el, at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}
