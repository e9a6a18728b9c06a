/** `primitive` / `rsc_template` → `<primitive>` / `<template>`. */
import type { AgentSpec, Op, PrimitiveStmt } from '../../grammar/ast.js';
import { OP_ATTRIBUTES as OP_ATTRIBUTE_NAMES } from '../../cib-names.js';
import type { Element } from '../xml.js';
import { crmError, crmWarning, element, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';
import { buildAttrSet, noteReference } from './attr-sets.js';
import { creationErrors, insertObject } from './objects.js';
import { defaultProvider } from './providers.js';

/** Attributes that stay on `<op>`; any other name goes to the op's instance_attributes. */
export const OP_ATTRIBUTES: ReadonlySet<string> = new Set(OP_ATTRIBUTE_NAMES);

export function lowerPrimitive(env: Env, stmt: PrimitiveStmt): Lowered {
  const tag = stmt.kind === 'primitive' ? 'primitive' : 'template';
  const agent = agentAttributes(env, stmt.agent, stmt);
  if ('errors' in agent) return failed([...env.diags, ...agent.errors]);
  const el = element(env.doc, tag, [['id', stmt.id.name], ...agent.attrs, ['description', stmt.description]]);
  // Sets written after the first `op` follow `<operations>` (crmsh keeps the written order);
  // the AST keeps sets and ops apart, so their positions tell the order.
  const opsAt = stmt.ops[0]?.at.offset ?? Number.POSITIVE_INFINITY;
  const later = stmt.sets.filter((set) => set.at.offset > opsAt);
  for (const set of stmt.sets) if (!later.includes(set)) el.appendChild(buildAttrSet(env, set));
  if (stmt.operations || stmt.ops.length > 0) {
    if (stmt.operations?.idRef !== undefined) noteReference(env, stmt.operations.idRef, 4);
    const ops = stmt.operations?.idRef !== undefined
      ? element(env.doc, 'operations', [['id-ref', stmt.operations.idRef]])
      : element(env.doc, 'operations', [['id', stmt.operations?.id]]);
    for (const op of stmt.ops) {
      const built = buildOp(env, op, stmt);
      if ('error' in built) return failed([...env.diags, built.error]);
      ops.appendChild(built.el);
    }
    el.appendChild(ops);
  }
  for (const set of later) el.appendChild(buildAttrSet(env, set));
  const errors = creationErrors(env, stmt.kind, stmt.id.name, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}

type AgentResult = { attrs: Array<[string, string | undefined]> } | { errors: ReturnType<typeof crmError>[] };

function agentAttributes(env: Env, spec: AgentSpec, stmt: PrimitiveStmt): AgentResult {
  if (spec.kind === 'template') return { attrs: [['template', spec.template]] };
  const parts = spec.text.split(':');
  const unknown = syntaxError(stmt.kind === 'rsc_template' ? 'rsc_template' : 'primitive', `Unknown resource type near <${spec.text}>`, stmt.text, spec.at);
  if (parts.length > 3) {
    return { errors: [crmError(`bad resource type specification ${spec.text}`, spec.at), unknown] };
  }
  const type = parts[parts.length - 1]!;
  const cls = parts.length > 1 ? parts[0]! : 'ocf';
  let provider = parts.length === 3 ? parts[1] : undefined;
  if (cls === 'ocf') {
    if (provider === '') {
      return { errors: [crmError(`provider could not be determined for ${spec.text}`, spec.at), unknown] };
    }
    provider ??= (env.ctx.resolveProvider ?? defaultProvider)(type);
  } else if (provider !== undefined) {
    env.diags.push(crmWarning(`ra class ${cls} does not support providers`, spec.at));
  }
  return { attrs: [['class', cls], ['provider', provider], ['type', type]] };
}

function buildOp(env: Env, op: Op, stmt: PrimitiveStmt): { el: Element } | { error: ReturnType<typeof crmError> } {
  const own: Array<[string, string]> = [];
  const extra: Array<[string, string]> = [];
  for (const a of op.attrs) {
    if (OP_ATTRIBUTES.has(a.name)) {
      if (extra.length > 0) return { error: orderError(a.name, stmt) };
      own.push([a.name, a.name === 'role' ? env.roles.translate(a.value) : a.value]); // op roles are kept as typed
    } else {
      extra.push([a.name, a.value]);
    }
  }
  if (!own.some(([n]) => n === 'interval')) {
    // crmsh appends `interval=0` to the words, so it lands after any instance attribute.
    if (extra.length > 0) return { error: orderError('interval', stmt) };
    own.push(['interval', '0']);
  }
  const el = element(env.doc, 'op', [['name', op.name], ...own]);
  if (extra.length > 0) {
    const params = element(env.doc, 'instance_attributes');
    for (const [name, value] of extra) params.appendChild(element(env.doc, 'nvpair', [['name', name], ['value', value]]));
    el.appendChild(params);
  }
  for (const set of op.sets) el.appendChild(buildAttrSet(env, set));
  return { el };
}

function orderError(name: string, stmt: PrimitiveStmt) {
  const cmd = stmt.kind === 'rsc_template' ? 'rsc_template' : 'primitive';
  return syntaxError(cmd, `Attribute order error: ${name} must appear before any instance attribute`, stmt.text, stmt.at);
}
