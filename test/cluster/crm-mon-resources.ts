/**
 * What a user reads in `crm_mon --output-as=xml` about resources: where each one runs, its role,
 * and the fail counts in the node history. The harness's own view, independent of tcrm.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface MonResource {
  id: string;
  agent: string;
  role: string;
  active: boolean;
  failed: boolean;
  /** Nodes it is running on (more than one: active on several nodes). */
  nodes: string[];
}

export interface MonResourceView {
  resources: MonResource[];
  /** `node/resource` → fail-count, as the node history reports it (absent: 0). */
  failCounts: Map<string, number>;
}

export function parseCrmMonResources(xml: string): MonResourceView {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const resources: MonResource[] = [];
  const elements = doc.getElementsByTagName('resource');
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (el.parentNode?.nodeName !== 'resources') continue; // members of groups/clones are not used here
    const nodes: string[] = [];
    const running = el.getElementsByTagName('node');
    for (let j = 0; j < running.length; j++) nodes.push(running[j].getAttribute('name') ?? '');
    resources.push({
      id: el.getAttribute('id') ?? '',
      agent: el.getAttribute('resource_agent') ?? '',
      role: el.getAttribute('role') ?? '',
      active: el.getAttribute('active') === 'true',
      failed: el.getAttribute('failed') === 'true',
      nodes,
    });
  }
  const failCounts = new Map<string, number>();
  const histories = doc.getElementsByTagName('resource_history');
  for (let i = 0; i < histories.length; i++) {
    const history = histories[i];
    const node = (history.parentNode as Element | null)?.getAttribute('name') ?? '';
    const count = history.getAttribute('fail-count');
    if (count !== null && count !== '') failCounts.set(`${node}/${history.getAttribute('id')}`, Number(count));
  }
  return { resources, failCounts };
}

/** The node(s) RESOURCE is Started on, or [] when it is stopped or unknown. */
export function runningOn(view: MonResourceView, id: string): string[] {
  const resource = view.resources.find((entry) => entry.id === id);
  return resource && resource.active && resource.role === 'Started' ? resource.nodes : [];
}

export function failCount(view: MonResourceView, node: string, id: string): number {
  return view.failCounts.get(`${node}/${id}`) ?? 0;
}
