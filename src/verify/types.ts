/**
 * The shapes shared by crmsh's semantic checks: the objects crmsh checks one by one, what a
 * check may look at, and what it reports.
 */
import type { AgentCatalog, AgentFacts, AgentSpec } from '../agents/types.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { Document, Element } from '../shadow-cib/xml.js';
import type { ResourceContent } from './resource-content.js';

/** crmsh's object types (`configure show` keywords). */
export type ObjectType =
  | 'node' | 'primitive' | 'rsc_template' | 'group' | 'clone' | 'ms' | 'bundle'
  | 'location' | 'colocation' | 'order' | 'rsc_ticket'
  | 'property' | 'rsc_defaults' | 'op_defaults' | 'fencing_topology' | 'other';

export interface CibObject {
  id: string;
  type: ObjectType;
  el: Element;
  parent: CibObject | null;
}

export type CheckMode = 'strict' | 'relaxed';

/**
 * How much a finding weighs in crmsh's return code: `warning` 1; `error` 2 in strict mode,
 * 1 in relaxed; `always2` 2 whatever the mode (uniqueness); `none` 0 (a message with no rc,
 * like "got no meta-data").
 */
export type Weight = 'warning' | 'error' | 'always2' | 'none';

export interface Finding {
  severity: Severity;
  message: string;
  weight: Weight;
  hint?: string;
}

/** A primitive or template as crmsh checks it: merged with its template, agent resolved. */
export interface ResourceView {
  /** null when the primitive names a template that does not exist */
  merged: Element | null;
  agent: AgentSpec | null;
  facts: AgentFacts | null;
  /** the element's own `class:provider:type` attributes, crmsh's key for parameter
   *  uniqueness ('' when `merged` is null) */
  agentKey: string;
}

export interface CheckContext {
  doc: Document;
  catalog: AgentCatalog;
  objects: Map<string, CibObject>;
  /** node unames, lower case */
  nodeNames: Set<string>;
  opDefaultTimeout: string | undefined;
  /** property symmetric-cluster set to something other than `true` */
  asymmetric: boolean;
  /** crmsh's `ignore_missing_metadata` option */
  ignoreMissingMetadata: boolean;
  view(obj: CibObject): ResourceView;
  /** what the checks read below a primitive or template element, gathered once per run */
  content(el: Element): ResourceContent;
}

/** One check: a stable code, the object types it applies to, and a pure function. A check
 *  that returns `stop` ends the object's checks (crmsh returns early there). */
export interface Check {
  code: string;
  appliesTo: ObjectType[];
  run(obj: CibObject, ctx: CheckContext): { findings: Finding[]; stop?: boolean };
}

/** A diagnostic from verify: `code` is 'CRM' for crmsh's own text; `check` names the check. */
export interface VerifyDiagnostic extends Diagnostic {
  check: string;
  weight: Weight;
}
