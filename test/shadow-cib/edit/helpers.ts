/** Builds a working CIB from crm text (through the grammar, lowering and the text loader) for the edit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../../src/diagnostic.js';
import { IdAllocator } from '../../../src/shadow-cib/ids.js';
import type { LowerContext } from '../../../src/shadow-cib/lower/common.js';
import { applyStatements } from '../../../src/shadow-cib/edit/apply-text.js';
import { parseConfigText } from '../../../src/shadow-cib/edit/parse-text.js';
import { showConfiguration } from '../../../src/shadow-cib/show.js';
import { parseXml, type Document } from '../../../src/shadow-cib/xml.js';

const BASE = join(import.meta.dirname, '../../../fixtures/crm/base.cib.xml');

export function cibFrom(text: string): { doc: Document; ctx: LowerContext } {
  const doc = parseXml(readFileSync(BASE, 'utf8'));
  const ctx: LowerContext = { ids: IdAllocator.fromDocument(doc), changed: new Set() };
  const parsed = parseConfigText(text, 'test.crm');
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  const r = applyStatements(doc, parsed.statements, ctx, { remove: false, method: 'update' });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { doc, ctx };
}

/** `show` without the two base nodes. */
export function shown(doc: Document): string {
  return showConfiguration(doc, { selectors: [], xml: false })
    .text.split('\n')
    .filter((l) => !/^node [12]: /.test(l))
    .join('\n');
}

export const lines = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.severity.toUpperCase()}: ${d.message}`);
