/**
 * Syntax errors of the configure language: one table of stable codes, each with the shape of
 * crmsh's message (the text after `ERROR: `) and a short plain-English hint of tcrm's own.
 * crmsh prints `syntax in <context>: <message> [near <<word>>] parsing '<words joined by spaces>'`.
 */
import { diag, type Diagnostic, type Position } from '../diagnostic.js';
import type { LogicalLine } from './words.js';

interface SyntaxErrorKind {
  code: string;
  /** Matches crmsh's message (without the `syntax in …:` frame). */
  test: RegExp;
  hint: string;
}

/** The one table of parse-error codes (TCRM1xxx). Order matters: first match wins. */
export const SYNTAX_ERRORS: readonly SyntaxErrorKind[] = [
  { code: 'TCRM1001', test: /^No closing quotation$/, hint: 'a quote was opened but never closed' },
  { code: 'TCRM1002', test: /^No escaped character$/, hint: 'a backslash ends the input with nothing to escape' },
  { code: 'TCRM1003', test: /^syntax: Unknown command /, hint: 'this is not a configure object command' },
  { code: 'TCRM1010', test: /^Expected at least \d+ arguments$/, hint: 'the command needs more words' },
  { code: 'TCRM1011', test: /^Unknown arguments: /, hint: 'these words do not fit anywhere in the command' },
  { code: 'TCRM1012', test: /^Unexpected end of line$/, hint: 'the line ends where a value is needed' },
  { code: 'TCRM1013', test: /^Expected identifier$/, hint: 'an id or a name is needed here' },
  { code: 'TCRM1014', test: /^Expected resource$/, hint: 'a resource id is needed here' },
  { code: 'TCRM1015', test: /^Expected uname\[:type\]$/, hint: 'a node name, optionally with :normal, :member, :ping or :remote' },
  { code: 'TCRM1016', test: /^(Expected resource type|Unknown resource type)$/, hint: 'an agent as [class:[provider:]]type, e.g. ocf:heartbeat:IPaddr2' },
  { code: 'TCRM1017', test: /^Expected \$id-ref=<id> or \$id=<id>$/, hint: 'after "operations", name the op list with $id=<id> or reuse one with $id-ref=<id>' },
  { code: 'TCRM1018', test: /^Attribute order error: /, hint: "the op's own attributes (interval, timeout, …) must come before its instance attributes" },
  { code: 'TCRM1019', test: /^Empty value for .* is not allowed$/, hint: 'give the property a value, or leave the pair out' },
  { code: 'TCRM1020', test: /^Expected at least (one|\d+) name-value pairs?$/, hint: 'name=value pairs are needed here' },
  { code: 'TCRM1021', test: /^child .* listed more than once in group /, hint: 'a group lists each member once' },
  { code: 'TCRM1022', test: /^Expected primitive reference, got /, hint: 'after "primitive", give the id of one existing primitive' },
  { code: 'TCRM1023', test: /^expected <score>: <node> or <rule>/, hint: 'a location needs "<score>: <node>" or at least one rule' },
  { code: 'TCRM1024', test: /^Expected <(score|ticket-id)>:$/, hint: 'a word ending in ":" is needed here (e.g. "inf:" or "ticketA:")' },
  { code: 'TCRM1025', test: /^Expected (\}|to|path)$/, hint: 'a closing "}", "to <recipient>" or a path is needed here' },
  { code: 'TCRM1026', test: /^Empty resource set$/, hint: 'brackets must enclose at least one resource' },
  { code: 'TCRM1027', test: /^Unmatched opening bracket$/, hint: 'a "(" or "[" is never closed' },
  { code: 'TCRM1028', test: /^Unmatched closing bracket$/, hint: 'a ")" or "]" has no opening bracket' },
  { code: 'TCRM1029', test: /^Mismatched closing bracket$/, hint: 'close "(" with ")" and "[" with "]"' },
  { code: 'TCRM1030', test: /^Cannot nest resource sets$/, hint: 'resource sets cannot contain other sets' },
  { code: 'TCRM1031', test: /^(Unknown attribute|Extra = in )/, hint: 'inside a resource set only sequential=<bool> and require-all=<bool> are allowed' },
  { code: 'TCRM1032', test: /^Not a boolean: /, hint: 'use yes/no, true/false, on/off or 1/0' },
  { code: 'TCRM1033', test: /^Invalid role /, hint: 'roles are Started, Stopped, Promoted, Unpromoted (or Master, Slave)' },
  { code: 'TCRM1034', test: /^Invalid action /, hint: 'actions are start, stop, promote and demote' },
  { code: 'TCRM1035', test: /^Invalid kind: /, hint: 'order kinds are Mandatory, Optional and Serialize (or a number/inf)' },
  { code: 'TCRM1036', test: /^Expected (<rsc>\[:<(role|action)>\] ?)+\| resource_sets$/, hint: 'the constraint needs resources here' },
  { code: 'TCRM1037', test: /^Expected value\[:value\]$/, hint: 'at most one ":" is allowed here' },
  { code: 'TCRM1038', test: /^Mixing bool ops not allowed: /, hint: 'one rule uses either "and" or "or"; write a second rule for the other' },
  { code: 'TCRM1039', test: /^Expected \(\(string\|integer/, hint: 'a comparison is needed: lt, gt, lte, gte, eq or ne (optionally typed, e.g. number:gt)' },
  { code: 'TCRM1040', test: /^(Expected \(in_range\||Unknown date operation )/, hint: 'date expressions are "date lt|gt <date>", "date in_range start=… end=…" or "date date_spec …"' },
  { code: 'TCRM1041', test: /^Expected tag name$/, hint: 'a tag id, optionally followed by ":"' },
  { code: 'TCRM1042', test: /^Expected \(read\|write\|deny\)$/, hint: 'each ACL permission starts with read, write or deny' },
  { code: 'TCRM1043', test: /^(Expected <type>:<spec>|Missing argument to ACL shortcut |attribute is only valid in combination)/, hint: 'ACL specs are xpath:…, ref:…, tag:…, attr:… or a shortcut such as meta:<rsc>' },
  { code: 'TCRM1044', test: /^Expected XML data$/, hint: 'give one CIB element as XML, quoted' },
  { code: 'TCRM1045', test: /^Element .* not recognized$/, hint: 'xml takes one top-level CIB object (primitive, rsc_location, …)' },
  { code: 'TCRM1099', test: /^/, hint: 'the line could not be read' },
];

export const INTERNAL_ERROR_CODE = 'TCRM1098';

export function syntaxErrorKind(message: string): SyntaxErrorKind {
  return SYNTAX_ERRORS.find((k) => k.test.test(message)) ?? SYNTAX_ERRORS[SYNTAX_ERRORS.length - 1];
}

/** crmsh's syntax-error line (after `ERROR: `). */
export function formatSyntaxError(context: string, message: string, near: string | null, parsing: string): string {
  let text = `syntax in ${context}: ${message}`;
  if (near !== null && near !== '') text += ` near <${near}>`;
  return `${text} parsing '${parsing}'`;
}

export function syntaxDiagnostic(
  context: string,
  message: string,
  near: string | null,
  parsing: string,
  at: Position,
): Diagnostic {
  const kind = syntaxErrorKind(message);
  return diag(kind.code, 'error', formatSyntaxError(context, message, near, parsing), at, kind.hint);
}

/** The diagnostic for a line the word splitter could not finish (an open quote). */
export function wordSplitDiagnostic(error: { message: string; at: Position }): Diagnostic {
  const kind = syntaxErrorKind(error.message);
  return diag(kind.code, 'error', error.message, error.at, kind.hint);
}

export function internalErrorDiagnostic(err: unknown, at: Position): Diagnostic {
  const text = err instanceof Error ? err.message : String(err);
  return diag(INTERNAL_ERROR_CODE, 'error', `internal error while parsing: ${text}`, at);
}

/**
 * crmsh's error for a statement in load/edit text whose first word is no object command:
 * `syntax: Unknown command near <word> parsing '…'` (the word lowercased, as crmsh does). The
 * caller adds the statement number (`4: `) where crmsh prints one.
 */
export function unknownCommandDiagnostic(line: LogicalLine): Diagnostic {
  const words = line.words.map((w, i) => (i === 0 ? w.text.toLowerCase() : w.text));
  const message = `syntax: Unknown command near <${words[0]}> parsing '${words.join(' ')}'`;
  const kind = syntaxErrorKind(message);
  return diag(kind.code, 'error', message, line.words[0]?.at ?? line.at, kind.hint);
}
