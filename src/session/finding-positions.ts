/**
 * Puts verify's findings on the source line that produced them (issue 3): crmsh names only the
 * object (`failoverip: parameter "cidr" is not known`); tcrm remembers the statement that last
 * defined each object in this session and points at the word the finding is about, else at the
 * statement itself. Objects loaded from the CIB, with no statement here, stay unplaced.
 */
import type { Diagnostic, Position } from '../diagnostic.js';
import type { Document } from '../shadow-cib/xml.js';
import type { ConfigStatement } from '../grammar/ast.js';
import type { LogicalLine, Word } from '../grammar/words.js';

/** The object id a statement defines, as verify names it. */
export function statementObjectId(stmt: ConfigStatement): string | null {
  switch (stmt.kind) {
    case 'property':
      return stmt.set.id ?? 'cib-bootstrap-options';
    case 'rsc_defaults':
      return stmt.set.id ?? 'rsc-options';
    case 'op_defaults':
      return stmt.set.id ?? 'op-options';
    default: {
      const id = (stmt as { id?: unknown }).id;
      if (id && typeof id === 'object' && 'name' in id && typeof (id as { name: unknown }).name === 'string') return (id as { name: string }).name;
      return null;
    }
  }
}

/** The word a finding is about: a quoted name (`"cidr"`, `'stonith-enable'`), a resource or node, an op's timeout. */
function wordFor(message: string, words: readonly Word[]): Word | undefined {
  const timeout = /timeout (\S+) for (\S+) is smaller/.exec(message);
  if (timeout) {
    const op = words.findIndex((w, i) => w.text === timeout[2] && words[i - 1]?.text === 'op');
    const from = op < 0 ? 0 : op;
    return words.slice(from).find((w) => w.text === `timeout=${timeout[1]}` || w.text.startsWith('timeout=')) ?? words[from];
  }
  const action = /action '([^']+)' not found/.exec(message);
  if (action) return words.find((w, i) => w.text === action[1] && words[i - 1]?.text === 'op');
  const named = /(?:"([^"]+)"|'([^']+)'|resource (\S+) does not exist|node (\S+) does not exist)/.exec(message);
  const name = named && (named[1] ?? named[2] ?? named[3] ?? named[4]);
  if (!name) return undefined;
  // Skip the statement's own id (word 1): a name is looked for among the arguments.
  return words.slice(2).find((w) => w.text === name || w.text.startsWith(`${name}=`) || w.text.startsWith(`$${name}=`));
}

/** The session's configure state, as far as placing findings needs it. */
interface DefiningSession {
  working: Document;
  definedBy: ReadonlyMap<string, LogicalLine>;
}

/** Places findings about `doc` when it is the configuration this session's statements built. */
export function placeInSession<D extends Diagnostic>(diagnostics: D[], configure: DefiningSession | null | undefined, doc: Document): D[] {
  if (!configure || configure.working !== doc) return diagnostics;
  return placeFindings(diagnostics, configure.definedBy) as D[];
}

/** Gives each unplaced finding about a known object the position of its word or statement. */
export function placeFindings(diagnostics: Diagnostic[], definedBy: ReadonlyMap<string, LogicalLine>): Diagnostic[] {
  if (definedBy.size === 0) return diagnostics;
  return diagnostics.map((d) => {
    if (d.at) return d;
    const at =
      danglingReferencePosition(d.message, definedBy) ?? objectPosition(d.message, definedBy) ?? optionPosition(d.message, definedBy);
    return at ? { ...d, at } : d;
  });
}

function objectPosition(message: string, definedBy: ReadonlyMap<string, LogicalLine>): Position | undefined {
  const id = /^(\S+): /.exec(message)?.[1] ?? schemaSubject(message, definedBy) ?? pacemakerSubject(message, definedBy);
  const line = id ? definedBy.get(id) : undefined;
  if (!line) return undefined;
  return wordFor(message, line.words)?.at ?? line.at;
}

/**
 * A RelaxNG line as crmsh shows it, `op (d-monitor-10s): Expecting …`: the element's id, or the
 * id of the object it is in. Inner ids are built from their object's (`d-monitor-10s` is in
 * `d`), so the longest object id that prefixes it is the statement.
 */
function schemaSubject(message: string, definedBy: ReadonlyMap<string, LogicalLine>): string | undefined {
  const id = /^\s*\S+ \((?:in )?([^)\s]+)\): /.exec(message)?.[1];
  if (!id) return undefined;
  if (definedBy.has(id)) return id;
  let best: string | undefined;
  for (const key of definedBy.keys()) {
    if (id.startsWith(`${key}-`) && (!best || key.length > best.length)) best = key;
  }
  return best;
}

const OPTION_STATEMENTS = new Set(['property', 'rsc_defaults', 'op_defaults']);

/**
 * crm_verify's lines about cluster options name the option or only its value (`Using default
 * value for cluster option 'no-quorum-policy' …`, `Could not parse integer from 'abc'`); Blind
 * faith comes from `stonith-enabled` or `startup-fencing`. Looked up in option statements only.
 */
function optionPosition(message: string, definedBy: ReadonlyMap<string, LogicalLine>): Position | undefined {
  const quoted = [...message.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const names = /Blind faith/.test(message) ? ['stonith-enabled', 'startup-fencing'] : quoted;
  if (names.length === 0) return undefined;
  for (const line of definedBy.values()) {
    if (!OPTION_STATEMENTS.has(line.words[0]?.text ?? '')) continue;
    for (const name of names) {
      const word = line.words.find((w) => w.text.startsWith(`${name}=`) || w.text.endsWith(`=${name}`));
      if (word) return word.at;
    }
  }
  return undefined;
}

/**
 * crm_verify's lines name the resource inside the sentence (`Ignoring 'target-role' for d
 * because …`, `d requires fencing …`): the first word that is an object of this session.
 */
function pacemakerSubject(message: string, definedBy: ReadonlyMap<string, LogicalLine>): string | undefined {
  const text = /^\(\w+\) \t(?:warning|error): (.*)$/.exec(message.trim())?.[1];
  if (!text) return undefined;
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^['"]|['",.:]+$/g, ''))
    .find((w) => definedBy.has(w));
}

/**
 * libxml2's dangling IDREF line names the missing id, not the object holding it: the first
 * statement of this session that uses that name (`failover_ip` in a location) is where it is.
 */
function danglingReferencePosition(message: string, definedBy: ReadonlyMap<string, LogicalLine>): Position | undefined {
  const m = /IDREF attribute (\S+) references an unknown ID "([^"]*)"/.exec(message);
  if (!m) return undefined;
  const [, attribute, ghost] = m;
  const uses = (text: string): boolean =>
    text === ghost || text.startsWith(`${ghost}:`) || text === `${attribute}=${ghost}` || text === `$${attribute}=${ghost}`;
  for (const line of definedBy.values()) {
    const word = line.words.slice(2).find((w) => uses(w.text));
    if (word) return word.at;
  }
  return undefined;
}
