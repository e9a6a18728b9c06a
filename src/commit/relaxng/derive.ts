/**
 * Validation by derivatives (James Clark, "An algorithm for RELAX NG validation") over the CIB's
 * DOM as it is, with no serialising and re-parsing. Every derivative is memoised by pattern id,
 * so the thousands of alike primitives, ops and nvpairs of a large CIB cost a few map lookups
 * each. The answer is only a verdict: libxml2 explains a rejection.
 */
import { collapseWhitespace } from './datatypes.js';
import * as P from './patterns.js';
import type { Pattern } from './patterns.js';
import type { Element, Node } from '../../shadow-cib/xml.js';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * What ID and IDREF typing needs beyond the patterns. Which alternative an attribute matched is
 * not tracked, so a value is counted as a possible ID (for duplicates) and a possible reference
 * when any accepting pattern says so, and as a sure ID only when all of them do.
 */
interface IdRecord {
  possibleIds: Set<string>;
  sureIds: Set<string>;
  references: string[];
}

/**
 * Whether `root` (a document element) matches `start` with its ID values distinct and every
 * IDREF naming an ID, as libxml2 requires.
 */
export function matchesSchema(start: Pattern, root: Element): boolean {
  const ids: IdRecord = { possibleIds: new Set(), sureIds: new Set(), references: [] };
  if (!elementDeriv(start, root, ids).nullable) return false;
  return ids.references.every((r) => ids.sureIds.has(r));
}

function elementDeriv(p: Pattern, el: Element, ids: IdRecord): Pattern {
  if (el.namespaceURI) return P.NOT_ALLOWED;
  let d = startTagOpenDeriv(p, el.localName ?? el.tagName);
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length && d !== P.NOT_ALLOWED; i++) {
    const a = attrs.item(i)!;
    if (a.name === 'xmlns' || a.prefix === 'xmlns') continue;
    if (a.namespaceURI) return P.NOT_ALLOWED;
    d = attributeDeriv(d, a.localName!, a.value, ids);
  }
  if (d === P.NOT_ALLOWED) return d;
  d = startTagCloseDeriv(d);
  d = childrenDeriv(d, el, ids);
  return endTagDeriv(d);
}

/** Element children in order, with the text between them merged (comments do not split text). */
function childrenDeriv(p: Pattern, el: Element, ids: IdRecord): Pattern {
  let text = '';
  let sawElement = false;
  let d = p;
  for (let c: Node | null = el.firstChild; c && d !== P.NOT_ALLOWED; c = c.nextSibling) {
    if (c.nodeType === ELEMENT) {
      if (text !== '') d = significantTextDeriv(d, text);
      text = '';
      sawElement = true;
      d = elementDeriv(d, c as Element, ids);
    } else if (c.nodeType === TEXT || c.nodeType === CDATA) {
      text += c.nodeValue ?? '';
    }
  }
  if (sawElement) return text === '' ? d : significantTextDeriv(d, text);
  // An element with only text (or none): empty or blank text may also match no text at all.
  if (isWhitespace(text)) return P.choice(d, textDeriv(d, text, false));
  return textDeriv(d, text, false);
}

/** Blank text between elements is not content. */
function significantTextDeriv(p: Pattern, text: string): Pattern {
  return isWhitespace(text) ? p : textDeriv(p, text, false);
}

function isWhitespace(s: string): boolean {
  return /^[ \t\n\r]*$/.test(s);
}

// --- memo tables, keyed by pattern id -----------------------------------------------------------

const openMemo = new Map<number, Map<string, Pattern>>();
const closeMemo = new Map<number, Pattern>();
const endMemo = new Map<number, Pattern>();
const attributeMemo = new Map<number, Map<string, Map<number, Pattern>>>();
const candidatesMemo = new Map<number, Map<string, Pattern[]>>();
const valueMemo = new Map<number, Map<string, boolean>>();

function startTagOpenDeriv(p: Pattern, name: string): Pattern {
  let byName = openMemo.get(p.id);
  if (!byName) openMemo.set(p.id, (byName = new Map()));
  let d = byName.get(name);
  if (!d) {
    d = computeOpen(p, name);
    byName.set(name, d);
  }
  return d;
}

