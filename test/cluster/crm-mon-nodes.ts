/** Which nodes `crm_mon --output-as=xml` reports, and whether each is online. */
import { DOMParser } from '@xmldom/xmldom';

export interface MonNode {
  name: string;
  online: boolean;
}

export interface MonView {
  dcPresent: boolean;
  nodes: MonNode[];
}

export function parseCrmMonXml(xml: string): MonView {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const dc = doc.getElementsByTagName('current_dc')[0];
  const nodes: MonNode[] = [];
  const nodeElements = doc.getElementsByTagName('node');
  for (let i = 0; i < nodeElements.length; i++) {
    const node = nodeElements[i];
    // <node> also appears under <resource>; only the <nodes> list has an online attribute.
    if (node.parentNode?.nodeName !== 'nodes') continue;
    nodes.push({ name: node.getAttribute('name') ?? '', online: node.getAttribute('online') === 'true' });
  }
  return { dcPresent: dc?.getAttribute('present') === 'true', nodes };
}

export function onlineState(view: MonView, name: string): boolean | undefined {
  return view.nodes.find((node) => node.name === name)?.online;
}
