/**
 * `load xml …` / `filter … xml`: a CIB (or a bare `<configuration>`) whose top-level objects are
 * loaded one by one (crmsh's get_top_cib_nodes): each becomes an `xml` statement, except the
 * defaults sets, which go through their crm text (the `xml` statement has no place for them).
 */
import { diag, type Diagnostic } from '../../diagnostic.js';
import type { ConfigStatement, XmlStmt } from '../../grammar/ast.js';
import { message } from '../../messages/catalog.js';
import { renderObject } from '../show.js';
import { childElements, parseXml, serializeNode, type Element } from '../xml.js';
import { parseConfigText, type TextStatement } from './parse-text.js';

export function statementsFromXml(text: string, file: string): { statements: TextStatement[]; diagnostics: Diagnostic[]; ok: boolean } {
  const at = { file, line: 1, col: 1, offset: 0 };
  let root: Element;
  try {
    root = parseXml(text).documentElement!;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    return { statements: [], diagnostics: [diag('TCRM8511', 'error', message('TCRM8511', { file, reason }), at)], ok: false };
  }
  const cfg = root.tagName === 'configuration' ? root : childElements(root).find((c) => c.tagName === 'configuration');
  const statements: TextStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  for (const section of cfg ? childElements(cfg) : []) {
    if (section.tagName === 'fencing-topology') {
      statements.push(xmlStatement(section, 'fencing_topology', at));
      continue;
    }
    for (const el of childElements(section)) {
      if (section.tagName === 'rsc_defaults' || section.tagName === 'op_defaults') {
        const parsed = parseConfigText(renderObject(el), file);
        diagnostics.push(...parsed.diagnostics);
        ok &&= parsed.ok;
        statements.push(...parsed.statements);
        continue;
      }
      const id = el.getAttribute('id') || el.getAttribute('uname');
      if (!id) continue;
      statements.push(xmlStatement(el, id, at));
    }
  }
  return { statements, diagnostics, ok };
}

function xmlStatement(el: Element, id: string, at: XmlStmt['at']): TextStatement {
  const xml = serializeNode(el).trim();
  const stmt: ConfigStatement = { kind: 'xml', xml, text: `xml ${xml}`, at };
  return { stmt, id, isNode: el.tagName === 'node', fromXml: true };
}
