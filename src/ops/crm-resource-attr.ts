/**
 * `crm_resource --set-parameter|--delete-parameter|--get-parameter` (with `--meta`,
 * `--utilization`) on a CIB document, as Pacemaker 2.1.5 does it on a `CIB_file`: `resource
 * param|meta|utilization` run it. Shaped like the tool's result (see crm-attribute.ts).
 *
 * Measured: a new attribute goes into the set `<rsc>-<set tag>` (created at the end of the
 * resource), nvpair `<set>-<name>`, printed `Set 'r' option: id=… set=… name=… value=…`; an
 * existing nvpair is updated in place and printed without `set=`; a meta attribute of a clone's
 * child goes to the clone (`Performing update of 'm' on 'c', the parent of 'p'`); delete
 * prints `Deleted 'r' option: id=… name=…` and leaves an emptied set; a missing attribute on
 * get prints `Attribute 'x' not found for 'r'` (stderr, exit 0); an unknown resource is exit 105.
 */
import type { Document, Element } from '../shadow-cib/xml.js';
import { childElements } from '../shadow-cib/xml.js';
import { RESOURCE_TAGS } from '../shadow-cib/cib-query.js';
import { configurationOf, firstChild } from '../shadow-cib/xml.js';
import type { ToolResult } from './crm-attribute.js';
import { addElement, nvpairsNamed, removeElement, type SetTag } from './nv-sets.js';

export type ResourceAttrKind = 'param' | 'meta' | 'utilization';

export interface ResourceAttrRequest {
  kind: ResourceAttrKind;
  rsc: string;
  action: 'set' | 'delete' | 'show';
  name: string;
  value?: string;
}

const SET_TAG: Record<ResourceAttrKind, SetTag> = {
  param: 'instance_attributes',
  meta: 'meta_attributes',
  utilization: 'utilization',
};

export function crmResourceAttrArgv(r: ResourceAttrRequest): string[] {
  const argv = ['crm_resource'];
  if (r.kind === 'meta') argv.push('--meta');
  if (r.kind === 'utilization') argv.push('--utilization');
  argv.push('--resource', r.rsc);
  if (r.action === 'set') argv.push('--set-parameter', r.name, '--parameter-value', r.value ?? '');
  if (r.action === 'delete') argv.push('--delete-parameter', r.name);
  if (r.action === 'show') argv.push('--get-parameter', r.name);
  return argv;
}

/** Any resource element (primitive, group, clone, …) with this id. */
export function findResource(doc: Document, id: string): Element | undefined {
  const resources = firstChild(configurationOf(doc), 'resources');
  return resources ? search(resources) : undefined;
  function search(el: Element): Element | undefined {
    for (const c of childElements(el)) {
      if (!RESOURCE_TAGS.has(c.tagName)) continue;
      if (c.getAttribute('id') === id) return c;
      const hit = search(c);
      if (hit) return hit;
    }
    return undefined;
  }
}

export const notFound = (rsc: string): ToolResult => ({
  code: 105,
  stdout: '',
  stderr: `crm_resource: Resource '${rsc}' not found\nError performing operation: No such object\n`,
  changed: false,
});

export function crmResourceAttr(doc: Document, r: ResourceAttrRequest): ToolResult {
  const found = findResource(doc, r.rsc);
  if (!found) return notFound(r.rsc);
  const tag = SET_TAG[r.kind];
  let target = found;
  let stdout = '';
  const parent = found.parentNode as Element | null;
  if (r.kind === 'meta' && r.action === 'set' && parent && (parent.tagName === 'clone' || parent.tagName === 'master')) {
    target = parent;
    stdout += `Performing update of '${r.name}' on '${parent.getAttribute('id')}', the parent of '${r.rsc}'\n`;
  }
  const id = target.getAttribute('id')!;
  const hits = nvpairsNamed(target, tag, r.name);
  if (r.action === 'show') {
    if (hits.length === 0) return { code: 0, stdout: '', stderr: `Attribute '${r.name}' not found for '${r.rsc}'\n`, changed: false };
    return { code: 0, stdout: `${hits[0]!.getAttribute('value') ?? ''}\n`, stderr: '', changed: false };
  }
  if (r.action === 'delete') {
    if (hits.length === 0) return { code: 0, stdout: '', stderr: '', changed: false };
    const nv = hits[0]!;
    removeElement(nv);
    return { code: 0, stdout: `Deleted '${id}' option: id=${nv.getAttribute('id')} name=${r.name}\n`, stderr: '', changed: true };
  }
  const value = r.value ?? '';
  if (hits.length > 0) {
    const nv = hits[0]!;
    nv.setAttribute('value', value);
    stdout += `Set '${id}' option: id=${nv.getAttribute('id')} name=${r.name} value=${value}\n`;
    return { code: 0, stdout, stderr: '', changed: true };
  }
  const setId = `${id}-${tag}`;
  let set = childElements(target).find((c) => c.tagName === tag && c.getAttribute('id') === setId);
  set ??= addElement(target, tag, [['id', setId]]);
  const nvId = `${setId}-${r.name}`;
  addElement(set, 'nvpair', [['id', nvId], ['name', r.name], ['value', value]]);
  stdout += `Set '${id}' option: id=${nvId} set=${setId} name=${r.name} value=${value}\n`;
  return { code: 0, stdout, stderr: '', changed: true };
}
