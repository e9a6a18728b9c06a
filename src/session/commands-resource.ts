/**
 * The resource level (commands.md §7). param/meta/utilization run crm_resource (in-process on
 * a file); start/stop/manage/unmanage/maintenance are crmsh's deep meta edit; the rest are
 * Pacemaker tools through the transport (on a CIB file with CIB_file set, as crmsh does),
 * with crmsh's own INFO lines around them.
 */
import { diag } from '../diagnostic.js';
import type { Arg } from '../grammar/shell-ast.js';
import { crmResourceAttr, crmResourceAttrArgv, findResource, type ResourceAttrRequest } from '../ops/crm-resource-attr.js';
import { resourceNotFound, setDeepMetaAttr } from '../ops/deep-meta.js';
import { cibconfigEdit, waitIfAsked } from '../ops/cibconfig-edit.js';
import { currentCib, manageChildren, printToolResult, runTool, toolCommand } from '../ops/session-ops.js';
import { findNode } from '../ops/node-state.js';
import { traceResource, untraceResource, type TraceOutcome, type TraceRequest } from '../ops/trace.js';
import { nodeElements } from '../shadow-cib/cib-query.js';
import { childElements, firstChild } from '../shadow-cib/xml.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';

/** crmsh's LIFETIME words and ISO 8601 durations/times (utils.fetch_lifetime_opt). */
const LIFETIMES = ['reboot', 'forever'];
const ISO8601 = /^(R\d*\/)?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$|^\d{4}-\d{2}-\d{2}/;
const isLifetime = (s: string): boolean => LIFETIMES.includes(s) || ISO8601.test(s);

/** Runs a tool and prints what it printed; true when it exited 0. */
async function tool(session: Session, argv: string[]): Promise<boolean> {
  const r = await runTool(session, argv);
  if (!r) return false;
  printToolResult(session, r);
  return r.code === 0;
}

/** Per session: the top-level resources crmsh-style commits touched (see DeepMetaOptions). */
const COMMITTED = new WeakMap<Session, Set<string>>();

async function metaCommand(session: Session, resources: Arg[], attr: string, value: string): Promise<boolean> {
  let committed = COMMITTED.get(session);
  if (!committed) COMMITTED.set(session, (committed = new Set()));
  const opts = { manageChildren: manageChildren(session), ask: (q: string) => session.confirm(q), committed };
  const missing: string[] = [];
  const ok = await cibconfigEdit(session, {
    file: async (doc, ids) => {
      for (const r of resources) if (!(await setDeepMetaAttr(doc, r.text, attr, value, { ...opts, ids }))) missing.push(r.text);
    },
    live: resources.map((r) => ['crm_resource', '--meta', '--resource', r.text, '--set-parameter', attr, '--parameter-value', value]),
    checksPending: true,
  });
  if (missing.length > 0) {
    for (const m of missing) session.report(diag('CRM', 'error', resourceNotFound(m)));
    return false;
  }
  if (ok) await waitIfAsked(session);
  return ok;
}

async function attrCommand(session: Session, r: ResourceAttrRequest): Promise<boolean> {
  const ok = await toolCommand(session, (doc) => crmResourceAttr(doc, r), crmResourceAttrArgv(r));
  if (ok && r.action !== 'show') await waitIfAsked(session);
  return ok;
}

function attrRequest(cmd: { kind: string; rsc: Arg; action: 'set' | 'delete' | 'show'; name: Arg; value?: Arg }): ResourceAttrRequest {
  const kind = cmd.kind === 'resource.param' ? 'param' : cmd.kind === 'resource.meta' ? 'meta' : 'utilization';
  const r: ResourceAttrRequest = { kind, rsc: cmd.rsc.text, action: cmd.action, name: cmd.name.text };
  if (cmd.value) r.value = cmd.value.text;
  return r;
}

type WithResources = { resources: Arg[] };
type WithRsc = { rsc: Arg };

