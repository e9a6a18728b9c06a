/** `xml <raw XML>` → that element as a new top-level object. */
import type { XmlStmt } from '../../grammar/ast.js';
import { crmTypeOf, sectionOfTag } from '../cib-query.js';
import { parseXml, XmlParseError, type Element } from '../xml.js';
import { crmError, failed, ok, syntaxError, type Lowered } from './common.js';
import type { Env } from './env.js';
import { creationErrors, insertObject } from './objects.js';

export function lowerXml(env: Env, stmt: XmlStmt): Lowered {
  let parsed: Element;
  try {
    parsed = parseXml(stmt.xml).documentElement!;
  } catch (e) {
    const msg = e instanceof XmlParseError ? e.message : String(e);
    return failed([crmError(`Cannot parse XML data: ${msg}`, stmt.at)]);
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
