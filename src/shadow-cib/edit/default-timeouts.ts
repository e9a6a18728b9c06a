/**
 * `configure default-timeouts ID…` (CibFactory.default_timeouts): every start, stop, monitor (and
 * promote/demote under a promotable clone, migrate_to/from with allow-migrate) op gets the
 * timeout the agent's metadata advises — larger ones are lowered too — and missing start/stop
 * (…) ops are added with that timeout and `interval=0`.
 */
import type { AgentCatalog, AgentFacts } from '../../agents/types.js';
import { agentOfAttributes } from '../../agents/spec.js';
import { crmError, crmWarning, element, type LowerContext } from '../lower/common.js';
import { childElements, type Document, type Element } from '../xml.js';
import type { EditResult } from './delete.js';
import { editEnv, findObjectGlob } from './model.js';

export function defaultTimeouts(doc: Document, ids: string[], ctx: LowerContext, catalog: AgentCatalog): EditResult {
  const env = editEnv(doc, ctx);
  let ok = true;
  for (const id of ids) {
    const found = findObjectGlob(doc, id);
    const obj = found && found.kind !== 'node' ? found : undefined;
    if (!obj) {
      env.diags.push(crmError(`object ${id} does not exist`));
      ok = false;
      continue;
    }
    if (obj.kind !== 'primitive') {
      env.diags.push(crmWarning(`element ${id} is not a primitive`));
      ok = false;
      continue;
    }
    const agentEl = agentElement(doc, obj.el);
    if (!agentEl) {
      env.diags.push(crmWarning(`template for ${id} not defined`));
      ok = false;
      continue;
    }
    const spec = agentOfAttributes(agentEl.getAttribute('class'), agentEl.getAttribute('provider'), agentEl.getAttribute('type'));
    const facts = catalog.metadata(spec);
    if (!facts) {
      env.diags.push(crmError(`no resource agent found for ${id}`));
      continue;
    }
    if (applyTimeouts(doc, obj.el, agentEl, facts, ctx)) ctx.changed.add(obj.id);
  }
  return { diagnostics: env.diags, ok };
}

/** The element holding class/provider/type: the primitive, or the template it is built on. */
function agentElement(doc: Document, prim: Element): Element | undefined {
  const tpl = prim.getAttribute('template');
  if (!tpl) return prim;
  const res = childElements(doc.documentElement!).find((c) => c.tagName === 'configuration');
  const all = res ? Array.from(res.getElementsByTagName('template')) : [];
  return all.find((t) => t.getAttribute('id') === tpl);
}

function advised(facts: AgentFacts, op: string, role?: string | null, depth?: string | null): string | undefined {
  const actions = facts.actions.filter((a) => a.name === op);
  if (op === 'monitor') {
    if (!role && !depth) return actions[0]?.timeout;
    if (role) {
      const hit = actions.find((a) => a.role === role);
      if (hit) return hit.timeout;
    }
    if (depth) return actions.find((a) => (a.depth ?? '0') === depth)?.timeout;
    return undefined;
  }
  return actions[0]?.timeout;
}

function applyTimeouts(doc: Document, prim: Element, agentEl: Element, facts: AgentFacts, ctx: LowerContext): boolean {
  const implied = ['start', 'stop'];
  const impliedMs = ['promote', 'demote'];
  const impliedMigrate = ['migrate_to', 'migrate_from'];
  const migrates = hasNvpair(prim, 'allow-migrate', 'true') || (agentEl !== prim && hasNvpair(agentEl, 'allow-migrate', 'true'));
  const parent = prim.parentNode as Element | null;
  const promotable = !!parent && (parent.tagName === 'master' || (parent.tagName === 'clone' && hasNvpair(parent, 'promotable', 'true')));
  let modified = false;
  const ops = childElements(prim).find((c) => c.tagName === 'operations');
  for (const op of ops ? childElements(ops).filter((c) => c.tagName === 'op') : []) {
    const name = op.getAttribute('name') ?? '';
    if (implied.includes(name)) implied.splice(implied.indexOf(name), 1);
    else if (migrates && impliedMigrate.includes(name)) impliedMigrate.splice(impliedMigrate.indexOf(name), 1);
    else if (promotable && impliedMs.includes(name)) impliedMs.splice(impliedMs.indexOf(name), 1);
    else if (name !== 'monitor') continue;
    const t = advised(facts, name, op.getAttribute('role'), op.getAttribute('depth'));
    if (t) {
      op.setAttribute('timeout', t);
      modified = true;
    }
  }
  const toAdd = [...implied, ...(migrates ? impliedMigrate : []), ...(promotable ? impliedMs : [])];
  for (const name of toAdd) {
    const t = advised(facts, name);
    if (!t) continue;
    let operations = childElements(prim).find((c) => c.tagName === 'operations');
    if (!operations) {
      operations = element(doc, 'operations');
      prim.appendChild(operations);
    }
    const id = ctx.ids.fresh(`${prim.getAttribute('id')}-${name}-0`);
    operations.appendChild(element(doc, 'op', [['name', name], ['timeout', t], ['interval', '0'], ['id', id]]));
    modified = true;
  }
  return modified;
}

function hasNvpair(el: Element, name: string, value: string): boolean {
  return Array.from(el.getElementsByTagName('nvpair')).some((n) => n.getAttribute('name') === name && n.getAttribute('value') === value);
}
