/**
 * crm_mon's text (`crm_mon -1`, Pacemaker 2.1.5) rendered from its XML, so that tcrm shows the
 * same status over any transport and can colour it: the cluster summary, the node list,
 * resources (all with `inactive`, crmsh's default), the migration summary with `failcounts`,
 * failed resource actions. Pure: the caller passes a painter (identity when colour is off).
 */
import type { MonClone, MonFailure, MonGroup, MonNode, MonPrimitive, MonResource, MonState } from './model.js';

export type StatusPaint = (word: 'good' | 'warn' | 'bad', text: string) => string;

export interface RenderOptions {
  /** `-r`: list inactive resources too ("Full List of Resources"). */
  inactive: boolean;
  /** `-f`: the migration summary (fail counts). */
  failcounts: boolean;
  paint?: StatusPaint;
}

const plain: StatusPaint = (_w, t) => t;

/** pacemakerd's states as crm_mon words them (pcmk__pcmkd_state_enum2friendly). */
const PACEMAKERD_STATES: Record<string, string> = {
  init: 'Initializing pacemaker',
  starting_daemons: 'Pacemaker daemons are starting',
  wait_for_ping: 'Waiting for startup-trigger from SBD',
  running: 'Pacemaker is running',
  shutting_down: 'Pacemaker daemons are shutting down',
  shutdown_complete: 'Pacemaker daemons are shut down (reporting to SBD)',
  remote: 'pacemaker-remoted is running',
};

export function renderStatus(state: MonState, opts: RenderOptions): string[] {
  const paint = opts.paint ?? plain;
  const lines: string[] = [];
  if (state.pacemakerd) {
    const p = state.pacemakerd;
    lines.push(`Status of pacemakerd: '${PACEMAKERD_STATES[p.state] ?? p.state}' (last updated ${p.lastUpdated})`);
  }
  lines.push('Cluster Summary:', ...summary(state), '', 'Node List:', ...nodeList(state.nodes, paint));
  lines.push('', opts.inactive ? 'Full List of Resources:' : 'Active Resources:');
  const rsc = resources(state, opts.inactive, paint);
  lines.push(...(rsc.length > 0 ? rsc : ['  * No resources']));
  if (opts.failcounts) {
    lines.push('', 'Migration Summary:');
    const byNode = new Map<string, string[]>();
    for (const f of state.failCounts) {
      const l = byNode.get(f.node) ?? [];
      l.push(`    * ${f.rsc}: migration-threshold=${f.migrationThreshold} fail-count=${f.failCount} last-failure='${f.lastFailure}'`);
      byNode.set(f.node, l);
    }
    for (const [node, l] of byNode) lines.push(`  * Node: ${node}:`, ...l);
  }
  if (state.failures.length > 0) {
    lines.push('', 'Failed Resource Actions:');
    for (const f of state.failures) lines.push(`  * ${paint('bad', failedAction(f))}`);
  }
  return lines;
}

function summary(s: MonState): string[] {
  const dc = s.dc.present
    ? `${s.dc.name} (version ${s.dc.version || 'unknown'}) - partition ${s.dc.withQuorum ? 'with quorum' : 'WITHOUT quorum'}`
    : 'NONE';
  const c = s.lastChange;
  const change = c.time ? `${c.time} by ${c.user} via ${c.client} on ${c.origin}` : '';
  const rc = s.resourcesConfigured;
  let rscLine = `${rc.number} resource instance${rc.number === 1 ? '' : 's'} configured`;
  if (rc.disabled > 0) rscLine += ` (${rc.disabled} DISABLED)`;
  if (rc.blocked > 0) rscLine += ` (${rc.blocked} BLOCKED from further action due to failure)`;
  const lines = [
    `  * Stack: ${s.stack}`,
    `  * Current DC: ${dc}`,
    `  * Last updated: ${s.lastUpdate}`,
    `  * Last change:  ${change}`,
    `  * ${s.nodesConfigured} node${s.nodesConfigured === 1 ? '' : 's'} configured`,
    `  * ${rscLine}`,
  ];
  if (s.maintenanceMode) lines.push('', '              *** Resource management is DISABLED ***', '  The cluster will not attempt to start, stop or recover services');
  else if (s.stopAll) lines.push('', '              *** Resource management is DISABLED ***', '  The cluster will keep all resources stopped');
  return lines;
}

