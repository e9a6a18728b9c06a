/** `role`, `acl_target`, `user` → `<acl_role>` / `<acl_target>` (schema ≥ 2.0 ACL syntax). */
import type { AclPermission, AclTargetStmt, RoleStmt } from '../../grammar/ast.js';
import { crmError, element, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';

/** Shortcut → XPath; `arg` is the text after the shortcut's colon, `extra` after a second one. */
const SHORTCUTS: Record<string, (arg?: string, extra?: string) => string> = {
  meta: (r, a) => `//primitive[@id='${r}']/meta_attributes${a ? `/nvpair[@name='${a}']` : ''}`,
  params: (r, a) => `//primitive[@id='${r}']/instance_attributes${a ? `/nvpair[@name='${a}']` : ''}`,
  utilization: (r) => `//primitive[@id='${r}']/utilization`,
  location: (r) => `//rsc_location[@id='cli-prefer-${r}' and @rsc='${r}']`,
  property: (a) => `//crm_config/cluster_property_set${a ? `/nvpair[@name='${a}']` : ''}`,
  node: (n) => `//nodes/node${n ? `[@uname='${n}']` : ''}`,
  nodeattr: (a) => `//nodes/node/instance_attributes${a ? `/nvpair[@name='${a}']` : ''}`,
  nodeutil: (n) => `//nodes/node/utilization${n ? `[@uname='${n}']` : ''}`,
  status: () => '/cib/status',
  cib: () => '/cib',
};

const SPEC_ATTR: Record<string, string> = {
  xpath: 'xpath',
  ref: 'reference',
  reference: 'reference',
  tag: 'object-type',
  type: 'object-type',
  attr: 'attribute',
  attribute: 'attribute',
};

export function lowerRole(env: Env, stmt: RoleStmt): Lowered {
  const el = element(env.doc, 'acl_role', [['id', stmt.id.name], ['description', stmt.description]]);
  for (const p of stmt.permissions) {
    const built = buildPermission(env, p);
    if (built === undefined) {
      return failed([syntaxError('role', 'attribute is only valid in combination with tag/object-type', stmt.text, p.at)]);
    }
    el.appendChild(built);
  }
  const errors = creationErrors(env, 'role', stmt.id.name, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}

function buildPermission(env: Env, p: AclPermission) {
  const attrs: Array<[string, string | undefined]> = [['kind', p.kind], ['id', p.id], ['description', p.description]];
  for (const spec of p.specs) {
    const attr = SPEC_ATTR[spec.key];
    if (attr) {
      attrs.push([attr, spec.value]);
      continue;
    }
    const shortcut = SHORTCUTS[spec.key];
    if (shortcut) {
      const [arg, extra] = spec.value === undefined ? [] : splitOnce(spec.value);
      attrs.push(['xpath', shortcut(arg, extra)]);
    }
  }
  const has = (n: string) => attrs.some(([a, v]) => a === n && v !== undefined);
  if (has('attribute') && !has('object-type')) return undefined;
  return element(env.doc, 'acl_permission', attrs);
}

function splitOnce(text: string): [string, string | undefined] {
  const i = text.indexOf(':');
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

export function lowerAclTarget(env: Env, stmt: AclTargetStmt): Lowered {
  if (stmt.kind === 'user') return failed([crmError('user not supported by the RNG schema', stmt.at)]);
  const roles = stmt.roles.map((r) => element(env.doc, 'role', [['id', r.name]]));
  const el = element(env.doc, 'acl_target', [['id', stmt.id.name]], roles);
  const errors = creationErrors(env, 'acl_target', stmt.id.name, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}
