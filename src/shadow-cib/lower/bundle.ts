/** `bundle` → `<bundle>` with its container engine, network, storage, primitive and meta parts. */
import type { BundleStmt } from '../../grammar/ast.js';
import { containerOf, crmTypeOf, findObject } from '../cib-query.js';
import type { Element } from '../xml.js';
import { crmError, element, failed, ok, type Lowered } from './common.js';
import type { Env } from './env.js';
import { buildAttrSet } from './attr-sets.js';
import { redirectConstraints } from './constraint-refs.js';
import { creationErrors, insertObject } from './objects.js';

export function lowerBundle(env: Env, stmt: BundleStmt): Lowered {
  const id = stmt.id.name;
  const el = element(env.doc, 'bundle', [['id', id], ['description', stmt.description]]);
  const moved: string[] = [];
  /** Where each primitive goes: a placeholder (shown as crmsh shows it in messages) and the primitive. */
  const slots: Array<[Element, Element]> = [];
  for (const part of stmt.parts) {
    switch (part.kind) {
      case 'container':
        el.appendChild(element(env.doc, part.engine, part.attrs));
        break;
      case 'network': {
        const net = element(env.doc, 'network', part.attrs);
        for (const pm of part.portMappings) net.appendChild(element(env.doc, 'port-mapping', pm));
        el.appendChild(net);
        break;
      }
      case 'storage': {
        const st = element(env.doc, 'storage');
        for (const sm of part.mappings) st.appendChild(element(env.doc, 'storage-mapping', sm));
        el.appendChild(st);
        break;
      }
      case 'meta':
        el.appendChild(buildAttrSet(env, part.set));
        break;
      case 'primitive': {
        const prim = findObject(env.doc, part.id.name);
        if (!prim) {
          env.diags.push(crmError(`${id} refers to missing object ${part.id.name}`, part.id.at));
          break;
        }
        const holder = containerOf(prim);
        if (holder) {
          const msg = `Cannot create bundle:${id}: Child ${crmTypeOf(prim)}:${part.id.name} already in ${crmTypeOf(holder)}:${holder.getAttribute('id')}`;
          return failed([...env.diags, crmError(msg, part.id.at)]);
        }
        moved.push(part.id.name);
        const slot = element(env.doc, 'crmsh-ref', [['id', part.id.name]]);
        slots.push([slot, prim]);
        el.appendChild(slot);
        break;
      }
    }
  }
  const errors = creationErrors(env, 'bundle', id, el, stmt.id.at);
  if (errors.length > 0) return failed([...env.diags, ...errors]);
  // Move the primitives in only now that the bundle is known to be valid.
  for (const [slot, prim] of slots) {
    prim.parentNode!.removeChild(prim);
    el.replaceChild(prim, slot);
  }
  insertObject(env, el);
  redirectConstraints(env, moved, id);
  return ok(env.diags);
}
