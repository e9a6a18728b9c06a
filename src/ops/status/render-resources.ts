/**
 * The resource list of `crm_mon -1` (Pacemaker 2.1.5) from its XML: primitives, groups, clones
 * (anonymous, unique, promotable, of groups) and bundles, following the rules of Pacemaker's
 * own text output (lib/pengine native.c, group.c, clone.c, bundle.c) so that the same cluster
 * reads the same here and in crm_mon. Pure.
 *
 * What crm_mon's XML does not carry and is therefore approximated: a clone's "allowed nodes"
 * (its Stopped list) are all the nodes of the node list, as they are for a symmetric cluster
 * before location constraints apply (crm_mon never applies them); an asymmetric cluster lists
 * where the clone was probed instead, which the XML does not say.
 */
import type { MonBundle, MonClone, MonGroup, MonNode, MonPrimitive, MonResource, MonState } from './model.js';

export type StatusPaint = (word: 'good' | 'warn' | 'bad', text: string) => string;

interface Ctx {
  /** `-r`: inactive resources are listed too. */
  inactive: boolean;
  paint: StatusPaint;
  nodes: Map<string, MonNode>;
  allNodes: string[];
  /** Guest nodes' connection resources: implicit, crm_mon does not list them. */
  implicit: Set<string>;
}

/** The lines under "Full List of Resources:" / "Active Resources:". */
export function resourceList(s: MonState, inactive: boolean, paint: StatusPaint): string[] {
  const ctx: Ctx = {
    inactive,
    paint,
    nodes: new Map(s.nodes.map((n) => [n.name, n])),
    allNodes: s.nodes.map((n) => n.name),
    implicit: new Set(s.nodes.filter((n) => n.idAsResource).map((n) => n.name)),
  };
  const out: string[] = [];
  for (const r of s.resources) {
    if (r.kind === 'primitive' && ((r.orphaned && !r.active) || ctx.implicit.has(r.id))) continue;
    if (!inactive && !activeAny(r)) continue;
    out.push(...resourceLines(r, '  ', ctx, false));
  }
  if (out.length === 0) out.push(inactive ? '  * No resources' : '  * No active resources');
  return out;
}

/** `fns->active(rsc, FALSE)`: some part of it runs. */
function activeAny(r: MonResource | MonPrimitive): boolean {
  if (r.kind === 'primitive') return r.active;
  if (r.kind === 'group') return r.children.some(activeAny);
  if (r.kind === 'clone') return r.instances.some(activeAny);
  return r.replicas.some((rep) => replicaParts(rep).some(activeAny));
}

/** `fns->active(rsc, TRUE)`: every part of it runs. */
function activeAll(r: MonResource | MonPrimitive): boolean {
  if (r.kind === 'primitive') return r.active;
  if (r.kind === 'group') return r.children.every(activeAll);
  if (r.kind === 'clone') return r.instances.every(activeAll);
  return r.replicas.every((rep) => replicaParts(rep).every(activeAll));
}

function replicaParts(rep: MonBundle['replicas'][number]): MonPrimitive[] {
  return [rep.ip, rep.child, rep.container, rep.remote].filter((p): p is MonPrimitive => p !== undefined);
}

function resourceLines(r: MonResource, indent: string, ctx: Ctx, inPromotable: boolean): string[] {
  if (r.kind === 'primitive') return [`${indent}* ${primitiveText(r, ctx, { inPromotable })}`];
  if (r.kind === 'group') return groupLines(r, indent, ctx, inPromotable);
  if (r.kind === 'clone') return cloneLines(r, indent, ctx);
  return bundleLines(r, indent, ctx);
}

/** pcmk__parse_role, for the roles that matter here (legacy names included). */
function roleOf(text: string): 'stopped' | 'started' | 'unpromoted' | 'promoted' | 'unknown' {
  switch (text.toLowerCase()) {
    case 'stopped':
      return 'stopped';
    case 'started':
      return 'started';
    case 'unpromoted':
    case 'slave':
      return 'unpromoted';
    case 'promoted':
    case 'master':
      return 'promoted';
    default:
      return 'unknown';
  }
}

interface PrimitiveOpts {
  /** The name shown (bundle replicas show their guest node and address). */
  name?: string;
  /** The node shown, when the caller knows better (a bundle's container node). */
  node?: string;
  inPromotable: boolean;
}

/** pcmk__native_output_string: `id\t(agent):\t role node (flags) [ nodes ]`. */
function primitiveText(p: MonPrimitive, ctx: Ctx, o: PrimitiveOpts): string {
  const { paint } = ctx;
  const multiple = p.nodes.length > 1;
  let node: string | undefined = o.node ?? p.nodes[0] ?? (p.lockedTo || undefined);
  if (multiple && o.node === undefined) node = undefined;
  let text = `${o.name ?? p.id}\t(${p.agent}):\t`;
  if (p.orphaned) text += ` ${paint('warn', 'ORPHANED')}`;
  if (p.failed) text += ` ${paint('bad', roleOf(p.role) === 'promoted' ? `FAILED ${p.role}` : 'FAILED')}`;
  else if (roleOf(p.role) === 'stopped') text += ` ${paint('warn', p.role)}`;
  else text += ` ${paint('good', p.role)}`;
  if (node) text += ` ${node}`;
  const flags: string[] = [];
  const n = node ? ctx.nodes.get(node) : undefined;
  if (n && !n.online && n.unclean) flags.push('UNCLEAN');
  if (node && node === p.lockedTo) flags.push('LOCKED');
  if (p.pending) flags.push(p.pending);
  const target = roleOf(p.targetRole);
  if (target === 'stopped') flags.push('disabled');
  else if (o.inPromotable && target === 'unpromoted') flags.push(`target-role:${p.targetRole}`);
  // Blocked or maintenance imply unmanaged, which is then not said.
  if (p.blocked) flags.push('blocked');
  else if (p.maintenance) flags.push('maintenance');
  else if (!p.managed) flags.push('unmanaged');
  if (p.failureIgnored) flags.push('failure ignored');
  if (flags.length > 0) text += ` (${flags.join(', ')})`;
  if (multiple && o.node === undefined) text += ` [ ${p.nodes.join(' ')} ]`;
  return text;
}

