/**
 * What crm would say about a CIB at a commit (or `verify`): crmsh's per-object checks and
 * tcrm's value rules, the uniqueness check, and the commit gate's emulated crm_verify lines —
 * each placed on the token of the statement that produced it.
 */
import type { AgentCatalog } from '../agents/types.js';
import { agentLabel } from '../agents/spec.js';
import { editDistance } from '../agents/suggest.js';
import { checkAtCommit } from '../commit/cluster-checks.js';
import type { LogicalLine } from '../grammar/words.js';
import { message, type Lang } from '../messages/catalog.js';
import { findElementById, nodeUnames } from '../shadow-cib/cib-query.js';
import type { Document, Element } from '../shadow-cib/xml.js';
import { collectObjects } from '../verify/cib-objects.js';
import { UNIQUENESS_CODE, uniquenessFindings } from '../verify/checks/uniqueness.js';
import { CHECKS, EXTRA_CHECKS, buildContext } from '../verify/index.js';
import type { CibObject, Finding } from '../verify/types.js';
import { findToken, statementSpan, type Span } from './tokens.js';
import { findingAt, fromVerifyFinding, pointSpan } from './to-finding.js';
import type { CheckFinding } from './types.js';

/** Which statements defined which object: object key → the statements' words. */
export type Provenance = Map<string, LogicalLine[]>;

/** The provenance key of a verify object: its id, or its kind for property/default sets. */
export function objectKey(obj: { id: string; type: string }): string {
  if (obj.type === 'property' || obj.type === 'rsc_defaults' || obj.type === 'op_defaults') return `@${obj.type}`;
  if (obj.type === 'node') return `@node:${obj.id}`;
  return obj.id;
}

export interface Evaluation {
  findings: CheckFinding[];
  /** crm would refuse this commit (errors from the gate or the checks). */
  blocking: boolean;
}

