/**
 * `configure show`: the configuration as crm text (or XML) exactly as crmsh 4.4.1 prints it.
 * The text never ends with a newline: the caller prints it with one, as crmsh does. An empty
 * selection gives '' and crmsh prints nothing at all (not even a newline). `show xml` text ends
 * with one newline, so printing it leaves crmsh's blank line after `</cib>`.
 */
import type { Diagnostic } from '../diagnostic.js';
import { configurationOf, firstChild, type Document, type Element } from './xml.js';
import type { RenderContext } from './show/context.js';
import { bucketOf, collectObjects, KIND_OF_TAG, sanitizedConfiguration, sanitizedObject, type CibObject } from './show/objects.js';
import { renderParsed } from './show/render.js';
import { showXml } from './show/xml-output.js';
import { NO_OBSCURING, obscurePatterns, obscurerFor } from './show/values.js';
import { selectObjects } from './selectors.js';

export interface ShowOptions {
  selectors: string[];
  xml: boolean;
  /** Ids of the objects created or modified in this session (`show changed`). */
  changed?: Set<string>;
  /** crmsh `core.sort_elements`, default true: sort by id inside each kind bucket. */
  sortElements?: boolean;
  /** crmsh `core.obscure_pattern`, default `passw*`; `obscure:<glob>` selectors replace it. */
  obscurePattern?: string;
  /** For edit/save: nothing obscured. */
  forEdit?: boolean;
}

export interface ShowResult {
  text: string;
  diagnostics: Diagnostic[];
}

const DEFAULT_OBSCURE = 'passw*';

function contextFor(doc: Document, all: CibObject[], globs: string[], changed?: ReadonlySet<string>): RenderContext {
  const schema = doc.documentElement?.getAttribute('validate-with') ?? '';
  return {
    obscure: obscurerFor(globs),
    nodeCount: all.filter((o) => o.kind === 'node').length,
    schemaKnown: /^pacemaker-\d/.test(schema),
    referencedRuleIds: referencedRuleIds(doc),
    ...(changed ? { changedIds: changed } : {}),
  };
}

/** crmsh learns which rule ids are referenced by reading every object back, selected or not. */
function referencedRuleIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  const cfg = doc.documentElement && firstChild(doc.documentElement, 'configuration');
  const refs = cfg?.getElementsByTagName('rule');
  if (!refs) return ids;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs.item(i)!.getAttribute('id-ref');
    if (ref) ids.add(ref);
  }
  return ids;
}

function obscureGlobs(selectors: string[], opts: { obscurePattern?: string; forEdit?: boolean }): string[] {
  if (opts.forEdit) return [];
  const explicit = selectors.filter((s) => s.startsWith('obscure:')).map((s) => s.slice('obscure:'.length));
  if (explicit.length > 0) return explicit;
  return obscurePatterns(opts.obscurePattern ?? DEFAULT_OBSCURE);
}

export function sortForDisplay(objects: CibObject[], sortElements: boolean): CibObject[] {
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => {
      const byBucket = bucketOf(a.o.kind) - bucketOf(b.o.kind);
      if (byBucket !== 0 || !sortElements) return byBucket || a.i - b.i;
      return a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : a.i - b.i;
    })
    .map((x) => x.o);
}

export function showConfiguration(doc: Document, opts: ShowOptions): ShowResult {
  const all = collectObjects(sanitizedConfiguration(configurationOf(doc)));
  const selectors = opts.selectors.filter((s) => !s.startsWith('obscure:'));
  const globs = obscureGlobs(opts.selectors, opts);
  const ctx = contextFor(doc, all, globs, opts.changed);
  // crmsh's filter_objects: a first selector NOOBJ selects nothing (elsewhere it is an id).
  const { objects, diagnostics } =
    selectors[0] === 'NOOBJ' ? { objects: [], diagnostics: [] } : selectObjects(all, selectors, opts.changed);
  // crmsh still prints an (empty) `<cib>` for `show xml` after an unknown id.
  if (opts.xml) return { text: showXml(doc, objects, ctx.obscure), diagnostics };
  if (diagnostics.length > 0) return { text: '', diagnostics };
  const sorted = sortForDisplay(objects, opts.sortElements ?? true);
  return { text: sorted.map((o) => renderParsed(o.kind, o.id, o.el, ctx)).join('\n'), diagnostics: [] };
}

export interface RenderOptions {
  obscurePattern?: string;
  /** Default true here: edit/save print values as stored. */
  forEdit?: boolean;
}

/**
 * One top-level object of a CIB document (a `meta_attributes` directly under rsc_defaults or
 * op_defaults for those) in show format. Child resources of a group/clone are not included:
 * they are objects of their own.
 */
export function renderObject(el: Element, opts: RenderOptions = {}): string {
  const doc = el.ownerDocument!;
  const cfg = doc.documentElement && firstChild(doc.documentElement, 'configuration');
  const all = cfg ? collectObjects(sanitizedConfiguration(cfg)) : [];
  const ctxBase = contextFor(doc, all, []);
  const ctx: RenderContext = {
    ...ctxBase,
    obscure: opts.forEdit === false ? obscurerFor(obscurePatterns(opts.obscurePattern ?? DEFAULT_OBSCURE)) : NO_OBSCURING,
  };
  const parentTag = (el.parentNode as Element | null)?.tagName ?? '';
  const kind =
    el.tagName === 'meta_attributes' && (parentTag === 'rsc_defaults' || parentTag === 'op_defaults') ? parentTag : KIND_OF_TAG[el.tagName];
  const own = collectObjects(sanitizedObject(el)).find((o) => o.parent === null);
  const id = own?.id ?? el.getAttribute('id') ?? '';
  return renderParsed(kind ?? el.tagName, id, own?.el ?? el, ctx);
}