function nodeList(nodes: MonNode[], paint: StatusPaint): string[] {
  const lines: string[] = [];
  const online: string[] = [];
  const offline: string[] = [];
  for (const n of nodes) {
    const special = nodeState(n);
    if (special) lines.push(`  * Node ${n.name}: ${paint(special.word, special.text)}`);
    else if (n.online) online.push(n.name);
    else offline.push(n.name);
  }
  if (online.length) lines.push(`  * ${paint('good', 'Online')}: [ ${online.join(' ')} ]`);
  if (offline.length) lines.push(`  * ${paint('bad', 'OFFLINE')}: [ ${offline.join(' ')} ]`);
  return lines;
}

/** A node crm_mon lists on its own line, with the state word it prints. */
function nodeState(n: MonNode): { word: 'good' | 'warn' | 'bad'; text: string } | null {
  if (n.unclean) return { word: 'bad', text: n.online ? 'UNCLEAN (online)' : 'UNCLEAN (offline)' };
  if (n.pending) return { word: 'warn', text: 'pending' };
  if (!n.online) return null;
  if (n.standbyOnFail) return { word: 'warn', text: n.resourcesRunning > 0 ? 'standby (on-fail) (with active resources)' : 'standby (on-fail)' };
  if (n.standby) return { word: 'warn', text: n.resourcesRunning > 0 ? 'standby (with active resources)' : 'standby' };
  if (n.maintenance) return { word: 'warn', text: 'maintenance' };
  return null;
}

function resources(s: MonState, inactive: boolean, paint: StatusPaint): string[] {
  const out: string[] = [];
  for (const r of s.resources) {
    if (!inactive && !isActive(r)) continue;
    out.push(...resourceLines(r, '  ', s, inactive, paint));
  }
  return out;
}

function isActive(r: MonResource): boolean {
  if (r.kind === 'primitive') return r.active || r.failed;
  if (r.kind === 'group') return r.children.some(isActive);
  return r.instances.some(isActive);
}

function resourceLines(r: MonResource, indent: string, s: MonState, inactive: boolean, paint: StatusPaint): string[] {
  if (r.kind === 'primitive') return [`${indent}* ${primitiveLine(r, paint)}`];
  if (r.kind === 'group') return groupLines(r, indent, s, inactive, paint);
  return cloneLines(r, indent, s, inactive, paint);
}

function primitiveLine(p: MonPrimitive, paint: StatusPaint): string {
  return `${p.id}\t(${p.agent}):\t ${roleText(p, paint)}`;
}

function roleText(p: MonPrimitive, paint: StatusPaint): string {
  const where = p.nodes.length > 1 ? ` [ ${p.nodes.join(' ')} ]` : p.nodes[0] ? ` ${p.nodes[0]}` : '';
  let text: string;
  if (p.failed) text = paint('bad', p.role === 'Stopped' ? 'FAILED' : `FAILED ${p.role === 'Started' ? '' : p.role}`.trim()) + where;
  else if (p.role === 'Stopped') text = paint('warn', 'Stopped');
  else text = paint('good', p.role) + where;
  const flags: string[] = [];
  if (p.disabled) flags.push('disabled');
  if (!p.managed) flags.push('unmanaged');
  if (p.blocked) flags.push('blocked');
  if (p.failureIgnored) flags.push('failure ignored');
  if (p.orphaned) flags.push('ORPHANED');
  return text + flags.map((f) => ` (${f})`).join('');
}

function groupLines(g: MonGroup, indent: string, s: MonState, inactive: boolean, paint: StatusPaint): string[] {
  const tags = [g.disabled ? ' (disabled)' : '', g.managed ? '' : ' (unmanaged)'].join('');
  const lines = [`${indent}* Resource Group: ${g.id}${tags}:`];
  for (const c of g.children) {
    if (!inactive && !isActive(c)) continue;
    lines.push(...resourceLines(c, indent + '  ', s, inactive, paint));
  }
  return lines;
}

