/** `xml <raw XML>` → that element as a new top-level object. */
import { diag } from '../../diagnostic.js';
import type { XmlStmt } from '../../grammar/ast.js';
import { crmTypeOf, sectionOfTag } from '../cib-query.js';
import { parseXml, XmlParseError, type Element } from '../xml.js';
import { crmError, failed, ok, syntaxError, TCRM_XML_PARSE, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';

export function lowerXml(env: Env, stmt: XmlStmt): Lowered {
  let parsed: Element;
  try {
    // xmldom accepts `a=b` without quotes; libxml2 (crmsh's parser) does not.
    const unquoted = /<[^>]*?\s[\w:.-]+\s*=\s*(?!["'])/.exec(stmt.xml);
    if (unquoted) throw new XmlParseError(`AttValue: " or ' expected, column ${unquoted.index + unquoted[0].length + 1}`);
    parsed = parseXml(stmt.xml).documentElement!;
  } catch (e) {
    // The second line carries the XML parser's own message: libxml2's wording in crmsh, ours here.
    const msg = (e instanceof XmlParseError ? e.message : String(e)).split('\n')[0]!.trim();
    return failed([
      crmError(`Cannot parse XML data: ${stmt.xml}`, stmt.at),
      diag(TCRM_XML_PARSE, 'error', `syntax in xml: ${msg} parsing 'xml ${stmt.xml}'`, stmt.at),
    ]);
  }
  const tag = parsed.tagName;
  if (!sectionOfTag(tag) || tag === 'fencing-topology') {
    return failed([syntaxError('xml', `Element ${tag} not recognized`, `xml ${stmt.xml}`, stmt.at)]);
  }
  const el = env.doc.importNode(parsed, true) as Element;
  const id = el.getAttribute('id') ?? '';
  const errors = creationErrors(env, crmTypeOf(el), id, el, stmt.at);
  if (errors.length > 0) return failed(errors);
  insertObject(env, el);
  return ok(env.diags);
}
