/**
 * The cluster's node names read live (issue 7 item 5), for completion and verify's "referenced
 * node does not exist" when connected: the CIB's `<nodes>` (`cibadmin -Q -o nodes`) and the
 * membership (`crm_node -l`, which knows a node that has not written itself to the CIB yet), both
 * through the session's transport, argv only. Not connected to a cluster: null (callers use the
 * working CIB's nodes, as crmsh does offline).
 */
import { diag } from '../diagnostic.js';
import { languageFrom, message } from '../messages/catalog.js';
import { childElements, parseXml } from '../shadow-cib/xml.js';
import type { Session } from './session.js';

/** The node names (unames) the live cluster knows, CIB nodes first; null when not connected. */
export async function liveNodeNames(session: Session): Promise<string[] | null> {
  if (!session.opts.openTransport && session.source.kind !== 'live') return null;
  const transport = await session.cluster();
  const names: string[] = [];
  const add = (n: string | null | undefined): void => {
    if (n && !names.includes(n)) names.push(n);
  };
  const cib = await transport.exec(['cibadmin', '-Q', '-o', 'nodes']);
  if (cib.code === 0) {
    try {
      const nodes = parseXml(cib.stdout).documentElement;
      if (nodes) for (const n of childElements(nodes)) if (n.tagName === 'node') add(n.getAttribute('uname'));
    } catch {
      // unreadable answer: the membership below may still name the nodes
    }
  }
  const members = await transport.exec(['crm_node', '-l']);
  // `1 Lubuntu member`: id, name, state; a CIB file on the node has no membership (exit 102).
  if (members.code === 0) for (const name of memberNames(members.stdout)) add(name);
  if (cib.code !== 0 && members.code !== 0) {
    const reason = (cib.stderr.trim() || members.stderr.trim()).split('\n')[0] ?? '';
    session.report(diag('TCRM3205', 'warning', message('TCRM3205', { where: transport.where, reason }, languageFrom(session.env))));
    return null;
  }
  return names;
}

/** `crm_node -l` output to node names (its second column). */
export function memberNames(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[1])
    .filter((n): n is string => !!n);
}