function computeOpen(p: Pattern, name: string): Pattern {
  switch (p.kind) {
    case 'choice':
      return P.choice(startTagOpenDeriv(p.a, name), startTagOpenDeriv(p.b, name));
    case 'element':
      return P.nameMatches(p.nameClass, name) ? P.after(p.content(), P.EMPTY) : P.NOT_ALLOWED;
    case 'interleave': {
      const { a, b } = p;
      return P.choice(
        applyAfter((x) => P.interleave(x, b), startTagOpenDeriv(a, name)),
        applyAfter((x) => P.interleave(a, x), startTagOpenDeriv(b, name)),
      );
    }
    case 'oneOrMore': {
      const rest = P.choice(p, P.EMPTY);
      return applyAfter((x) => P.group(x, rest), startTagOpenDeriv(p.a, name));
    }
    case 'group': {
      const { a, b } = p;
      const first = applyAfter((x) => P.group(x, b), startTagOpenDeriv(a, name));
      return a.nullable ? P.choice(first, startTagOpenDeriv(b, name)) : first;
    }
    case 'after': {
      const { b } = p;
      return applyAfter((x) => P.after(x, b), startTagOpenDeriv(p.a, name));
    }
    default:
      return P.NOT_ALLOWED;
  }
}

function applyAfter(f: (p: Pattern) => Pattern, p: Pattern): Pattern {
  switch (p.kind) {
    case 'after':
      return P.after(p.a, f(p.b));
    case 'choice':
      return P.choice(applyAfter(f, p.a), applyAfter(f, p.b));
    default:
      return P.NOT_ALLOWED;
  }
}

/**
 * An attribute's derivative depends on its value only through whether each attribute pattern
 * that takes this name accepts the value; memoised on those answers (a bit each), not on the value.
 * A value that may be an ID and was seen before ends the match (libxml2 will say why).
 */
function attributeDeriv(p: Pattern, name: string, value: string, ids: IdRecord): Pattern {
  const candidates = attributeCandidates(p, name);
  if (candidates.length > 30) return P.NOT_ALLOWED; // beyond the answer bits: not sure, libxml2 decides
  let answers = 0;
  let idTyped = 0;
  let accepting = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (!valueMatches(c, value)) continue;
    answers |= 1 << i;
    accepting++;
    const type = c.kind === 'data' ? c.type.idType : undefined;
    if (type === 'ID') idTyped++;
    else if (type === 'IDREF') ids.references.push(value);
  }
  if (idTyped > 0) {
    if (ids.possibleIds.has(value)) return P.NOT_ALLOWED;
    ids.possibleIds.add(value);
    if (idTyped === accepting) ids.sureIds.add(value);
  }
  let byName = attributeMemo.get(p.id);
  if (!byName) attributeMemo.set(p.id, (byName = new Map()));
  let byAnswers = byName.get(name);
  if (!byAnswers) byName.set(name, (byAnswers = new Map()));
  let d = byAnswers.get(answers);
  if (!d) {
    const accepted = new Set(candidates.filter((_, i) => answers & (1 << i)).map((c) => c.id));
    d = computeAttribute(p, name, accepted);
    byAnswers.set(answers, d);
  }
  return d;
}

function computeAttribute(p: Pattern, name: string, accepted: Set<number>): Pattern {
  const recur = (q: Pattern): Pattern => computeAttribute(q, name, accepted);
  switch (p.kind) {
    case 'after':
      return P.after(recur(p.a), p.b);
    case 'choice':
      return P.choice(recur(p.a), recur(p.b));
    case 'group':
      return P.choice(P.group(recur(p.a), p.b), P.group(p.a, recur(p.b)));
    case 'interleave':
      return P.choice(P.interleave(recur(p.a), p.b), P.interleave(p.a, recur(p.b)));
    case 'oneOrMore':
      return P.group(recur(p.a), P.choice(p, P.EMPTY));
    case 'attribute':
      return P.nameMatches(p.nameClass, name) && accepted.has(p.a.id) ? P.EMPTY : P.NOT_ALLOWED;
    default:
      return P.NOT_ALLOWED;
  }
}

/** The content patterns of the attribute patterns reachable in `p` that take `name`. */
function attributeCandidates(p: Pattern, name: string): Pattern[] {
  let byName = candidatesMemo.get(p.id);
  if (!byName) candidatesMemo.set(p.id, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    const set = new Map<number, Pattern>();
    collectCandidates(p, name, set, new Set());
    found = [...set.values()];
    byName.set(name, found);
  }
  return found;
}

