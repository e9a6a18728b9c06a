/**
 * The node level (commands.md §6): attribute commands through crm_attribute (in-process on a
 * file), standby/online/maintenance as crmsh edits its CIB copy, show/server from the CIB.
 * No ping of the node: crmsh's local ping check means nothing from a workstation (issue 8).
 */
import { diag } from '../diagnostic.js';
import type { Document } from '../shadow-cib/xml.js';
import { childElements, firstChild } from '../shadow-cib/xml.js';
import { nodeElements } from '../shadow-cib/cib-query.js';
import { crmAttribute, crmAttributeArgv, type CrmAttributeRequest } from '../ops/crm-attribute.js';
import { findNode, setNodeAttr, setOnline, setStandby } from '../ops/node-state.js';
import { currentCib, manageChildren, runTool, printToolResult, thisNode, toolCommand } from '../ops/session-ops.js';
import { cibconfigEdit, waitIfAsked } from '../ops/cibconfig-edit.js';
import type { HandlerTable } from './commands.js';
import type { Session } from './session.js';

function attrRequest(cmd: { kind: string; node: { text: string }; action: 'set' | 'delete' | 'show'; name: { text: string }; value?: { text: string } }): CrmAttributeRequest {
  const r: CrmAttributeRequest = {
    scope: cmd.kind === 'node.status-attr' ? 'status' : 'nodes',
    node: cmd.node.text,
    name: cmd.name.text,
    action: cmd.action,
    utilization: cmd.kind === 'node.utilization',
  };
  if (cmd.value) r.value = cmd.value.text;
  return r;
}

async function attrCommand(session: Session, r: CrmAttributeRequest): Promise<boolean> {
  const ok = await toolCommand(session, (doc) => crmAttribute(doc, r), crmAttributeArgv(r));
  if (ok && r.action !== 'show') await waitIfAsked(session);
  return ok;
}

/** parse_option_for_nodes: `--all`, the named nodes (each must be in the CIB), or this host. */
async function nodeList(session: Session, cmd: { nodes: Array<{ text: string }>; all: boolean }, name: string): Promise<string[] | null> {
  if (!cmd.all && cmd.nodes.length === 0) return [await thisNode(session)];
  const doc = await currentCib(session);
  if (!doc) return null;
  const members = memberNames(doc);
  for (const n of cmd.nodes) {
    if (!members.includes(n.text)) {
      session.report(diag('CRM', 'error', `node.${name}: Node "${n.text}" is not a cluster node`));
      return null;
    }
  }
  return cmd.all ? members : cmd.nodes.map((n) => n.text);
}

/** utils.list_cluster_nodes: unames (or ids) of the CIB's nodes, remote nodes with a server left out. */
function memberNames(doc: Document): string[] {
  return nodeElements(doc).map((n) => n.getAttribute('uname') || n.getAttribute('id') || '');
}