export const RESOURCE_HANDLERS: HandlerTable = {
  'resource.param': (session, cmd) => attrCommand(session, attrRequest(cmd)),
  'resource.meta': (session, cmd) => attrCommand(session, attrRequest(cmd)),
  'resource.utilization': (session, cmd) => attrCommand(session, attrRequest(cmd)),

  // Kinds that share one union member narrow to `never` in HandlerTable: name their shape.
  'resource.start': (session, cmd) => metaCommand(session, (cmd as WithResources).resources, 'target-role', 'Started'),
  'resource.stop': (session, cmd) => metaCommand(session, (cmd as WithResources).resources, 'target-role', 'Stopped'),
  'resource.manage': (session, cmd) => metaCommand(session, [(cmd as WithRsc).rsc], 'is-managed', 'true'),
  'resource.unmanage': (session, cmd) => metaCommand(session, [(cmd as WithRsc).rsc], 'is-managed', 'false'),
  'resource.maintenance': (session, cmd) => metaCommand(session, [cmd.rsc], 'maintenance', cmd.on ? 'true' : 'false'),

  'resource.restart': async (session, c) => {
    const cmd = c as WithResources;
    const names = cmd.resources.map((r) => r.text).join(', ');
    session.report(diag('CRM', 'info', `ordering ${names} to stop`));
    if (!(await metaCommand(session, cmd.resources, 'target-role', 'Stopped'))) return false;
    if (session.source.kind === 'live') {
      const r = await runTool(session, ['crm_resource', '--wait']);
      if (!r) return false;
    }
    session.report(diag('CRM', 'info', `ordering ${names} to start`));
    return metaCommand(session, cmd.resources, 'target-role', 'Started');
  },

  'resource.status': async (session, cmd) => {
    if (cmd.resources.length === 0) return tool(session, ['crm_resource', '--list']);
    let ok = true;
    for (const r of cmd.resources) ok = (await tool(session, ['crm_resource', '--locate', '--resource', r.text])) && ok;
    return ok;
  },

  'resource.locate': async (session, cmd) => {
    for (const r of (cmd as WithResources).resources) await tool(session, ['crm_resource', '--resource', r.text, '--locate']);
    return true;
  },

  'resource.move': (session, cmd) => moveOrBan(session, 'move', cmd),
  'resource.ban': (session, cmd) => moveOrBan(session, 'ban', cmd),

  'resource.clear': async (session, cmd) => {
    if (!(await tool(session, ['crm_resource', '--quiet', '--clear', '--resource', cmd.rsc.text]))) return false;
    session.report(diag('CRM', 'info', `Removed migration constraints for ${cmd.rsc.text}`));
    await waitIfAsked(session);
    return true;
  },

  'resource.cleanup': (session, cmd) => cleanupOrRefresh(session, 'cleanup', cmd),
  'resource.refresh': (session, cmd) => cleanupOrRefresh(session, 'refresh', cmd),

  'resource.operations': async (session, cmd) => {
    const argv = ['crm_resource', '-O'];
    if (cmd.rsc) argv.push('-r', cmd.rsc.text);
    if (cmd.rsc && cmd.node) argv.push('-N', cmd.node.text);
    return tool(session, argv);
  },

  'resource.constraints': (session, cmd) => tool(session, ['crm_resource', '-a', '-r', cmd.rsc.text]),

  'resource.scores': (session) => tool(session, ['crm_simulate', '-sUL']),

  'resource.promote': (session, cmd) => setRole(session, (cmd as WithRsc).rsc.text, 'Master'),
  'resource.demote': (session, cmd) => setRole(session, (cmd as WithRsc).rsc.text, 'Slave'),

  'resource.failcount': async (session, cmd) => {
    const doc = await currentCib(session);
    if (!doc) return false;
    const rsc = cmd.rsc.text;
    if (!findResource(doc, rsc)) {
      session.report(diag('CRM', 'warning', `resource.failcount: Resource ${rsc} not exists in this cluster`));
      return true;
    }
    const node = findNode(doc, cmd.node.text);
    const nodeId = node?.getAttribute('id');
    if (!nodeId) {
      session.report(diag('CRM', 'error', `resource.failcount: Node ${cmd.node.text} not in this cluster`));
      return false;
    }
    if (cmd.action === 'show') return tool(session, ['crm_failcount', '-G', '-r', rsc, '-N', cmd.node.text]);
    if (cmd.action === 'delete') return tool(session, ['crm_failcount', '-D', '-r', rsc, '-N', cmd.node.text]);
    const value = cmd.value?.text ?? '0';
    const entries = failcountEntries(doc, nodeId, rsc);
    if (entries.length === 0) return Number.parseInt(value, 10) === 0;
    const op = cmd.operation?.text;
    const interval = cmd.interval?.text;
    let name: string;
    if (entries.length === 1) name = `${rsc}#${entries[0]![0]}_${entries[0]![1]}`;
    else if (op && interval) name = `${rsc}#${op}_${interval}000`;
    else if (op && entries.filter(([o]) => o === op).length === 1) name = `${rsc}#${op}_${entries.find(([o]) => o === op)![1]}`;
    else {
      const list = entries.map(([o, i]) => `('${o}', '${i.slice(0, -3)}')`).join(', ');
      session.report(diag('CRM', 'error', `resource.failcount: Should specify (operation, interval) between [${list}]`));
      return false;
    }
    return tool(session, ['crm_attribute', '-t', 'status', '-n', `fail-count-${name}`, '-N', cmd.node.text, '-v', value]);
  },

  'resource.trace': (session, cmd) => traceCommand(session, 'trace', cmd),
  'resource.untrace': (session, cmd) => traceCommand(session, 'untrace', cmd),
};