function cloneLines(c: MonClone, indent: string, s: MonState, inactive: boolean, paint: StatusPaint): string[] {
  const first = c.instances[0];
  const childId = first ? first.id : '';
  const tags = [c.promotable ? ' (promotable)' : '', c.unique ? ' (unique)' : '', c.disabled ? ' (disabled)' : '', c.managed ? '' : ' (unmanaged)'].join('');
  const lines = [`${indent}* Clone Set: ${c.id} [${childId}]${tags}:`];
  const inner = indent + '  ';
  if (c.unique || first?.kind === 'group') {
    // Unique clones and clones of groups: crm_mon lists instances that are not plain "Started".
    if (c.unique) {
      for (const i of c.instances) lines.push(...resourceLines(i, inner, s, true, paint));
      return lines;
    }
  }
  const byRole = new Map<string, string[]>();
  const running = new Set<string>();
  for (const i of c.instances) {
    const prims = i.kind === 'group' ? i.children : [i];
    const lead = prims[0];
    if (!lead) continue;
    if (i.kind === 'primitive' && (i.failed || !i.managed)) {
      lines.push(`${inner}* ${primitiveLine(i, paint)}`);
      for (const n of i.nodes) running.add(n);
      continue;
    }
    if (!lead.active) continue;
    const role = roleName(lead.role, c.promotable);
    for (const n of lead.nodes) {
      running.add(n);
      const l = byRole.get(role) ?? [];
      l.push(n);
      byRole.set(role, l);
    }
  }
  const order = c.promotable ? ['Promoted', 'Unpromoted', 'Started'] : ['Started'];
  for (const role of order) {
    const nodes = byRole.get(role);
    if (nodes?.length) lines.push(`${inner}* ${paint('good', role)}: [ ${sortNames(nodes).join(' ')} ]`);
  }
  const stoppedCount = c.instances.filter((i) => !(i.kind === 'group' ? i.children.some((x) => x.active) : i.active || i.failed)).length;
  if (inactive && stoppedCount > 0) {
    const stopped = sortNames(s.nodes.map((n) => n.name).filter((n) => !running.has(n)));
    if (stopped.length) lines.push(`${inner}* ${paint('warn', 'Stopped')}: [ ${stopped.join(' ')} ]`);
  }
  return lines;
}

function roleName(role: string, promotable: boolean): string {
  if (!promotable) return 'Started';
  if (role === 'Promoted' || role === 'Master') return 'Promoted';
  if (role === 'Unpromoted' || role === 'Slave' || role === 'Started') return 'Unpromoted';
  return role;
}

/** crm_mon sorts node names in a clone's lists with a natural (digits as numbers) order. */
function sortNames(names: string[]): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `ip 10s-interval monitor on Lubuntu1 returned 'error' (reason) at <time>`. */
function failedAction(f: MonFailure): string {
  const rsc = f.opKey.replace(new RegExp(`_${f.task}_\\d+$`), '');
  const interval = f.interval > 0 ? `${readableInterval(f.interval)}-interval ` : '';
  const task = f.task === 'monitor' && f.interval === 0 ? 'probe' : f.task;
  let text = `${rsc} ${interval}${task} on ${f.node} returned '${f.exitStatus}'`;
  if (f.exitReason) text += ` (${f.exitReason})`;
  if (f.lastRcChange) text += ` at ${ctime(f.lastRcChange)}`;
  if (f.exec > 0) text += ` after ${readableInterval(f.exec)}`;
  return text;
}

/** pcmk__readable_interval: `10s`, `1m30s`, `500ms`. */
function readableInterval(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  const units: Array<[number, string]> = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  for (const [size, unit] of units) {
    if (rest >= size) {
      const n = Math.floor(rest / size);
      rest -= n * size;
      if (unit === 's' && rest > 0) {
        out += `${n}.${String(rest).padStart(3, '0').replace(/0+$/, '')}s`;
        rest = 0;
      } else {
        out += `${n}${unit}`;
      }
    }
  }
  if (rest > 0) out += `${rest}ms`;
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-28 20:59:10Z` → `Sat Nov 28 20:59:10 2026` in local time, as crm_mon prints it. */
export function ctime(iso: string): string {
  const d = new Date(iso.replace(' ', 'T').replace(/Z?$/, 'Z'));
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${d.getFullYear()}`;
}