function collectCandidates(p: Pattern, name: string, into: Map<number, Pattern>, seen: Set<number>): void {
  if (seen.has(p.id)) return;
  seen.add(p.id);
  switch (p.kind) {
    case 'after':
    case 'choice':
    case 'group':
    case 'interleave':
      collectCandidates(p.a, name, into, seen);
      collectCandidates(p.b, name, into, seen);
      break;
    case 'oneOrMore':
      collectCandidates(p.a, name, into, seen);
      break;
    case 'attribute':
      if (P.nameMatches(p.nameClass, name)) into.set(p.a.id, p.a);
      break;
    default:
  }
}

/**
 * Datatype checks are cheap and ids never repeat, so only enumerations and other composite
 * patterns, whose values do repeat, are memoised.
 */
function valueMatches(p: Pattern, value: string): boolean {
  if (p.kind === 'text') return true;
  if (p.kind === 'data' && p.except === null) return p.type.allows(value);
  let byValue = valueMemo.get(p.id);
  if (!byValue) valueMemo.set(p.id, (byValue = new Map()));
  let ok = byValue.get(value);
  if (ok === undefined) {
    ok = (p.nullable && isWhitespace(value)) || textDeriv(p, value, false).nullable;
    if (byValue.size < 1_000) byValue.set(value, ok);
  }
  return ok;
}

/**
 * `lenient` is set under `except`: there a value matches when it could for libxml2 in any reading
 * (token or string comparison), so that excluding it is never wrongly skipped.
 */
function textDeriv(p: Pattern, s: string, lenient: boolean): Pattern {
  switch (p.kind) {
    case 'choice':
      return P.choice(textDeriv(p.a, s, lenient), textDeriv(p.b, s, lenient));
    case 'interleave':
      return P.choice(P.interleave(textDeriv(p.a, s, lenient), p.b), P.interleave(p.a, textDeriv(p.b, s, lenient)));
    case 'group': {
      const first = P.group(textDeriv(p.a, s, lenient), p.b);
      return p.a.nullable ? P.choice(first, textDeriv(p.b, s, lenient)) : first;
    }
    case 'after':
      return P.after(textDeriv(p.a, s, lenient), p.b);
    case 'oneOrMore':
      return P.group(textDeriv(p.a, s, lenient), P.choice(p, P.EMPTY));
    case 'text':
      return p;
    case 'value':
      return valueEquals(p.value, s, lenient) ? P.EMPTY : P.NOT_ALLOWED;
    case 'data':
      if (!p.type.allows(s)) return P.NOT_ALLOWED;
      return p.except && textDeriv(p.except, s, true).nullable ? P.NOT_ALLOWED : P.EMPTY;
    default:
      return P.NOT_ALLOWED;
  }
}

/** Outside `except`, only the exact text is taken (libxml2 surely agrees); inside, tokens too. */
function valueEquals(expected: string, actual: string, asToken: boolean): boolean {
  if (expected === actual) return true;
  return asToken && collapseWhitespace(expected) === collapseWhitespace(actual);
}

/** `compute(p)`, remembered by pattern id in `table`. */
function remembered(table: Map<number, Pattern>, p: Pattern, compute: (p: Pattern) => Pattern): Pattern {
  let d = table.get(p.id);
  if (!d) {
    d = compute(p);
    table.set(p.id, d);
  }
  return d;
}

function startTagCloseDeriv(p: Pattern): Pattern {
  return remembered(closeMemo, p, computeClose);
}

function computeClose(p: Pattern): Pattern {
  switch (p.kind) {
    case 'after':
      return P.after(startTagCloseDeriv(p.a), p.b);
    case 'choice':
      return P.choice(startTagCloseDeriv(p.a), startTagCloseDeriv(p.b));
    case 'group':
      return P.group(startTagCloseDeriv(p.a), startTagCloseDeriv(p.b));
    case 'interleave':
      return P.interleave(startTagCloseDeriv(p.a), startTagCloseDeriv(p.b));
    case 'oneOrMore':
      return P.oneOrMore(startTagCloseDeriv(p.a));
    case 'attribute':
      return P.NOT_ALLOWED;
    default:
      return p;
  }
}

function endTagDeriv(p: Pattern): Pattern {
  return remembered(endMemo, p, computeEnd);
}

function computeEnd(p: Pattern): Pattern {
  switch (p.kind) {
    case 'choice':
      return P.choice(endTagDeriv(p.a), endTagDeriv(p.b));
    case 'after':
      return p.a.nullable ? p.b : P.NOT_ALLOWED;
    default:
      return P.NOT_ALLOWED;
  }
}