/** `fail-count-<rsc>#<op>_<interval ms>` transient attributes of a node, as [op, interval]. */
function failcountEntries(doc: import('../shadow-cib/xml.js').Document, nodeId: string, rsc: string): Array<[string, string]> {
  const status = firstChild(doc.documentElement!, 'status');
  const state = status && childElements(status).find((s) => s.tagName === 'node_state' && s.getAttribute('id') === nodeId);
  const out: Array<[string, string]> = [];
  const walk = (el: import('../shadow-cib/xml.js').Element): void => {
    for (const c of childElements(el)) {
      const m = c.tagName === 'nvpair' && new RegExp(`^fail-count-${rsc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#(.*)_([0-9]+)$`).exec(c.getAttribute('name') ?? '');
      if (m) out.push([m[1]!, m[2]!]);
      walk(c);
    }
  };
  if (state) walk(state);
  return out;
}

async function moveOrBan(session: Session, action: 'move' | 'ban', cmd: { rsc: Arg; rest: Arg[]; force: boolean }): Promise<boolean> {
  const rsc = cmd.rsc.text;
  const usage = `usage: ${action} <rsc> [<node>] [<lifetime>] [force]`;
  const words = cmd.rest.map((a) => a.text);
  const doc = words.length > 0 ? await currentCib(session) : null;
  if (words.length > 0 && !doc) return false;
  const isNode = (n: string): boolean => !!doc && nodeElements(doc).some((e) => e.getAttribute('uname') === n);
  let node: string | undefined;
  let lifetime: string | undefined;
  if (words.length >= 3) {
    session.report(diag('CRM', 'error', `resource.${action}: ${usage}`));
    return false;
  }
  if (words.length === 2) {
    if (!isNode(words[0]!)) {
      session.report(diag('CRM', 'error', `resource.${action}: Not our node: ${words[0]}`));
      return false;
    }
    node = words[0];
    if (isLifetime(words[1]!)) lifetime = words[1];
  } else if (words.length === 1) {
    if (isNode(words[0]!)) node = words[0];
    else if (isLifetime(words[0]!)) lifetime = words[0];
  }
  const cap = action === 'move' ? 'Move' : 'Ban';
  if (action === 'move' && !node && !cmd.force) {
    session.report(diag('CRM', 'error', `resource.move: No target node: Move requires either a target node or 'force'`));
    return false;
  }
  const argv = action === 'move' ? ['crm_resource', '--quiet', '--move', '--resource', rsc] : ['crm_resource', '--ban', '--resource', rsc];
  if (node) argv.push('--node', node);
  if (lifetime) argv.push('--lifetime', lifetime);
  if (cmd.force) argv.push('--force');
  if (!(await tool(session, argv))) return false;
  session.report(diag('CRM', 'info', node ? `${cap} constraint created for ${rsc} to ${node}` : `${cap} constraint created for ${rsc}`));
  session.report(diag('CRM', 'info', `Use \`crm resource clear ${rsc}\` to remove this constraint`));
  await waitIfAsked(session);
  return true;
}

