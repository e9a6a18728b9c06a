/**
 * crmsh's semantic checks over a CIB document: the global uniqueness check first, then every
 * checked object sorted by id (code points), each object's findings in crmsh's order.
 * `only` (the ids changed since load) is what a commit checks; without it, everything (verify).
 * A commit (with `only`) of a configuration without any primitive checks nothing, as in crmsh.
 */
import type { AgentCatalog } from '../agents/types.js';
import type { Document, Element } from '../shadow-cib/xml.js';
import { collectObjects, firstValue } from './cib-objects.js';
import { UNIQUENESS_CODE, codePointCompare, uniquenessFindings } from './checks/uniqueness.js';
import { CHECKS, EXTRA_CHECKS } from './registry.js';
import { resourceContent, type ResourceContent } from './resource-content.js';
import { agentLookup, viewOf } from './resource-view.js';
import type { Check, CheckContext, CheckMode, CibObject, Finding, ObjectType, ResourceView, VerifyDiagnostic, Weight } from './types.js';

export interface RunChecksOptions {
  catalog: AgentCatalog;
  /** ids of the changed objects (commit); absent: all objects (verify) */
  only?: Set<string>;
  checkMode: CheckMode;
  /** crmsh's core option `ignore_missing_metadata` */
  ignoreMissingMetadata?: boolean;
  /** add tcrm's own checks (value rules), after crmsh's for each object */
  extras?: boolean;
  /** node names known besides the CIB's `<nodes>` (the live membership, when connected) */
  knownNodes?: string[];
}

export interface RunChecksResult {
  diagnostics: VerifyDiagnostic[];
  worst: 0 | 1 | 2;
}

export function buildContext(doc: Document, catalog: AgentCatalog, ignoreMissingMetadata = false, knownNodes: string[] = []): CheckContext {
  return contextOf(doc, collectObjects(doc), catalog, ignoreMissingMetadata, knownNodes);
}

function contextOf(
  doc: Document,
  list: CibObject[],
  catalog: AgentCatalog,
  ignoreMissingMetadata: boolean,
  knownNodes: string[],
): CheckContext {
  const objects = new Map<string, CibObject>();
  // a node shares its id with nothing crmsh looks up: other objects win
  for (const o of list) if (o.type !== 'node' && !objects.has(o.id)) objects.set(o.id, o);
  for (const o of list) if (o.type === 'node' && !objects.has(o.id)) objects.set(o.id, o);
  const nodeNames = new Set(
    list.filter((o) => o.type === 'node').map((o) => (o.el.getAttribute('uname') ?? '').toLowerCase()),
  );
  for (const n of knownNodes) nodeNames.add(n.toLowerCase());
  const symmetric = firstValue(list, 'property', 'symmetric-cluster');
  const views = new Map<CibObject, ResourceView>();
  const findTemplate = (id: string): Element | null => {
    const t = objects.get(id);
    return t && t.type === 'rsc_template' ? t.el : null;
  };
  const lookup = agentLookup(catalog);
  // per run: the document may be edited between runs
  const contents = new Map<Element, ResourceContent>();
  return {
    doc,
    catalog,
    objects,
    nodeNames,
    opDefaultTimeout: firstValue(list, 'op_defaults', 'timeout'),
    asymmetric: symmetric !== undefined && symmetric !== '' && symmetric !== 'true',
    ignoreMissingMetadata,
    view(obj) {
      let v = views.get(obj);
      if (!v) views.set(obj, (v = viewOf(obj, catalog, findTemplate, lookup)));
      return v;
    },
    content(el) {
      let c = contents.get(el);
      if (!c) contents.set(el, (c = resourceContent(el)));
      return c;
    },
  };
}

function weightValue(w: Weight, mode: CheckMode): 0 | 1 | 2 {
  if (w === 'none') return 0;
  if (w === 'warning') return 1;
  if (w === 'always2') return 2;
  return mode === 'strict' ? 2 : 1;
}

function toDiagnostic(f: Finding, check: string): VerifyDiagnostic {
  const d: VerifyDiagnostic = { code: 'CRM', severity: f.severity, message: f.message, check, weight: f.weight };
  if (f.hint) d.hint = f.hint;
  return d;
}

/** The checks that apply to each object type, in registry order (looked up per object). */
function checksByType(checks: readonly Check[]): Map<ObjectType, Check[]> {
  const byType = new Map<ObjectType, Check[]>();
  for (const check of checks) {
    for (const type of check.appliesTo) {
      let list = byType.get(type);
      if (!list) byType.set(type, (list = []));
      if (!list.includes(check)) list.push(check);
    }
  }
  return byType;
}

const CHECKS_OF = checksByType(CHECKS);
const EXTRA_CHECKS_OF = checksByType(EXTRA_CHECKS);
const NO_CHECKS: Check[] = [];

export function runChecks(doc: Document, opts: RunChecksOptions): RunChecksResult {
  const all = collectObjects(doc);
  // crmsh's commit skips its checks when there is no primitive at all; its verify does not
  if (opts.only && !all.some((o) => o.type === 'primitive')) return { diagnostics: [], worst: 0 };
  const ctx = contextOf(doc, all, opts.catalog, opts.ignoreMissingMetadata ?? false, opts.knownNodes ?? []);
  const checked = opts.only ? all.filter((o) => opts.only!.has(o.id)) : all;
  const diagnostics: VerifyDiagnostic[] = [];

  const checkedIds = new Set(checked.filter((o) => o.type === 'primitive').map((o) => o.id));
  for (const f of uniquenessFindings(ctx, checkedIds)) diagnostics.push(toDiagnostic(f, UNIQUENESS_CODE));

  const sorted = [...checked].sort((a, b) => codePointCompare(a.id, b.id));
  for (const obj of sorted) {
    for (const check of CHECKS_OF.get(obj.type) ?? NO_CHECKS) {
      const { findings, stop } = check.run(obj, ctx);
      for (const f of findings) diagnostics.push(toDiagnostic(f, check.code));
      if (stop) break;
    }
    if (!opts.extras) continue;
    for (const check of EXTRA_CHECKS_OF.get(obj.type) ?? NO_CHECKS) {
      for (const f of check.run(obj, ctx).findings) diagnostics.push({ ...toDiagnostic(f, check.code), code: check.code });
    }
  }
  let worst: 0 | 1 | 2 = 0;
  for (const d of diagnostics) worst = Math.max(worst, weightValue(d.weight, opts.checkMode)) as 0 | 1 | 2;
  return { diagnostics, worst };
}

/** crmsh's commit rule: with no primitive at all the semantic checks are skipped. */
export function hasNoPrimitive(doc: Document): boolean {
  return !collectObjects(doc).some((o) => o.type === 'primitive');
}
