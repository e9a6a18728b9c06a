/** `xml <raw XML>` → that element as a new top-level object. */
import { diag } from '../../diagnostic.js';
import type { XmlStmt } from '../../grammar/ast.js';
import { CONTAINER_TAGS, crmTypeOf, RESOURCE_TAGS, sectionOfTag } from '../cib-query.js';
import { childElements, configurationOf, firstChild, parseXml, XmlParseError, type Element } from '../xml.js';
import { crmError, failed, ok, syntaxError, TCRM_XML_PARSE, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';

export function lowerXml(env: Env, stmt: XmlStmt): Lowered {
  let parsed: Element;
  try {
    // xmldom accepts `a=b` without quotes; libxml2 (crmsh's parser) does not.
    const unquoted = /<[^>]*?\s[\w:.-]+\s*=\s*(?!["'])/.exec(stmt.xml);
    if (unquoted) throw new XmlParseError(lxmlMessage(`AttValue: " or ' expected`, stmt.xml, unquoted.index + unquoted[0].length));
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
  if (!sectionOfTag(tag)) {
    return failed([syntaxError('xml', `Element ${tag} not recognized`, `xml ${stmt.xml}`, stmt.at)]);
  }
  const el = env.doc.importNode(parsed, true) as Element;
  if (tag === 'fencing-topology') {
    if (firstChild(configurationOf(env.doc), 'fencing-topology')) {
      return failed([crmError(`Cannot create fencing_topology with ID 'fencing_topology': Found existing fencing_topology with same ID.`, stmt.at)]);
    }
    insertObject(env, el);
    env.ctx.changed.add('fencing_topology');
    return ok(env.diags);
  }
  const id = el.getAttribute('id') ?? '';
  const errors = creationErrors(env, crmTypeOf(el), id, el, stmt.at);
  if (errors.length > 0) return failed(errors);
  if (CONTAINER_TAGS.has(tag)) {
    // crmsh looks the members up as separate objects before it has read them from the XML.
    for (const child of childElements(el).filter((c) => RESOURCE_TAGS.has(c.tagName))) {
      const childId = child.getAttribute('id');
      env.diags.push(crmError(`${id} refers to missing object ${childId}`, stmt.at));
      env.diags.push(crmError(`object ${crmTypeOf(child)}:${childId} missing (shouldn't have happened)`, stmt.at));
    }
  }
  insertObject(env, el);
  return ok(env.diags);
}

/** lxml's wording for a libxml2 error at `offset` of `text` parsed from a string. */
function lxmlMessage(what: string, text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${what}, line ${line}, column ${column} (<string>, line ${line})`;
}
