/**
 * `crm_attribute` on a CIB document, as Pacemaker 2.1.5 does it on a `CIB_file`: the node
 * commands (`node attribute|utilization|status-attr`, `ready`) run it, and on a file tcrm edits
 * the document in-process. The result is shaped like the tool's (exit code, stdout, stderr), so
 * the caller prints the same thing whether the tool ran or this did.
 *
 * Measured (CIB_file, Pacemaker 2.1.5): a new node attribute goes into the set `nodes-<id>`
 * (`nodes-<id>-utilization` with -z), created at the end of the node, nvpair `<set>-<name>`;
 * an existing nvpair of that name in any set of the node is updated in place; `-D` leaves the
 * set even when it becomes empty; `-G` prints `scope=nodes  name=N value=V`; a missing
 * attribute is exit 105 with `Error performing operation: No such device or address`.
 */
import type { Document, Element } from '../shadow-cib/xml.js';
import { childElements, firstChild } from '../shadow-cib/xml.js';
import { nodeElements } from '../shadow-cib/cib-query.js';
import { addElement, nvpairsNamed, removeElement } from './nv-sets.js';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The document was modified (and must be written). */
  changed: boolean;
}

export type AttrScope = 'nodes' | 'status';

export interface CrmAttributeRequest {
  scope: AttrScope;
  node: string;
  name: string;
  /** -z: the node's utilization instead of its instance attributes. */
  utilization?: boolean;
  action: 'set' | 'delete' | 'show';
  value?: string;
}

/** crm_attribute's argv for the same request (what runs on a live cluster). */
export function crmAttributeArgv(r: CrmAttributeRequest): string[] {
  const argv = ['crm_attribute'];
  if (r.utilization) argv.push('-z');
  if (r.action === 'delete') argv.push('-D');
  if (r.action === 'show') argv.push('-G');
  argv.push('-t', r.scope, '-N', r.node, '-n', r.name);
  if (r.action === 'set') argv.push('-v', r.value ?? '');
  return argv;
}

const NXIO = 'No such device or address';

export function crmAttribute(doc: Document, r: CrmAttributeRequest): ToolResult {
  const node = nodeElements(doc).find((n) => n.getAttribute('uname') === r.node);
  if (!node) return fail(105, `crm_attribute: Could not map name=${r.node} to a UUID\n`);
  const id = node.getAttribute('id') ?? r.node;
  const setTag = r.utilization ? 'utilization' : 'instance_attributes';
  const owner = r.scope === 'nodes' ? node : transientOwner(doc, id);
  const hits = owner ? nvpairsNamed(owner, setTag, r.name) : [];
  if (hits.length > 1) return multiple(r, hits);

  if (r.action === 'show') {
    if (hits.length === 0) return fail(105, `crm_attribute: Error performing operation: ${NXIO}\n`);
    return ok(`scope=${r.scope}  name=${r.name} value=${hits[0]!.getAttribute('value') ?? ''}\n`, false);
  }
  if (r.action === 'delete') {
    if (hits.length === 0) return ok('', false);
    const nv = hits[0]!;
    removeElement(nv);
    return ok(`Deleted ${r.scope} attribute: id=${nv.getAttribute('id')} name=${r.name}\n`, true);
  }
  const value = r.value ?? '';
  if (hits.length === 1) {
    hits[0]!.setAttribute('value', value);
    return ok('', true);
  }
  if (!owner) {
    // The status section of a CIB file has no node_state for the node: nowhere to put it.
    return fail(105, `Error setting ${r.name}=${value} (section=status, set=status-${id}): ${NXIO}\ncrm_attribute: Error performing operation: ${NXIO}\n`);
  }
  const setId = r.scope === 'status' ? `status-${id}` : r.utilization ? `nodes-${id}-utilization` : `nodes-${id}`;
  let set = childElements(owner).find((c) => c.tagName === setTag && c.getAttribute('id') === setId);
  set ??= addElement(owner, setTag, [['id', setId]]);
  addElement(set, 'nvpair', [['id', `${setId}-${r.name}`], ['name', r.name], ['value', value]]);
  return ok('', true);
}

/** `<node_state id><transient_attributes>` of a node, when the status section has one. */
function transientOwner(doc: Document, id: string): Element | null {
  const status = firstChild(doc.documentElement!, 'status');
  const state = status && childElements(status).find((s) => s.tagName === 'node_state' && s.getAttribute('id') === id);
  if (!state) return null;
  return firstChild(state, 'transient_attributes') ?? addElement(state, 'transient_attributes', [['id', id]]);
}

function multiple(r: CrmAttributeRequest, hits: Element[]): ToolResult {
  const lines = [`Multiple attributes match name=${r.name}`];
  for (const h of hits) lines.push(`  Value: ${h.getAttribute('value') ?? ''} \t(id=${h.getAttribute('id')})`);
  if (r.action === 'show') {
    const shown = hits.map((h) => `scope=${r.scope}  name=${r.name} value=${h.getAttribute('value') ?? ''}`);
    return ok(shown.join('\n') + '\n', false);
  }
  return {
    code: r.action === 'set' ? 109 : 0,
    stdout: lines.join('\n') + '\n',
    stderr: "crm_attribute: Please choose from one of the matches below and supply the 'id' with --attr-id\n",
    changed: false,
  };
}

function ok(stdout: string, changed: boolean): ToolResult {
  return { code: 0, stdout, stderr: '', changed };
}

function fail(code: number, stderr: string): ToolResult {
  return { code, stdout: '', stderr, changed: false };
}
