/**
 * The syntax errors crmsh prints when it loads a CIB (cibconfig's cli_use_validate): it writes
 * each object as one line of crm text and parses that line back; when the parse fails, the
 * parser's `ERROR: syntax in …` line reaches the user (and `show` then prints the object as
 * `xml`). tcrm decides faithfulness from the XML's shape (faithful.ts) and needs no parse, except
 * for the objects crmsh writes in a form its own parser refuses: rules holding expressions crmsh
 * cannot write (`rsc_expression`, `op_expression`: crmsh leaves them out, so `rule` is followed by
 * no expression at all), date specs or durations with fields its parser does not take
 * (`days`, `minutes`, `seconds`, `yeardays`), and a rule after a name/value pair of its set.
 * Only those are written and parsed here, so an object crmsh shows as XML silently never gets
 * an error line from tcrm.
 *
 * Pure: the caller prints the diagnostics where crmsh prints them (each time it loads the CIB:
 * on entering configure and after a commit).
 */
import type { Diagnostic } from '../../diagnostic.js';
import { resolveCommandWord } from '../../grammar/match-command.js';
import { parseConfigureStatement } from '../../grammar/parse-configure.js';
import { splitLogicalLines } from '../../grammar/split-words.js';
import { DATE_SPEC_NAMES } from '../../grammar/configure-patterns.js';
import { configurationOf, type Document, type Element } from '../xml.js';
import type { RenderContext } from './context.js';
import { collectObjects, sanitizedConfiguration } from './objects.js';
import { textParts } from './render.js';
import { NO_OBSCURING } from './values.js';

const RULE_EXPRESSIONS = new Set(['expression', 'date_expression']);
const DATE_NAMES = new Set<string>(['id', ...DATE_SPEC_NAMES]);

/** Whether crmsh writes this object in a form its own parser refuses. */
function writtenUnreadable(el: Element): boolean {
  for (const rule of Array.from(el.getElementsByTagName('rule'))) {
    for (let c = rule.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && !RULE_EXPRESSIONS.has((c as Element).tagName) && (c as Element).tagName !== 'rule') return true;
    }
    // a rule after a name/value pair: crmsh's attribute-list grammar wants rules first
    for (let p = rule.previousSibling; p; p = p.previousSibling) {
      if (p.nodeType === 1 && (p as Element).tagName === 'nvpair') return true;
    }
  }
  for (const tag of ['date_spec', 'duration']) {
    for (const d of Array.from(el.getElementsByTagName(tag))) {
      for (let i = 0; i < d.attributes.length; i++) if (!DATE_NAMES.has(d.attributes.item(i)!.name)) return true;
    }
  }
  return false;
}

/** crmsh's load-time `syntax in …` errors for the objects of `doc`, in crmsh's load order. */
export function reparseErrors(doc: Document): Diagnostic[] {
  const cfg = configurationOf(doc);
  if (!cfg) return [];
  const schema = doc.documentElement?.getAttribute('validate-with') ?? '';
  const all = collectObjects(sanitizedConfiguration(cfg));
  const ctx: RenderContext = {
    obscure: NO_OBSCURING,
    nodeCount: all.filter((o) => o.kind === 'node').length,
    schemaKnown: /^pacemaker-\d/.test(schema),
  };
  const out: Diagnostic[] = [];
  for (const obj of all) {
    if (!writtenUnreadable(obj.el)) continue;
    const text = textParts(obj.kind, obj.id, obj.el, ctx);
    if (!text) continue;
    out.push(...parseErrors(text.parts.join(' ')));
  }
  return out;
}

function parseErrors(line: string): Diagnostic[] {
  const [logical] = splitLogicalLines(line, '<cib>');
  const first = logical?.words[0];
  if (!logical || logical.error || !first) return [];
  const spec = resolveCommandWord('configure', first.text);
  if (!spec || spec.kind !== 'object') return [];
  const { diagnostics } = parseConfigureStatement(logical, spec.name, { fromText: true });
  // Positions point into a line that exists nowhere but in crmsh's memory: dropped.
  return diagnostics.filter((d) => d.severity === 'error').map(({ at: _at, hint: _hint, ...d }) => d);
}
