/**
 * `ra info` text exactly as crmsh's RAInfo.meta_pretty prints it: the title (`shortdesc
 * (ocf:heartbeat:IPaddr2)`), the longdesc, `Parameters (*: required, []: default):` with one
 * head line per parameter (`ip* (string): IPv4 address`) and its longdesc indented four
 * spaces, then `Operations' defaults (advisory minimum):` with action names padded to 13
 * columns and their attributes in metadata order. From the metadata XML when a node or local
 * Pacemaker gave it; from bundled facts (no prose) otherwise.
 */
import { childElements, parseXml, type Element } from '../shadow-cib/xml.js';
import type { AgentFacts } from '../agents/index.js';

const TAB = '    ';
const SKIP_OPS = new Set(['meta-data', 'validate-all']);

/** `ocf:heartbeat:IPaddr2`, or `class:type` for other classes (crmsh's RAInfo.__str__). */
export function raLabel(cls: string, provider: string, type: string): string {
  return cls === 'ocf' ? `${cls}:${provider}:${type}` : `${cls}:${type}`;
}

/** ElementTree's findtext(tag).strip(): the first such child's text, '' when absent. */
function textOf(el: Element, tag: string): string {
  const c = childElements(el).find((x) => x.tagName === tag);
  if (!c) return '';
  let text = '';
  for (let n = c.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) break;
    text += n.nodeValue ?? '';
  }
  return text.trim();
}

function shortdesc(el: Element, label: string, type: string): string {
  const name = el.getAttribute('name') ?? '';
  const sd = textOf(el, 'shortdesc');
  const ld = textOf(el, 'longdesc');
  return sd && sd !== name && sd !== ld && sd !== type && sd !== label ? sd : '';
}

/** Null when the text is no resource-agent metadata (crmsh: `got no meta-data`). */
export function renderRaInfoXml(xml: string, cls: string, provider: string, type: string, fencerXml?: string): string | null {
  let root: Element;
  try {
    root = parseXml(xml).documentElement!;
  } catch {
    return null;
  }
  if (root.tagName !== 'resource-agent') return null;
  const label = raLabel(cls, provider, type);
  const out: string[] = [];
  const title = shortdesc(root, label, type);
  out.push(title ? `${title} (${label})` : label);
  const longdesc = textOf(root, 'longdesc');
  if (longdesc) out.push(longdesc);
  const params: string[] = [];
  // crmsh appends the fencer's parameters (pacemaker-fenced metadata) to a stonith agent's.
  const extra = fencerXml ? parameterElements(fencerXml) : [];
  for (const p of [...childElements(root).filter((c) => c.tagName === 'parameters').flatMap((ps) => childElements(ps)), ...extra]) {
    {
      if (p.tagName !== 'parameter') continue;
      const name = p.getAttribute('name');
      if (!name) continue;
      const content = childElements(p).find((c) => c.tagName === 'content');
      let head = name + (p.getAttribute('required') === '1' ? '*' : '');
      const t = content?.getAttribute('type') ?? '';
      const d = content?.getAttribute('default') ?? '';
      if (t && d) head += ` (${t}, [${d}])`;
      else if (t) head += ` (${t})`;
      head += `: ${shortdesc(p, label, type)}`;
      const ld = textOf(p, 'longdesc');
      params.push(ld ? `${head}\n${TAB}${ld.replace(/\n/g, '\n' + TAB)}\n` : head);
    }
  }
  if (params.length) out.push(`Parameters (*: required, []: default):\n\n${params.join('\n')}`.trimEnd());
  const actions: string[] = [];
  for (const as of childElements(root).filter((c) => c.tagName === 'actions')) {
    for (const a of childElements(as).filter((c) => c.tagName === 'action')) {
      const name = a.getAttribute('name');
      if (!name || SKIP_OPS.has(name)) continue;
      let line = name.padEnd(13);
      for (let i = 0; i < a.attributes.length; i++) {
        const at = a.attributes.item(i)!;
        if (at.name !== 'name' && at.value) line += ` ${at.name}=${at.value}`;
      }
      actions.push(TAB + line);
    }
  }
  if (actions.length) out.push(`Operations' defaults (advisory minimum):\n\n${actions.join('\n')}`);
  return out.join('\n\n');
}

function parameterElements(xml: string): Element[] {
  try {
    const root = parseXml(xml).documentElement!;
    return childElements(root)
      .filter((c) => c.tagName === 'parameters')
      .flatMap((ps) => childElements(ps).filter((c) => c.tagName === 'parameter'));
  } catch {
    return [];
  }
}

/** The same layout from bundled facts: no descriptions (DECISIONS.md: prose is not shipped). */
export function renderRaInfoFacts(facts: AgentFacts, cls: string, provider: string, type: string): string {
  const label = raLabel(cls, provider, type);
  const out: string[] = [facts.shortdesc ? `${facts.shortdesc} (${label})` : label];
  if (facts.longdesc) out.push(facts.longdesc);
  const params = facts.params.map((p) => {
    let head = p.name + (p.required ? '*' : '');
    if (p.type && p.default !== undefined && p.default !== '') head += ` (${p.type}, [${p.default}])`;
    else if (p.type) head += ` (${p.type})`;
    return `${head}: ${p.shortdesc ?? ''}`;
  });
  if (params.length) out.push(`Parameters (*: required, []: default):\n\n${params.join('\n')}`);
  const actions = facts.actions
    .filter((a) => !SKIP_OPS.has(a.name))
    .map((a) => {
      let line = a.name.padEnd(13);
      for (const k of ['timeout', 'interval', 'depth', 'role'] as const) if (a[k]) line += ` ${k}=${a[k]}`;
      return TAB + line;
    });
  if (actions.length) out.push(`Operations' defaults (advisory minimum):\n\n${actions.join('\n')}`);
  return out.join('\n\n');
}
