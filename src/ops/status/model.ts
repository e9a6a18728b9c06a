/**
 * crm_mon's XML (`crm_mon -1 --output-as=xml`, Pacemaker 2.1.5, api-version 2.25) as plain
 * data: what the status renderer needs and nothing else. Pure.
 */
import { childElements, firstChild, parseXml, type Element } from '../../shadow-cib/xml.js';

export interface MonNode {
  name: string;
  id: string;
  online: boolean;
  standby: boolean;
  standbyOnFail: boolean;
  maintenance: boolean;
  pending: boolean;
  unclean: boolean;
  shutdown: boolean;
  isDc: boolean;
  resourcesRunning: number;
  /** `member`, `remote` or `ping`. */
  type: string;
  /** Guest nodes: the resource that hosts them (`id_as_resource`). */
  idAsResource: string;
}

export interface MonPrimitive {
  kind: 'primitive';
  id: string;
  agent: string;
  role: string;
  active: boolean;
  orphaned: boolean;
  blocked: boolean;
  managed: boolean;
  failed: boolean;
  failureIgnored: boolean;
  /** Where it runs (crm_mon lists one node per active instance). */
  nodes: string[];
  /** target-role Stopped: crm_mon says `(disabled)`. */
  disabled: boolean;
  /** The configured target-role as written (empty when none). */
  targetRole: string;
  /** `maintenance` (newer crm_mon XML only; 2.1.5 folds it into `managed`). */
  maintenance: boolean;
  /** `locked_to`: shutdown-lock node. */
  lockedTo: string;
  /** `pending`: the pending action (with --pending). */
  pending: string;
}

export interface MonGroup {
  kind: 'group';
  id: string;
  managed: boolean;
  disabled: boolean;
  children: MonPrimitive[];
}

export interface MonClone {
  kind: 'clone';
  id: string;
  promotable: boolean;
  unique: boolean;
  managed: boolean;
  disabled: boolean;
  failed: boolean;
  /** The clone's (or its child's) target-role as written: `Stopped (disabled)`, `Unpromoted (target-role)`. */
  targetRole: string;
  /** Each instance: a primitive, or a group (clone of a group). */
  instances: Array<MonPrimitive | MonGroup>;
}

/** One replica of a bundle: the implicit resources crm_mon lists in it, by their role. */
export interface MonReplica {
  id: string;
  ip?: MonPrimitive;
  /** The bundled primitive. */
  child?: MonPrimitive;
  container?: MonPrimitive;
  /** The guest node's connection resource. */
  remote?: MonPrimitive;
  /** The replica's address (from the IP resource's id). */
  ipaddr: string;
}

export interface MonBundle {
  kind: 'bundle';
  id: string;
  /** docker, podman or rkt. */
  type: string;
  image: string;
  unique: boolean;
  managed: boolean;
  failed: boolean;
  replicas: MonReplica[];
}

export type MonResource = MonPrimitive | MonGroup | MonClone | MonBundle;

export interface MonTicket {
  id: string;
  granted: boolean;
  standby: boolean;
  /** Already in crm_mon's time format; empty when never granted. */
  lastGranted: string;
}

export interface MonFailCount {
  node: string;
  rsc: string;
  migrationThreshold: string;
  failCount: string;
  lastFailure: string;
}

export interface MonFailure {
  opKey: string;
  node: string;
  exitStatus: string;
  exitReason: string;
  task: string;
  interval: number;
  lastRcChange: string;
  exec: number;
  status: string;
}

export interface MonState {
  /** `<pacemakerd state last_updated>` (live clusters): crm_mon's first line. */
  pacemakerd?: { state: string; lastUpdated: string };
  stack: string;
  dc: { present: boolean; name: string; version: string; withQuorum: boolean };
  lastUpdate: string;
  lastChange: { time: string; user: string; client: string; origin: string };
  nodesConfigured: number;
  resourcesConfigured: { number: number; disabled: number; blocked: number };
  maintenanceMode: boolean;
  stopAll: boolean;
  nodes: MonNode[];
  resources: MonResource[];
  failCounts: MonFailCount[];
  failures: MonFailure[];
  tickets: MonTicket[];
}