async function cleanupOrRefresh(session: Session, action: 'cleanup' | 'refresh', cmd: { rsc?: Arg; node?: Arg; force: boolean }): Promise<boolean> {
  const argv = ['crm_resource', `--${action}`];
  if (cmd.rsc) argv.push('--resource', cmd.rsc.text);
  if (cmd.node) argv.push('--node', cmd.node.text);
  if (cmd.force) argv.push('--force');
  const ok = await tool(session, argv);
  if (ok) await waitIfAsked(session);
  return ok;
}

/**
 * trace/untrace edit the CIB crmsh's way (an op attribute, a dummy op) — in-process on a file,
 * and on live as a read + the same edit + `cibadmin --replace` of that one primitive.
 */
async function traceCommand(
  session: Session,
  action: 'trace' | 'untrace',
  cmd: { rsc: Arg; op?: string; interval?: string; dir?: string },
): Promise<boolean> {
  const req: TraceRequest = { rsc: cmd.rsc.text };
  if (cmd.op !== undefined) req.op = cmd.op;
  if (cmd.interval !== undefined) req.interval = cmd.interval;
  if (cmd.dir !== undefined) req.dir = cmd.dir;
  const edit = action === 'trace' ? traceResource : untraceResource;
  let outcome: TraceOutcome = { ok: false, error: `resource ${req.rsc} does not exist` };
  if (session.source.kind === 'live') {
    const doc = await currentCib(session);
    if (!doc) return false;
    outcome = edit(doc, req);
    if (outcome.ok) {
      const el = findResource(doc, req.rsc)!;
      const { serializeNode } = await import('../shadow-cib/xml.js');
      const r = await runTool(session, ['cibadmin', '--replace', '-o', 'resources', '--xml-text', serializeNode(el)]);
      if (!r) return false;
      printToolResult(session, { stdout: '', stderr: r.stderr });
      if (r.code !== 0) return false;
    }
  } else {
    const ok = await cibconfigEdit(session, { file: (doc) => void (outcome = edit(doc, req)), live: [], checksPending: false });
    if (!ok) return false;
  }
  if (!outcome.ok) {
    const known = /does not exist|is not a primitive/.test(outcome.error);
    session.report(diag('CRM', 'error', known ? outcome.error : `resource.${action}: ${outcome.error}`));
    return false;
  }
  const op = req.op;
  if (action === 'untrace') {
    session.report(diag('CRM', 'info', `Stop tracing ${req.rsc}${op ? ` for operation ${op}` : ''}`));
    return true;
  }
  session.report(diag('CRM', 'info', `Trace for ${req.rsc}${op ? `:${op}` : ''} is written to /var/lib/heartbeat/trace_ra/${outcome.type}`));
  session.report(
    diag('CRM', 'info', op !== undefined && op !== 'monitor'
      ? `Trace set, restart ${req.rsc} to trace the ${op} operation`
      : `Trace set, restart ${req.rsc} to trace non-monitor operations`),
  );
  return true;
}

/** Truthy the way crmsh's is_boolean_true reads a meta value. */
const isTrue = (v: string | null | undefined): boolean => /^(true|yes|on|1|y)$/i.test(v ?? '');

/**
 * promote/demote: crm_resource sets target-role (Master/Slave; crmsh 4.4.1 without
 * OCF_1_1_SUPPORT) on a master or a clone with `promotable=true`, else crmsh's error.
 */
async function setRole(session: Session, rsc: string, role: 'Master' | 'Slave'): Promise<boolean> {
  const doc = await currentCib(session);
  if (!doc) return false;
  const el = findResource(doc, rsc);
  const meta = el ? childElements(el).find((c) => c.tagName === 'meta_attributes') : undefined;
  const promotable = meta ? isTrue(childElements(meta).find((nv) => nv.getAttribute('name') === 'promotable')?.getAttribute('value')) : false;
  if (!el || !(el.tagName === 'master' || promotable)) {
    session.report(diag('CRM', 'error', `${rsc} is not a promotable resource`));
    return false;
  }
  const r: ResourceAttrRequest = { kind: 'meta', rsc, action: 'set', name: 'target-role', value: role };
  return attrCommand(session, r);
}