export const NODE_HANDLERS: HandlerTable = {
  'node.attribute': (session, cmd) => attrCommand(session, attrRequest(cmd)),
  'node.utilization': (session, cmd) => attrCommand(session, attrRequest(cmd)),
  'node.status-attr': (session, cmd) => attrCommand(session, attrRequest(cmd)),

  'node.standby': async (session, cmd) => {
    const nodes = await nodeList(session, cmd, 'standby');
    if (!nodes) return false;
    const live = cmd.lifetime === 'reboot' ? ['-l', 'reboot'] : ['-l', 'forever'];
    const ok = await cibconfigEdit(session, {
      file: (doc, ids) => setStandby(doc, nodes, cmd.lifetime, ids),
      live: nodes.map((n) => ['crm_attribute', '-N', n, '-n', 'standby', '-v', 'on', ...live]),
      checksPending: false,
    });
    if (!ok) return false;
    for (const n of nodes) session.report(diag('CRM', 'info', `standby node ${n}`));
    await waitIfAsked(session);
    return true;
  },

  'node.online': async (session, cmd) => {
    const nodes = await nodeList(session, cmd, 'online');
    if (!nodes) return false;
    const ok = await cibconfigEdit(session, {
      file: (doc) => setOnline(doc, nodes),
      live: nodes.flatMap((n) => [
        ['crm_attribute', '-N', n, '-n', 'standby', '-v', 'off', '-l', 'forever'],
        ['crm_attribute', '-N', n, '-n', 'standby', '-v', 'off', '-l', 'reboot'],
      ]),
      checksPending: false,
    });
    if (!ok) return false;
    for (const n of nodes) session.report(diag('CRM', 'info', `online node ${n}`));
    await waitIfAsked(session);
    return true;
  },

  'node.maintenance': async (session, cmd) => {
    const node = cmd.node?.text ?? (await thisNode(session));
    const opts = { manageChildren: manageChildren(session), ask: (q: string) => session.confirm(q) };
    let found = true;
    const ok = await cibconfigEdit(session, {
      file: async (doc, ids) => {
        found = await setNodeAttr(doc, node, 'maintenance', 'true', { ...opts, ids });
      },
      live: [['crm_attribute', '-t', 'nodes', '-N', node, '-n', 'maintenance', '-v', 'true']],
      checksPending: true,
    });
    if (!found) {
      session.report(diag('CRM', 'error', 'CIB is not valid!'));
      session.report(diag('CRM', 'error', `Failed to update node attributes for ${node}`));
      return false;
    }
    if (ok) await waitIfAsked(session);
    return ok;
  },

  'node.ready': async (session, cmd) => {
    const node = cmd.node?.text ?? (await thisNode(session));
    return attrCommand(session, { scope: 'nodes', node, name: 'maintenance', action: 'set', value: 'off' });
  },

  'node.show': async (session, cmd) => {
    const doc = await currentCib(session);
    if (!doc) return false;
    const lines = showNodes(doc, cmd.node?.text);
    if (lines.length > 0) session.out.print(lines.join('\n'));
    return true;
  },

  'node.server': async (session, cmd) => {
    const doc = await currentCib(session);
    if (!doc) return false;
    const wanted = cmd.nodes.map((n) => n.text);
    const lines: string[] = [];
    for (const node of nodeElements(doc)) {
      const name = node.getAttribute('uname') || node.getAttribute('id') || '';
      // crmsh compares the XML element with the names (a bug that makes a filter match
      // nothing); we filter by name, which is what the help text promises.
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      lines.push(name);
    }
    if (lines.length) session.out.print(lines.join('\n'));
    return true;
  },

  'node.clearstate': async (session, cmd) => {
    const node = cmd.node?.text ?? (await thisNode(session));
    if (!(await session.confirm(`Do you really want to drop state for node ${node}?`))) return false;
    const r = await runTool(session, ['crm_resource', '--cleanup', '--node', node]);
    if (!r) return false;
    printToolResult(session, r);
    return r.code === 0;
  },

  'node.fence': async (session, cmd) => {
    const node = cmd.node.text;
    const q = `Fencing ${node} will shut down the node and migrate any resources that are running on it! Do you want to fence ${node}?`;
    if (!session.opts.force && !(await session.confirm(q))) return false;
    const r = await runTool(session, ['crm_attribute', '-t', 'status', '-N', node, '-n', 'terminate', '-v', 'true']);
    if (!r) return false;
    printToolResult(session, r);
    return r.code === 0;
  },

  'node.delete': async (session, cmd) => {
    const node = cmd.node.text;
    const doc = await currentCib(session);
    if (!doc) return false;
    if (!findNode(doc, node)) {
      session.report(diag('CRM', 'error', `node ${node} not found in the CIB`));
      return false;
    }
    if (session.source.kind === 'live') {
      const p = await runTool(session, ['crm_node', '-p']);
      if (!p) return false;
      if (p.stdout.split(/\s+/).includes(node) && !session.opts.force) {
        session.report(diag('CRM', 'error', `according to crm_node, node ${node} is still active`));
        return false;
      }
      const r = await runTool(session, ['crm_node', '--force', '-R', node]);
      if (!r) return false;
      if (r.code !== 0) {
        const x = await runTool(session, ['cibadmin', '--delete-all', '--force', '--xpath', `//nodes/node[@uname='${node.replace(/'/g, '')}']`]);
        if (!x || x.code !== 0) return false;
      }
    } else {
      const ok = await cibconfigEdit(session, {
        file: (d) => {
          const el = findNode(d, node);
          el?.parentNode?.removeChild(el);
          const status = firstChild(d.documentElement!, 'status');
          for (const s of status ? childElements(status) : []) if (s.getAttribute('uname') === node) status!.removeChild(s);
        },
        live: [],
        checksPending: false,
      });
      if (!ok) return false;
    }
    session.report(diag('CRM', 'info', `node ${node} deleted`));
    return true;
  },
};

/** `node show`: crmsh's print_node for each node (sorted by name), or one. */
export function showNodes(doc: Document, only?: string): string[] {
  const states = (() => {
    const status = firstChild(doc.documentElement!, 'status');
    return status ? childElements(status).filter((s) => s.tagName === 'node_state') : [];
  })();
  const cfg = nodeElements(doc);
  const names = only !== undefined ? [only] : [...new Set([...cfg, ...states].map((n) => n.getAttribute('uname') ?? ''))].sort();
  const lines: string[] = [];
  for (const uname of names) {
    const xml = cfg.find((n) => n.getAttribute('uname') === uname);
    const state = states.find((n) => n.getAttribute('uname') === uname);
    const el = xml ?? state;
    if (!el) continue;
    const offline = state?.getAttribute('crmd') === 'offline' ? '(offline)' : '';
    const id = el.getAttribute('id') ?? '';
    const type = el.getAttribute('type') || 'member';
    lines.push(uname === id ? `${uname}: ${type}${offline}` : `${uname}(${id}): ${type}${offline}`);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      if (!['type', 'uname', 'id'].includes(a.name)) lines.push(`\t${a.name}: ${a.value}`);
    }
    for (const set of childElements(el).filter((c) => c.tagName === 'instance_attributes')) {
      const pairs = childElements(set)
        .filter((c) => c.tagName === 'nvpair')
        .map((nv) => `${nv.getAttribute('name')}=${cliValue(nv.getAttribute('value') ?? '')}`);
      lines.push(`\t${pairs.join(' ')}`);
    }
  }
  return lines;
}

/** crmsh quotes a value with spaces or quotes when printing name=value pairs. */
function cliValue(v: string): string {
  return /[\s"']/.test(v) || v === '' ? `"${v.replace(/"/g, '\\"')}"` : v;
}