const attr = (el: Element | null | undefined, name: string): string => el?.getAttribute(name) ?? '';
const flag = (el: Element | null | undefined, name: string): boolean => attr(el, name) === 'true';
const num = (el: Element | null | undefined, name: string): number => Number.parseInt(attr(el, name), 10) || 0;

export class MonParseError extends Error {}

/** Parses crm_mon's XML; throws MonParseError when it is not crm_mon's result. */
export function parseCrmMon(text: string): MonState {
  let root: Element;
  try {
    root = parseXml(text).documentElement!;
  } catch (e) {
    throw new MonParseError((e as Error).message);
  }
  if (root.tagName !== 'pacemaker-result') throw new MonParseError(`unexpected root element <${root.tagName}>`);
  const summary = firstChild(root, 'summary');
  if (!summary) {
    const errors = firstChild(firstChild(root, 'status') ?? root, 'errors');
    const msg = errors ? childElements(errors).map((e) => e.textContent ?? '').join('; ') : 'no <summary>';
    throw new MonParseError(msg);
  }
  const dc = firstChild(summary, 'current_dc');
  const change = firstChild(summary, 'last_change');
  const rc = firstChild(summary, 'resources_configured');
  const opts = firstChild(summary, 'cluster_options');
  const pcmkd = firstChild(root, 'pacemakerd');
  return {
    ...(pcmkd ? { pacemakerd: { state: attr(pcmkd, 'state'), lastUpdated: attr(pcmkd, 'last_updated') } } : {}),
    stack: attr(firstChild(summary, 'stack'), 'type'),
    dc: { present: flag(dc, 'present'), name: attr(dc, 'name'), version: attr(dc, 'version'), withQuorum: flag(dc, 'with_quorum') },
    lastUpdate: attr(firstChild(summary, 'last_update'), 'time'),
    lastChange: { time: attr(change, 'time'), user: attr(change, 'user'), client: attr(change, 'client'), origin: attr(change, 'origin') },
    nodesConfigured: num(firstChild(summary, 'nodes_configured'), 'number'),
    resourcesConfigured: { number: num(rc, 'number'), disabled: num(rc, 'disabled'), blocked: num(rc, 'blocked') },
    maintenanceMode: flag(opts, 'maintenance-mode'),
    stopAll: flag(opts, 'stop-all-resources'),
    nodes: childElements(firstChild(root, 'nodes') ?? root)
      .filter((n) => n.tagName === 'node')
      .map(parseNode),
    resources: childElements(firstChild(root, 'resources') ?? root).flatMap(parseResource),
    failCounts: parseFailCounts(firstChild(root, 'node_history')),
    failures: childElements(firstChild(root, 'failures') ?? root)
      .filter((f) => f.tagName === 'failure')
      .map((f) => ({
        opKey: attr(f, 'op_key'),
        node: attr(f, 'node'),
        exitStatus: attr(f, 'exitstatus'),
        exitReason: attr(f, 'exitreason'),
        task: attr(f, 'task'),
        interval: num(f, 'interval'),
        lastRcChange: attr(f, 'last-rc-change'),
        exec: num(f, 'exec'),
        status: attr(f, 'status'),
      })),
    tickets: childElements(firstChild(root, 'tickets') ?? root)
      .filter((t) => t.tagName === 'ticket')
      .map((t) => ({ id: attr(t, 'id'), granted: attr(t, 'status') === 'granted', standby: flag(t, 'standby'), lastGranted: attr(t, 'last-granted') })),
  };
}

function parseNode(n: Element): MonNode {
  return {
    name: attr(n, 'name'),
    id: attr(n, 'id'),
    online: flag(n, 'online'),
    standby: flag(n, 'standby'),
    standbyOnFail: flag(n, 'standby_onfail'),
    maintenance: flag(n, 'maintenance'),
    pending: flag(n, 'pending'),
    unclean: flag(n, 'unclean'),
    shutdown: flag(n, 'shutdown'),
    isDc: flag(n, 'is_dc'),
    resourcesRunning: num(n, 'resources_running'),
    type: attr(n, 'type'),
    idAsResource: attr(n, 'id_as_resource'),
  };
}

