/**
 * Turning what the grammar, the lowering, verify and the commit gate say into check findings:
 * a position (the token that produced it), tcrm's own wording from the catalogue where the
 * finding is one a student makes (with a did-you-mean), crmsh's text otherwise.
 */
import type { Diagnostic, Position, Severity } from '../diagnostic.js';
import type { LogicalLine } from '../grammar/words.js';
import { message, type Lang, type MessageCode } from '../messages/catalog.js';
import type { Finding } from '../verify/types.js';
import type { CheckFinding } from './types.js';
import { findOpToken, findToken, statementSpan, type Span } from './tokens.js';

export function findingAt(
  span: Span,
  severity: Severity,
  code: string,
  text: string,
  suggestion: string | null = null,
  note?: string,
): CheckFinding {
  const f: CheckFinding = {
    line: span.at.line,
    column: span.at.col,
    endLine: span.end.line,
    endColumn: Math.max(span.end.col, span.at.line === span.end.line ? span.at.col + 1 : span.end.col),
    severity,
    code,
    message: text,
    suggestion,
  };
  if (note) f.note = note;
  return f;
}

export const pointSpan = (at: Position): Span => ({ at, end: { ...at, col: at.col + 1, offset: at.offset + 1 } });

/** The first name of `did you mean 'X'?` / `did you mean 'X' or 'Y'?`, and what follows it. */
export function splitHint(hint: string | undefined): { suggestion: string | null; note?: string } {
  if (!hint) return { suggestion: null };
  const m = /^did you mean '([^']+)'(?:(?:, '[^']+')* or '[^']+')?\?\s*(.*)$/.exec(hint);
  if (!m) return { suggestion: null, note: hint };
  return m[2] ? { suggestion: m[1]!, note: m[2] } : { suggestion: m[1]! };
}

/** A diagnostic that carries its own position (grammar, lowering). */
export function fromDiagnostic(d: Diagnostic, fallback: Span, lang: Lang, words?: LogicalLine): CheckFinding {
  let span = fallback;
  if (d.at) {
    const w = words?.words.find((x) => x.at.line === d.at!.line && x.at.col === d.at!.col);
    span = w ? { at: w.at, end: w.end } : pointSpan(d.at);
  }
  const { suggestion, note } = splitHint(d.hint);
  const missing = /^(\S+) refers to missing object (\S+)$/.exec(d.message);
  if (missing) {
    const s = words ? findToken([words], missing[2]!) : null;
    return findingAt(s ?? span, 'error', 'TCRM2020', message('TCRM2020', { id: missing[2]! }, lang), suggestion);
  }
  const badId = /^(\S+): invalid object id$/.exec(d.message);
  if (badId) return findingAt(span, 'error', 'TCRM2010', d.message, asciiId(badId[1]!), message('TCRM2036', {}, lang));
  const dup = /^Cannot create \S+ with ID '([^']+)'/.exec(d.message);
  if (dup) return findingAt(span, 'error', 'TCRM2030', message('TCRM2030', { id: dup[1]! }, lang));
  const code = d.code === 'CRM' ? 'TCRM2010' : d.code;
  return findingAt(span, d.severity, code, d.message, suggestion, note);
}

/** `préféré-Lubuntu` → `prefere-Lubuntu`: accents dropped, anything else not allowed → `-`. */
export function asciiId(id: string): string | null {
  const plain = id.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/[^\w.-]+/g, '-');
  return plain !== id && /^[A-Za-z_][\w.-]*$/.test(plain) ? plain : null;
}

/** verify's cause-and-effect note on a misspelt property, in the catalogue's words. */
function effectNote(note: string | undefined, lang: Lang): string | undefined {
  if (!note) return undefined;
  const stonith = /^As written, (\S+) keeps its default \(true\): that is why Pacemaker refuses to start resources without a STONITH resource\.$/.exec(note);
  if (stonith) return message('TCRM2046', { name: stonith[1]! }, lang);
  const other = /^As written, (\S+) keeps its default value\.$/.exec(note);
  if (other) return message('TCRM2047', { name: other[1]! }, lang);
  return note;
}

type Tr = (code: MessageCode, params: Record<string, string>) => string;

/**
 * A verify finding on an object, placed on the statements that defined it. `agentWord`: the
 * statement's agent (word 2 of `primitive ID AGENT`).
 */
