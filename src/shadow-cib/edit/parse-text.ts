/**
 * Configuration text as `load`, `filter` and `modgroup` feed it to crmsh (lines2cli + parse):
 * logical lines (backslash continuations glued), comment lines attached to the next object,
 * each statement parsed on its own. crmsh numbers the statements in its messages
 * (`ERROR: 2: syntax: Unknown command near <garbage> parsing 'garbage line here'`).
 */
import { diag, type Diagnostic } from '../../diagnostic.js';
import type { ConfigStatement } from '../../grammar/ast.js';
import { resolveCommandWord } from '../../grammar/match-command.js';
import { parseConfigureStatement } from '../../grammar/parse-configure.js';
import { splitLogicalLines } from '../../grammar/split-words.js';
import { parseXml } from '../xml.js';

export interface TextStatement {
  stmt: ConfigStatement;
  /** crmsh's id_for_node: the object id, the node's id or uname, `fencing_topology`; null for `monitor`. */
  id: string | null;
  isNode: boolean;
  /** From `load xml`: created and replaced as XML elements (crmsh's create_from_node). */
  fromXml?: boolean;
}

export function parseConfigText(text: string, file: string): { statements: TextStatement[]; diagnostics: Diagnostic[]; ok: boolean } {
  const statements: TextStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  let ok = true;
  let n = 0;
  let comments: string[] = [];
  for (const line of splitLogicalLines(text, file, { keepComments: true })) {
    if (line.words.length === 0 && !line.error) {
      comments.push(line.text.trim());
      continue;
    }
    n++;
    const numbered = (d: Diagnostic): Diagnostic => ({ ...d, message: `${n}: ${d.message}` });
    const first = line.words[0];
    const spec = first ? resolveCommandWord('configure', first.text) : undefined;
    if (!line.error && (!spec || spec.kind !== 'object')) {
      diagnostics.push(numbered(diag('CRM', 'error', `syntax: Unknown command near <${first?.text ?? ''}> parsing '${line.text}'`, first?.at ?? line.at)));
      ok = false;
      comments = [];
      continue;
    }
    const { stmt, diagnostics: ds } = parseConfigureStatement(line, spec?.name ?? '', { fromText: true });
    diagnostics.push(...ds.map(numbered));
    if (!stmt || ds.some((d) => d.severity === 'error')) {
      ok = false;
      comments = [];
      continue;
    }
    if (comments.length > 0) stmt.comments = comments;
    comments = [];
    statements.push({ stmt, id: statementId(stmt), isNode: stmt.kind === 'node' });
  }
  return { statements, diagnostics, ok };
}

const DEFAULT_SET_ID = { property: 'cib-bootstrap-options', rsc_defaults: 'rsc-options', op_defaults: 'op-options' } as const;

function statementId(stmt: ConfigStatement): string | null {
  switch (stmt.kind) {
    case 'node':
      return stmt.nodeId ?? stmt.uname.name;
    case 'property':
    case 'rsc_defaults':
    case 'op_defaults':
      return stmt.set.id ?? DEFAULT_SET_ID[stmt.kind];
    case 'fencing_topology':
      return 'fencing_topology';
    case 'monitor':
      return null;
    case 'xml':
      return xmlId(stmt.xml);
    default:
      return stmt.id.name;
  }
}

function xmlId(xml: string): string | null {
  try {
    const el = parseXml(xml).documentElement;
    if (!el) return null;
    if (el.tagName === 'fencing-topology') return 'fencing_topology';
    return el.getAttribute('id') || el.getAttribute('uname') || null;
  } catch {
    return null;
  }
}