/** pe__group_default: the header says how many members are inactive when they are hidden. */
function groupLines(g: MonGroup, indent: string, ctx: Ctx, inPromotable: boolean): string[] {
  const attrs: string[] = [];
  const hidden = !activeAll(g) && activeAny(g) ? g.children.filter((c) => !c.active).length : 0;
  if (hidden > 0 && !ctx.inactive) attrs.push(`${hidden} member${hidden === 1 ? '' : 's'} inactive`);
  // Group headers say `unmanaged, disabled`; clone headers the other way round (2.1.5).
  if (!g.managed) attrs.push('unmanaged');
  if (g.disabled) attrs.push('disabled');
  const lines = [`${indent}* Resource Group: ${g.id}${attrs.length ? ` (${attrs.join(', ')})` : ''}:`];
  for (const c of g.children) {
    if (!ctx.inactive && !c.active) continue;
    lines.push(`${indent}  * ${primitiveText(c, ctx, { inPromotable })}`);
  }
  return lines;
}

/** The id of what is cloned: instances are `id:N` when unique or a group. */
const baseId = (id: string): string => id.replace(/:\d+$/, '');

/** pe__clone_default. */
function cloneLines(c: MonClone, indent: string, ctx: Ctx): string[] {
  const attrs: string[] = [];
  if (c.promotable) attrs.push('promotable');
  if (c.unique) attrs.push('unique');
  if (c.disabled) attrs.push('disabled');
  if (!c.managed) attrs.push('unmanaged');
  const first = c.instances[0];
  const header = `${indent}* Clone Set: ${c.id} [${first ? baseId(first.id) : ''}]${attrs.length ? ` (${attrs.join(', ')})` : ''}:`;
  const inner = indent + '  ';
  const body: string[] = [];
  const promoted: string[] = [];
  const started: string[] = [];
  const running = new Set<string>();
  const stoppedIds: string[] = [];
  for (const inst of c.instances) {
    const prims = inst.kind === 'group' ? inst.children : [inst];
    for (const p of prims) for (const n of p.nodes) running.add(n);
    const partly = activeAny(inst);
    let full = false;
    if (c.unique) full = true;
    else if (!partly) {
      if (!prims.some((p) => p.orphaned)) stoppedIds.push(inst.id);
    } else if (prims.some((p) => p.orphaned || !p.managed || p.failed)) full = true;
    else if (activeAll(inst)) {
      const where = [...new Set(prims.flatMap((p) => p.nodes))];
      const node = where.length === 1 ? ctx.nodes.get(where[0]!) : undefined;
      if (where.length !== 1) full = true; // a group spread over nodes
      else if (node && !node.online && node.unclean) full = true;
      else if (prims.some((p) => roleOf(p.role) === 'promoted')) promoted.push(where[0]!);
      else started.push(where[0]!);
    } else full = true; // a group partly running
    if (full) body.push(...resourceLines(inst, inner, ctx, c.promotable));
  }
  const { paint } = ctx;
  if (promoted.length > 0) body.push(`${inner}* ${paint('good', 'Promoted')}: [ ${sortNames(promoted).join(' ')} ]`);
  if (started.length > 0) {
    let word = 'Started';
    if (c.promotable) word = roleOf(c.targetRole) === 'unpromoted' ? 'Unpromoted (target-role)' : 'Unpromoted';
    body.push(`${inner}* ${paint('good', word)}: [ ${sortNames(started).join(' ')} ]`);
  }
  const active = promoted.length + started.length;
  if (ctx.inactive) {
    const cloneMax = c.instances.filter((i) => !(i.kind === 'group' ? i.children : [i]).some((p) => p.orphaned)).length;
    let stopped = stoppedIds;
    if (!c.unique && cloneMax > active) stopped = sortNames(ctx.allNodes.filter((n) => !running.has(n)));
    if (stopped.length > 0) {
      const state = roleOf(c.targetRole) === 'stopped' ? 'Stopped (disabled)' : 'Stopped';
      body.push(`${inner}* ${paint('warn', state)}: [ ${stopped.join(' ')} ]`);
    }
  }
  return [header, ...body];
}

/** pe__bundle_text without implicit resources: one line per replica, the child's state. */
function bundleLines(b: MonBundle, indent: string, ctx: Ctx): string[] {
  const tags = `${b.unique ? ' (unique)' : ''}${b.managed ? '' : ' (unmanaged)'}`;
  const lines = [`${indent}* Container bundle${b.replicas.length > 1 ? ' set' : ''}: ${b.id} [${b.image}]${tags}:`];
  for (const rep of b.replicas) {
    const shown = rep.child ?? rep.container;
    if (!shown) continue;
    const name = `${(rep.remote ?? rep.container ?? shown).id}${rep.ipaddr ? ` (${rep.ipaddr})` : ''}`;
    const node = rep.container?.nodes[0];
    lines.push(`${indent}  * ${primitiveText(shown, ctx, { name, inPromotable: false, ...(node ? { node } : {}) })}`);
  }
  return lines;
}

/** pe__cmp_node_name: case-insensitive, digits compared as numbers. */
export function sortNames(names: string[]): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
}
