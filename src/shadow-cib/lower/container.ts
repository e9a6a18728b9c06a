/** `group`, `clone`, `ms` → `<group>`, `<clone>`, `<master>` holding existing resources. */
import type { ContainerStmt } from '../../grammar/ast.js';
import { containerOf, crmTypeOf, findObject, RESOURCE_TAGS } from '../cib-query.js';
import type { Element } from '../xml.js';
import { crmError, crmWarning, element, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';
import { buildAttrSet } from './attr-sets.js';
import { redirectConstraints } from './constraint-refs.js';
import { creationErrors, insertObject } from './objects.js';

const TAG = { group: 'group', clone: 'clone', ms: 'master' } as const;

export function lowerContainer(env: Env, stmt: ContainerStmt): Lowered {
  const id = stmt.id.name;
  if (stmt.kind === 'ms') env.diags.push(crmWarning(msDeprecation(stmt.text)));
  const seen = new Set<string>();
  for (const c of stmt.children) {
    if (seen.has(c.name)) {
      return failed([...env.diags, syntaxError(stmt.kind, `child ${c.name} listed more than once in group ${id}`, stmt.text, c.at)]);
    }
    seen.add(c.name);
  }
  const el = element(env.doc, TAG[stmt.kind], [['id', id], ['description', stmt.description]]);
  for (const set of stmt.sets) el.appendChild(buildAttrSet(env, set));
  // crmsh shows the children of an unnamed container as `crmsh-ref` placeholders.
  const shown = el.cloneNode(true) as Element;
  for (const c of stmt.children) shown.appendChild(element(env.doc, 'crmsh-ref', [['id', c.name]]));
  const idErrors = creationErrors(env, stmt.kind, id, shown, stmt.id.at);
  if (idErrors.length > 0) return failed([...env.diags, ...idErrors]);

  const children: Element[] = [];
  for (const c of stmt.children) {
    const child = findObject(env.doc, c.name);
    if (!child || !RESOURCE_TAGS.has(child.tagName)) {
      env.diags.push(crmError(`${id} refers to missing object ${c.name}`, c.at));
      continue;
    }
    const holder = containerOf(child);
    if (holder) {
      const msg = `Cannot create ${stmt.kind}:${id}: Child ${crmTypeOf(child)}:${c.name} already in ${crmTypeOf(holder)}:${holder.getAttribute('id')}`;
      return failed([...env.diags, crmError(msg, c.at)]);
    }
    children.push(child);
  }
  for (const child of children) {
    child.parentNode!.removeChild(child);
    el.appendChild(child);
  }
  insertObject(env, el);
  if (children.length === 0) {
    // crmsh re-renders the empty container and fails to parse its own output.
    env.diags.push(syntaxError(stmt.kind, `Expected at least 2 arguments near <${stmt.kind}>`, `${stmt.kind} ${id}`));
  }
  // Only a new container takes over its members' constraints: crmsh's update of an existing one
  // (load update, edit, modgroup) leaves them where they are.
  if (!env.replacing) redirectConstraints(env, children.map((c) => c.getAttribute('id')!), id);
  return ok(env.diags);
}

/** `"ms" is deprecated. Please use "clone <args> meta promotable=true"` with the user's args. */
function msDeprecation(text: string): string {
  const args = text.trim().replace(/^\S+\s+/, '');
  const hasMeta = /(^|\s)meta(\s|$)/.test(args);
  return `"ms" is deprecated. Please use "clone ${args}${hasMeta ? '' : ' meta'} promotable=true"`;
}
