/**
 * crm_mon's text (`crm_mon -1`, Pacemaker 2.1.5) rendered from its XML, so that tcrm shows the
 * same status over any transport and can colour it: the cluster summary, the node list
 * (cluster, remote and guest nodes), resources (all with `inactive`, crmsh's default; see
 * render-resources.ts), the migration summary with `failcounts`, failed resource actions, and
 * the tickets with `tickets` (`crm_mon -c`). Pure: the caller passes a painter (identity when
 * colour is off). Checked line for line against crm_mon on fixtures/crm-mon.
 */
import type { MonFailure, MonNode, MonState } from './model.js';
import { resourceList, type StatusPaint } from './render-resources.js';

export type { StatusPaint } from './render-resources.js';

export interface RenderOptions {
  /** `-r`: list inactive resources too ("Full List of Resources"). */
  inactive: boolean;
  /** `-f`: the migration summary (fail counts). */
  failcounts: boolean;
  /** `-c`: the tickets. */
  tickets?: boolean;
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
  lines.push(...resourceList(state, opts.inactive, paint));
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
  if (opts.tickets && state.tickets.length > 0) {
    lines.push('', 'Tickets:');
    for (const t of state.tickets) {
      const granted = t.granted ? 'granted' : 'revoked';
      const last = t.lastGranted ? ` last-granted="${t.lastGranted}"` : '';
      lines.push(`  * ${t.id}: ${paint(t.granted ? 'good' : 'warn', granted)}${t.standby ? ' [standby]' : ''}${last}`);
    }
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
  const blocked = `${rc.blocked} BLOCKED from further action due to failure`;
  if (rc.disabled > 0 && rc.blocked > 0) rscLine += ` (${rc.disabled} DISABLED, ${blocked})`;
  else if (rc.disabled > 0) rscLine += ` (${rc.disabled} DISABLED)`;
  else if (rc.blocked > 0) rscLine += ` (${blocked})`;
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

/** pe_output.c's node list: nodes in a special state one per line, the others in brackets. */
function nodeList(nodes: MonNode[], paint: StatusPaint): string[] {
  const lines: string[] = [];
  // In crm_mon's order; each list is printed only when it has names.
  const lists: Record<string, string[]> = { Online: [], OFFLINE: [], RemoteOnline: [], RemoteOFFLINE: [], GuestOnline: [] };
  for (const n of nodes) {
    const kind = n.type !== 'remote' ? '' : n.idAsResource ? 'Guest' : 'Remote';
    // A guest node whose container is down is not listed at all (crm_mon 2.1.5).
    if (kind === 'Guest' && !n.online && !n.unclean && !n.pending) continue;
    const special = nodeState(n);
    if (special) lines.push(`  * ${kind}Node ${n.name}: ${paint(special.word, special.text)}`);
    else (lists[`${kind}${n.online ? 'Online' : 'OFFLINE'}`] ??= []).push(n.name);
  }
  for (const [word, names] of Object.entries(lists)) {
    if (names.length) lines.push(`  * ${paint(word.endsWith('Online') ? 'good' : 'bad', word)}: [ ${names.join(' ')} ]`);
  }
  return lines;
}

/** A node crm_mon lists on its own line, with the state word it prints. */
function nodeState(n: MonNode): { word: 'good' | 'warn' | 'bad'; text: string } | null {
  if (n.unclean) return { word: 'bad', text: n.online ? 'UNCLEAN (online)' : n.pending ? 'UNCLEAN (pending)' : 'UNCLEAN (offline)' };
  if (n.pending) return { word: 'warn', text: 'pending' };
  // An offline node is just OFFLINE, whatever its standby or maintenance attribute says.
  if (!n.online) return null;
  if (n.standbyOnFail) return { word: 'warn', text: 'standby (on-fail)' };
  if (n.standby) return { word: 'warn', text: n.resourcesRunning > 0 ? 'standby (with active resources)' : 'standby' };
  if (n.maintenance) return { word: 'warn', text: 'maintenance' };
  return null;
}

/** `ip 10s-interval monitor on Lubuntu1 returned 'error' (reason) at <time>`. */
function failedAction(f: MonFailure): string {
  const rsc = f.opKey.replace(new RegExp(`_${f.task}_\\d+$`), '');
  const interval = f.interval > 0 ? `${readableInterval(f.interval)}-interval ` : '';
  const task = f.task === 'monitor' && f.interval === 0 ? 'probe' : f.task;
  let text = `${rsc} ${interval}${task} on ${f.node}`;
  if (f.status === 'complete' || f.status === '') {
    text += ` returned '${f.exitStatus}'`;
    if (f.exitReason) text += ` (${f.exitReason})`;
  } else {
    // The action did not complete: crm_mon names the execution status instead of a result.
    text += ` could not be executed (${f.status}${f.exitReason ? `: ${f.exitReason}` : ''})`;
  }
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