export function fromVerifyFinding(
  checkCode: string,
  f: Finding,
  objId: string,
  agent: string,
  lines: readonly LogicalLine[],
  lang: Lang,
): CheckFinding {
  const tr: Tr = (code, params) => message(code, params, lang);
  const fallback = lines.length > 0 ? statementSpan(lines[lines.length - 1]!, 1) : null;
  const where = (s: Span | null): Span => s ?? fallback ?? pointSpan({ file: '', line: 1, col: 1, offset: 0 });
  const body = f.message.startsWith(`${objId}: `) ? f.message.slice(objId.length + 2) : f.message;
  const { suggestion, note } = splitHint(f.hint);
  const agentSpan = (): Span | null => {
    for (let k = lines.length - 1; k >= 0; k--) {
      const w = lines[k]!.words[2];
      if (w && /^(primitive|rsc_template|resource)$/.test(lines[k]!.words[0]!.text)) return { at: w.at, end: w.end };
    }
    return null;
  };
  let m: RegExpExecArray | null;
  if ((m = /^resource (\S+) does not exist$/.exec(body))) {
    return findingAt(where(findToken(lines, m[1]!)), 'error', 'TCRM2020', tr('TCRM2020', { id: m[1]! }), suggestion);
  }
  if ((m = /^parameter "([^"]+)" is not known$/.exec(body))) {
    return findingAt(where(findToken(lines, m[1]!, 3)), 'error', 'TCRM2021', tr('TCRM2021', { name: m[1]!, agent }), suggestion, note);
  }
  if ((m = /^required parameter "([^"]+)" not defined$/.exec(body))) {
    return findingAt(where(agentSpan()), 'error', 'TCRM2022', tr('TCRM2022', { name: m[1]!, agent }), suggestion);
  }
  if ((m = /^(\S+): (?:no such resource agent|got no meta-data, does this RA exist\?)$/.exec(f.message))) {
    return findingAt(where(agentSpan()), 'error', 'TCRM2023', tr('TCRM2023', { agent: m[1]! }), suggestion);
  }
  if ((m = /^action '([^']+)' not found in Resource Agent meta-data$/.exec(body))) {
    return findingAt(where(findOpToken(lines, m[1]!)), 'warning', 'TCRM2024', tr('TCRM2024', { op: m[1]!, agent }), suggestion);
  }
  if ((m = /^interval in (\S+) should be larger than 0/.exec(body))) {
    return findingAt(where(findOpToken(lines, m[1]!)), f.severity, checkCode, f.message, suggestion, note ?? tr('TCRM2039', {}));
  }
  if ((m = /^(?:specified|default) timeout (\S+) for (\S+) is smaller than the advised (\S+)$/.exec(body))) {
    const span = findOpToken(lines, m[2]!, 'timeout');
    return findingAt(where(span), 'warning', 'TCRM2025', tr('TCRM2025', { timeout: m[1]!, op: m[2]!, advised: m[3]! }), null);
  }
  if ((m = /^unknown attribute '([^']+)'$/.exec(body))) {
    const span = where(findToken(lines, m[1]!));
    const note = effectNote(splitHint(f.hint).note, lang);
    if (checkCode === 'TCRM3120') return findingAt(span, 'warning', 'TCRM2026', tr('TCRM2026', { name: m[1]! }), suggestion, note);
    return findingAt(span, 'warning', 'TCRM2027', tr('TCRM2027', { name: m[1]!, section: objId }), suggestion, note);
  }
  if ((m = /^referenced node (\S+) does not exist$/.exec(body))) {
    return findingAt(where(findToken(lines, m[1]!)), 'warning', 'TCRM2028', tr('TCRM2028', { node: m[1]! }), suggestion);
  }
  if ((m = /^parameter "([^"]+)" (.*)$/.exec(body)) && checkCode.startsWith('TCRM32')) {
    // `ip=172.31.0.100/16`: the prefix length is a parameter of its own
    const cidr = /"(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})"/.exec(m[2]!);
    const meant = cidr && m[1] === 'ip' ? `ip=${cidr[1]} cidr_netmask=${cidr[2]}` : suggestion;
    return findingAt(where(findToken(lines, m[1]!, 3)), f.severity, 'TCRM2029', tr('TCRM2029', { name: m[1]!, id: objId, detail: m[2]! }), meant, note);
  }
  // anything else: crmsh's (or verify's) own text, on the token it names if one is quoted
  const quoted = /["']([^"']+)["']/.exec(body)?.[1];
  const span = quoted ? findToken(lines, quoted) : null;
  return findingAt(where(span), f.severity, checkCode, f.message, suggestion, note);
}