export function evaluate(
  doc: Document,
  catalog: AgentCatalog,
  provenance: Provenance,
  /** Where crm prints the commit gate's lines (the commit command); null at the end of a
   *  configure-level file, where the first primitive is the better place. */
  at: Span | null,
  lang: Lang,
  /** Where else a missing id exists (a shadow never committed), for a note. */
  elsewhere: (id: string) => string | undefined = () => undefined,
): Evaluation {
  const findings: CheckFinding[] = [];
  let blocking = false;
  const ctx = buildContext(doc, catalog);
  const objects = collectObjects(doc);
  const firstPrimitive = objects.find((o) => o.type === 'primitive');
  const firstLines = firstPrimitive ? provenance.get(firstPrimitive.id) : undefined;
  const atOrFirst: Span =
    at ?? (firstLines && firstLines.length > 0 ? statementSpan(firstLines[0]!, 1) : pointSpan({ file: '', line: 1, col: 1, offset: 0 }));
  const linesOf = (obj: CibObject): LogicalLine[] => provenance.get(objectKey(obj)) ?? provenance.get(objectKey(topOf(obj))) ?? [];
  const agentOf = (obj: CibObject): string => {
    const agent = obj.type === 'primitive' || obj.type === 'rsc_template' ? ctx.view(obj).agent : null;
    return agent ? agentLabel(agent) : obj.id;
  };

  for (const obj of objects) {
    const raws: Array<{ code: string; f: Finding }> = [];
    for (const check of CHECKS) {
      if (!check.appliesTo.includes(obj.type)) continue;
      const { findings: fs, stop } = check.run(obj, ctx);
      for (const raw of fs) {
        if (raw.weight === 'error' || raw.weight === 'always2') blocking = true;
        const f = check.code === 'TCRM3106' && !raw.hint ? { ...raw, hint: paramHint(raw.message, ctx.view(obj).facts?.params.map((p) => p.name) ?? []) } : raw;
        raws.push({ code: check.code, f });
      }
      if (stop) break;
    }
    for (const { code, f } of foldRequiredIntoMisspelt(raws, agentOf(obj), lang)) {
      // a name with a space in front (`\ cidr_netmask`) has its own finding (TCRM2049)
      if (/parameter "\s/.test(f.message)) continue;
      findings.push(fromVerifyFinding(code, f, obj.id, agentOf(obj), linesOf(obj), lang));
    }
    for (const check of EXTRA_CHECKS) {
      if (!check.appliesTo.includes(obj.type)) continue;
      for (const f of check.run(obj, ctx).findings) findings.push(fromVerifyFinding(check.code, f, obj.id, agentOf(obj), linesOf(obj), lang));
    }
  }
  const primitives = new Set(objects.filter((o) => o.type === 'primitive').map((o) => o.id));
  for (const f of uniquenessFindings(ctx, primitives)) {
    if (f.weight === 'always2') blocking = true;
    if (f.message.includes('got no meta-data')) continue;
    // "got no meta-data" repeats the agent check's finding, which dedup folds in
    const ids = [...f.message.matchAll(/\b([\w.-]+)\b/g)].map((m) => m[1]!).filter((id) => primitives.has(id));
    const lines = ids.flatMap((id) => provenance.get(id) ?? []);
    findings.push(fromVerifyFinding(UNIQUENESS_CODE, f, '', '', lines, lang));
  }

  findings.push(...miscasedNodes(doc, objects, provenance, lang));

  const gate = checkAtCommit(doc);
  if (gate.blocking) blocking = true;
  let stonith = false;
  const texts = gate.lines.map((l) => l.message.trim());
  // `stonith-enabled=faux`: Pacemaker's "using the default" line is the cause of the STONITH one
  const stonithLine = texts.some((t) => /STONITH|stonith-enabled option/.test(t));
  const badStonith = texts.map((t) => /cluster option 'stonith-enabled' because '([^']*)' is invalid/.exec(t)?.[1]).find((v) => v !== undefined);
  // "Element constraints has extra content" only follows a more precise schema line
  const precise = texts.some((t) => /Invalid attribute|doesn't allow value|failed to validate/.test(t));
  // an id with a space (`\ cidr_netmask` → "failoverip-instance_attributes- cidr_netmask"): the
  // schema's five lines all follow from the parameter name, which has its own finding
  const spacedId = texts.some((t) => /doesn't allow value '[^']*\s[^']*'/.test(t));
  // `Infinity:` is not a score: crm makes it a score-attribute, which the schema refuses on a
  // colocation or order (and on a location without a rule) — one finding at the word, the
  // schema's lines about that constraint dropped
  const scoreWords = new Set<string>();
  if (texts.some((t) => /score-attribute|Expecting an element rule/.test(t))) {
    for (const o of objects) {
      const el = o.el;
      const value = el.getAttribute('score-attribute');
      if (!value || !/^rsc_(colocation|order|location)$/.test(el.tagName) || (el.tagName === 'rsc_location' && el.getElementsByTagName('rule').length > 0)) continue;
      scoreWords.add(o.id);
      const span = findToken(provenance.get(objectKey(o)) ?? [], `${value}:`) ?? atOrFirst;
      const kind = el.tagName.replace(/^rsc_/, '');
      findings.push(findingAt(span, 'error', 'TCRM2017', message('TCRM2017', { score: value, kind }, lang), value.startsWith('-') ? '-inf:' : 'inf:'));
    }
  }
  for (const line of gate.lines) {
    const text = line.message.trim();
    if (/Blind faith|did not pass schema validation|Errors found during check|Warnings found during check/.test(text)) continue;
    if (precise && /has extra content/.test(text)) continue;
    if (spacedId && /failed to validate|Extra element|doesn't allow value|has extra content/.test(text)) continue;
    if (stonithLine && badStonith !== undefined && text.includes("cluster option 'stonith-enabled'")) continue;
    const about = /^\w+ \(([^)\s]+)\):/.exec(text)?.[1];
    if (scoreWords.size > 0 && ((about !== undefined && scoreWords.has(about)) || /has extra content/.test(text))) continue;
    if (/STONITH|stonith-enabled option|Clusters with shared data/.test(text)) {
      if (stonith) continue;
      stonith = true;
      // on the option when this CIB sets it (to something that is not false), else where crm prints it
      const props = objects.filter((o) => o.type === 'property').flatMap((o) => [...o.el.getElementsByTagName('nvpair')]);
      const written = props.some((nv) => nv.getAttribute('name') === 'stonith-enabled');
      const span = (written ? findToken(provenance.get('@property') ?? [], 'stonith-enabled') : null) ?? atOrFirst;
      const note = badStonith !== undefined ? message('TCRM2018', { value: badStonith, name: 'stonith-enabled' }, lang) : undefined;
      findings.push(findingAt(span, 'error', 'TCRM2031', message('TCRM2031', {}, lang), badStonith !== undefined ? 'stonith-enabled=false' : null, note));
      continue;
    }
    const idref = /element (\w+): .*IDREF attribute (\S+) references an unknown ID "([^"]*)"/.exec(text);
    if (idref) {
      const lines = objects
        .filter((o) => o.el.tagName === idref[1] || o.el.getElementsByTagName(idref[1]!).length > 0)
        .flatMap((o) => provenance.get(objectKey(o)) ?? []);
      const span = findToken(lines, idref[3]!) ?? atOrFirst;
      findings.push(findingAt(span, 'error', 'TCRM2020', message('TCRM2020', { id: idref[3]! }, lang), null, elsewhere(idref[3]!)));
      continue;
    }
    // other gate lines (schema, option values): on the object or option they name
    const named = /\(([^)\s]+)\)/.exec(text)?.[1];
    const el = named ? findElementById(doc, named) : undefined;
    const owner = el ? ownerObject(objects, el) : undefined;
    const optionLines = provenance.get('@property') ?? [];
    const option = /'([\w-]+)'|\b([\w-]+-[\w-]+)\b/.exec(text);
    const span =
      (owner ? statementOf(provenance.get(objectKey(owner)) ?? []) : null) ??
      (option ? findToken(optionLines, option[1] ?? option[2]!) : null) ??
      atOrFirst;
    findings.push(findingAt(span, line.severity, 'TCRM2033', message('TCRM2033', { detail: text.replace(/^\(\w+\)\s+/, '') }, lang), null, line.hint));
  }
  return { findings, blocking };
}

