/** `role`, `acl_target`, `user` → `<acl_role>` / `<acl_target>` (schema ≥ 2.0 ACL syntax). */
import type { AclPermission, AclTargetStmt, RoleStmt } from '../../grammar/ast.js';
import { ACL_SPEC_ATTR } from '../../cib-names.js';
import { crmError, element, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';
import type { Element } from '../xml.js';
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


export function lowerRole(env: Env, stmt: RoleStmt): Lowered {
  const el = element(env.doc, 'acl_role', [['id', stmt.id.name], ['description', stmt.description]]);
  for (const p of stmt.permissions) {
    const built = buildPermissions(env, p);
    if (built === undefined) {
      return failed([syntaxError('role', 'attribute is only valid in combination with tag/object-type', stmt.text, p.at)]);
    }
    for (const perm of built) el.appendChild(perm);
  }
  const errors = creationErrors(env, 'role', stmt.id.name, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  insertObject(env, el);
  return ok(env.diags);
}

/**
 * One permission as crmsh writes it: one `acl_permission` per kind of target, in the order
 * xpath, reference, object-type (+ attribute); a kind given twice keeps its last value.
 * `read ref:a tag:nvpair` is thus two permissions.
 */
function buildPermissions(env: Env, p: AclPermission): Element[] | undefined {
  const targets = new Map<string, string | undefined>();
  for (const spec of p.specs) {
    const attr = ACL_SPEC_ATTR[spec.key];
    if (attr) {
      targets.set(attr, spec.value);
      continue;
    }
    const shortcut = SHORTCUTS[spec.key];
    if (shortcut) {
      const [arg, extra] = spec.value === undefined ? [] : splitOnce(spec.value);
      targets.set('xpath', shortcut(arg, extra));
    }
  }
  if (targets.has('attribute') && !targets.has('object-type')) return undefined;
  const head: Array<[string, string | undefined]> = [['kind', p.kind], ['id', p.id], ['description', p.description]];
  const out: Element[] = [];
  for (const attr of ['xpath', 'reference']) {
    if (targets.has(attr)) out.push(element(env.doc, 'acl_permission', [...head, [attr, targets.get(attr)]]));
  }
  if (targets.has('object-type')) {
    out.push(element(env.doc, 'acl_permission', [...head, ['object-type', targets.get('object-type')], ['attribute', targets.get('attribute')]]));
  }
  return out;
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
