/**
 * Puts verify's findings on the source line that produced them (issue 3): crmsh names only the
 * object (`failoverip: parameter "cidr" is not known`); tcrm remembers the statement that last
 * defined each object in this session and points at the word the finding is about, else at the
 * statement itself. Objects loaded from the CIB, with no statement here, stay unplaced.
 */
import type { Diagnostic, Position } from '../diagnostic.js';
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

/** Gives each unplaced finding about a known object the position of its word or statement. */
export function placeFindings(diagnostics: Diagnostic[], definedBy: ReadonlyMap<string, LogicalLine>): Diagnostic[] {
  if (definedBy.size === 0) return diagnostics;
  return diagnostics.map((d) => {
    if (d.at) return d;
    const id = /^(\S+): /.exec(d.message)?.[1];
    const line = id ? definedBy.get(id) : undefined;
    if (!line) return d;
    const at: Position = wordFor(d.message, line.words)?.at ?? line.at;
    return { ...d, at };
  });
}