/**
 * `params ipp=…`: crm says both that "ipp" is unknown and that the required "ip" is missing.
 * One mistake, one finding: the misspelt name (with its did-you-mean) keeps the other as a note.
 */
function foldRequiredIntoMisspelt(raws: Array<{ code: string; f: Finding }>, agent: string, lang: Lang): Array<{ code: string; f: Finding }> {
  const hintOf = (f: Finding): string | undefined => /^did you mean '([^']+)'\?/.exec(f.hint ?? '')?.[1];
  const misspeltFor = new Map<string, number>();
  raws.forEach((r, i) => {
    const meant = /parameter "[^"]+" is not known$/.test(r.f.message) ? hintOf(r.f) : undefined;
    if (meant && !misspeltFor.has(meant)) misspeltFor.set(meant, i);
  });
  const notes = new Map<number, string>();
  const dropped = new Set<number>();
  raws.forEach((r, i) => {
    const required = /required parameter "([^"]+)" not defined$/.exec(r.f.message)?.[1];
    const k = required !== undefined ? misspeltFor.get(required) : undefined;
    if (required === undefined || k === undefined) return;
    dropped.add(i);
    notes.set(k, message('TCRM2022', { name: required, agent }, lang));
  });
  return raws.flatMap((r, i) => {
    if (dropped.has(i)) return [];
    const note = notes.get(i);
    return [note ? { code: r.code, f: { ...r.f, hint: `${r.f.hint} ${note}` } } : r];
  });
}

/**
 * `location … 100: lubuntu`: Pacemaker finds the node whatever the case (crm's check too), but
 * the student should write the node's name as the cluster has it.
 */
function miscasedNodes(doc: Document, objects: CibObject[], provenance: Provenance, lang: Lang): CheckFinding[] {
  const unames = nodeUnames(doc);
  const out: CheckFinding[] = [];
  for (const o of objects) {
    if (o.el.tagName !== 'rsc_location') continue;
    const node = o.el.getAttribute('node');
    if (!node || unames.includes(node)) continue;
    const meant = unames.find((u) => u.toLowerCase() === node.toLowerCase());
    const span = meant ? findToken(provenance.get(objectKey(o)) ?? [], node, 2) : null;
    if (meant && span) out.push(findingAt(span, 'info', 'TCRM2037', message('TCRM2037', { node, meant }, lang), meant));
  }
  return out;
}

/** `netmask` → `cidr_netmask`: a known parameter the unknown one is a part of. */
function paramHint(text: string, known: string[]): string | undefined {
  const name = /parameter "([^"]+)"/.exec(text)?.[1];
  if (!name) return undefined;
  const lower = name.toLowerCase();
  const last = (k: string): string => k.toLowerCase().split('_').pop() ?? '';
  const meant =
    known.find((k) => k.toLowerCase().endsWith(`_${lower}`) || k.toLowerCase().startsWith(`${lower}_`)) ??
    (lower.length >= 5 ? known.find((k) => k.includes('_') && editDistance(last(k), lower) <= 1) : undefined);
  return meant ? `did you mean '${meant}'?` : undefined;
}

function topOf(obj: CibObject): CibObject {
  let o = obj;
  while (o.parent) o = o.parent;
  return o;
}

function ownerObject(objects: CibObject[], el: Element): CibObject | undefined {
  const byEl = new Map(objects.map((o) => [o.el, o] as const));
  for (let e: Element | null = el; e; e = (e.parentNode as Element | null) ?? null) {
    const o = byEl.get(e);
    if (o) return o;
    if (!e.tagName) break;
  }
  return undefined;
}

function statementOf(lines: LogicalLine[]): Span | null {
  return lines.length > 0 ? statementSpan(lines[lines.length - 1]!, 1) : null;
}