function parsePrimitive(r: Element): MonPrimitive {
  return {
    kind: 'primitive',
    id: attr(r, 'id'),
    agent: attr(r, 'resource_agent'),
    role: attr(r, 'role'),
    active: flag(r, 'active'),
    orphaned: flag(r, 'orphaned'),
    blocked: flag(r, 'blocked'),
    managed: flag(r, 'managed'),
    failed: flag(r, 'failed'),
    failureIgnored: flag(r, 'failure_ignored'),
    nodes: childElements(r)
      .filter((c) => c.tagName === 'node')
      .map((c) => attr(c, 'name')),
    // `target_role` is present only when the resource has one.
    disabled: attr(r, 'target_role').toLowerCase() === 'stopped',
    targetRole: attr(r, 'target_role'),
    maintenance: flag(r, 'maintenance'),
    lockedTo: attr(r, 'locked_to'),
    pending: attr(r, 'pending'),
  };
}

function parseGroup(g: Element): MonGroup {
  return {
    kind: 'group',
    id: attr(g, 'id'),
    managed: attr(g, 'managed') !== 'false',
    disabled: flag(g, 'disabled'),
    children: childElements(g)
      .filter((c) => c.tagName === 'resource')
      .map(parsePrimitive),
  };
}

function parseResource(el: Element): MonResource[] {
  if (el.tagName === 'resource') return [parsePrimitive(el)];
  if (el.tagName === 'group') return [parseGroup(el)];
  if (el.tagName === 'clone') {
    return [
      {
        kind: 'clone',
        id: attr(el, 'id'),
        promotable: flag(el, 'multi_state'),
        unique: flag(el, 'unique'),
        managed: attr(el, 'managed') !== 'false',
        disabled: flag(el, 'disabled'),
        failed: flag(el, 'failed'),
        targetRole: attr(el, 'target_role'),
        instances: childElements(el)
          .filter((c) => c.tagName === 'resource' || c.tagName === 'group')
          .map((c) => (c.tagName === 'group' ? parseGroup(c) : parsePrimitive(c))),
      },
    ];
  }
  if (el.tagName === 'bundle') return [parseBundle(el)];
  return [];
}

/**
 * A bundle's replicas. crm_mon lists each replica's resources in a fixed order (IP, child,
 * container, remote) without saying which is which; their ids do: `<bundle>-ip-<addr>`,
 * `<bundle>-<type>-<n>`, `<bundle>-<n>`, and the child keeps its own id.
 */
function parseBundle(el: Element): MonBundle {
  const id = attr(el, 'id');
  const type = attr(el, 'type');
  const replicas = childElements(el)
    .filter((c) => c.tagName === 'replica')
    .map((rep): MonReplica => {
      const n = attr(rep, 'id');
      const replica: MonReplica = { id: n, ipaddr: '' };
      for (const r of childElements(rep).filter((c) => c.tagName === 'resource').map(parsePrimitive)) {
        if (r.id.startsWith(`${id}-ip-`)) {
          replica.ip = r;
          replica.ipaddr = r.id.slice(`${id}-ip-`.length);
        } else if (r.id === `${id}-${type}-${n}`) replica.container = r;
        else if (r.id === `${id}-${n}`) replica.remote = r;
        else replica.child = r;
      }
      return replica;
    });
  return {
    kind: 'bundle',
    id,
    type,
    image: attr(el, 'image'),
    unique: flag(el, 'unique'),
    managed: attr(el, 'managed') !== 'false',
    failed: flag(el, 'failed'),
    replicas,
  };
}

function parseFailCounts(history: Element | null): MonFailCount[] {
  const out: MonFailCount[] = [];
  for (const node of history ? childElements(history) : []) {
    for (const rh of childElements(node)) {
      if (rh.tagName !== 'resource_history' || !rh.hasAttribute('fail-count')) continue;
      out.push({
        node: attr(node, 'name'),
        rsc: attr(rh, 'id'),
        migrationThreshold: attr(rh, 'migration-threshold'),
        failCount: attr(rh, 'fail-count'),
        lastFailure: attr(rh, 'last-failure'),
      });
    }
  }
  return out;
}
