/**
 * Agent metadata XML (`crm_resource --show-metadata`, an agent's `meta-data` action) → facts.
 * The same reader serves the generator (facts only) and the live source (with prose).
 */
import { childElements, parseXml, XmlParseError, type Element } from '../shadow-cib/xml.js';
import type { ActionFacts, AgentFacts, ParamFacts } from './types.js';

export interface ReadOptions {
  /** Keep shortdesc/longdesc (the live source does; bundled data never ships prose). */
  prose?: boolean;
}

/** Null when the text is not resource-agent metadata (an agent that does not exist prints none). */
export function readAgentMetadata(xml: string, opts: ReadOptions = {}): AgentFacts | null {
  if (!xml.includes('<resource-agent')) return null;
  let root: Element | null;
  try {
    root = parseXml(xml).documentElement;
  } catch (e) {
    if (e instanceof XmlParseError) return null;
    throw e;
  }
  if (!root || root.tagName !== 'resource-agent') return null;
  const facts: AgentFacts = {
    params: kids(root, 'parameters').flatMap((ps) => kids(ps, 'parameter')).map((p) => paramFacts(p, opts)),
    actions: kids(root, 'actions').flatMap((as) => kids(as, 'action')).map(actionFacts),
  };
  if (opts.prose) addProse(facts, root);
  return facts;
}

/** Parameters of a daemon's or the fencer's `metadata` output (same `<parameters>` shape). */
export function readParameters(xml: string, opts: ReadOptions = {}): ParamFacts[] {
  const facts = readAgentMetadata(xml, opts);
  return facts ? facts.params : [];
}

function kids(el: Element, tag: string): Element[] {
  return childElements(el).filter((c) => c.tagName === tag);
}

function paramFacts(p: Element, opts: ReadOptions): ParamFacts {
  const facts: ParamFacts = { name: p.getAttribute('name') ?? '' };
  const content = kids(p, 'content')[0];
  if (content) {
    facts.type = content.getAttribute('type') ?? 'string';
    if (content.hasAttribute('default')) facts.default = content.getAttribute('default')!;
    const values = kids(content, 'option').map((o) => o.getAttribute('value') ?? '');
    if (values.length > 0) facts.values = values;
  }
  if (p.getAttribute('required') === '1') facts.required = true;
  if (p.getAttribute('unique') === '1') facts.unique = true;
  // crmsh reads only the attribute (any non-empty value), not OCF 1.1's <deprecated/> element
  if (p.getAttribute('deprecated')) facts.deprecated = true;
  if (p.getAttribute('obsoletes')) facts.obsoletes = p.getAttribute('obsoletes')!;
  if (opts.prose) addProse(facts, p);
  return facts;
}

function actionFacts(a: Element): ActionFacts {
  const facts: ActionFacts = { name: a.getAttribute('name') ?? '' };
  for (const key of ['timeout', 'interval', 'depth', 'role'] as const) {
    const v = a.getAttribute(key);
    if (v) facts[key] = v;
  }
  return facts;
}

function addProse(facts: { shortdesc?: string; longdesc?: string }, el: Element): void {
  const short = kids(el, 'shortdesc')[0]?.textContent?.trim();
  const long = kids(el, 'longdesc')[0]?.textContent?.trim();
  if (short) facts.shortdesc = short;
  if (long) facts.longdesc = long;
}
