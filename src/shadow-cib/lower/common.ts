/**
 * What every statement lowerer shares: the context, the result shape, element building and
 * crmsh's message forms.
 */
import { diag, type Diagnostic, type Position } from '../../diagnostic.js';
import type { IdAllocator } from '../ids.js';
import { attributesOf, childElements, escapeAttr, escapeText, type Document, type Element } from '../xml.js';

export interface LowerContext {
  ids: IdAllocator;
  /** Top-level ids created or modified, for `show changed`. */
  changed: Set<string>;
  /** Provider for an ocf agent written without one (`Dummy` → `heartbeat`). */
  resolveProvider?: (type: string) => string;
  /** crmsh's `core.OCF_1_1_SUPPORT`: rewrite Master/Slave to Promoted/Unpromoted. */
  ocf11Support?: boolean;
}

/** A statement's outcome: its diagnostics, and whether it failed (the document is then rolled back). */
export interface Lowered {
  diags: Diagnostic[];
  failed: boolean;
}

export const ok = (diags: Diagnostic[] = []): Lowered => ({ diags, failed: false });
export const failed = (diags: Diagnostic[]): Lowered => ({ diags, failed: true });

export const crmError = (message: string, at?: Position): Diagnostic => diag('CRM', 'error', message, at);
export const crmWarning = (message: string, at?: Position): Diagnostic => diag('CRM', 'warning', message, at);
export const crmInfo = (message: string, at?: Position): Diagnostic => diag('CRM', 'info', message, at);

/** crmsh's parse-error line: `syntax in <cmd>: <msg> parsing '<line>'`. */
export const syntaxError = (cmd: string, message: string, line: string, at?: Position): Diagnostic =>
  crmError(`syntax in ${cmd}: ${message} parsing '${line}'`, at);

/** Creates an element with attributes in the given order; undefined values are skipped. */
export function element(
  doc: Document,
  tag: string,
  attrs: Array<[string, string | undefined]> = [],
  children: Element[] = [],
): Element {
  const el = doc.createElement(tag);
  for (const [name, value] of attrs) if (value !== undefined) el.setAttribute(name, value);
  for (const c of children) el.appendChild(c);
  return el;
}

/** Compact one-line XML as lxml's tostring prints it (used in crmsh messages). */
export function compactXml(el: Element): string {
  let s = '<' + el.tagName;
  for (const [n, v] of attributesOf(el)) s += ` ${n}="${escapeAttr(v)}"`;
  const kids = childElements(el);
  const text = kids.length === 0 ? (el.textContent ?? '').trim() : '';
  if (kids.length === 0 && !text) return s + '/>';
  return s + '>' + (text ? escapeText(text) : kids.map(compactXml).join('')) + `</${el.tagName}>`;
}

const OBJECT_ID = /^[A-Za-z_][\w.-]*$/;

export function isValidObjectId(id: string): boolean {
  return OBJECT_ID.test(id);
}

/** tcrm-only diagnostic codes of the lowering step (crmsh-verbatim lines use code `CRM`). */
/** The XML parser's message after `Cannot parse XML data:` (libxml2's wording differs). */
export const TCRM_XML_PARSE = 'TCRM2001';
