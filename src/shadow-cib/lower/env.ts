/** The per-statement working state handed to every builder. */
import type { Diagnostic } from '../../diagnostic.js';
import { schemaVersion } from '../cib-query.js';
import type { Document, Element, Node } from '../xml.js';
import type { LowerContext } from './common.js';
import { RoleConverter } from './scores.js';

export interface Env {
  doc: Document;
  ctx: LowerContext;
  /** Diagnostics collected so far for this statement, in crmsh's print order. */
  diags: Diagnostic[];
  roles: RoleConverter;
  /** `# …` lines written above the statement: crmsh keeps them as XML comments in the object. */
  comments: string[];
  /** `$id-ref=` / `@ref` targets not found, reported when the statement is done; `passes` is
   *  how many of crmsh's resolution passes report it (4 for sets, rules, operations; 2 for nvpairs). */
  unresolvedRefs: Array<{ ref: string; passes: number }>;
  /** Set when the statement re-defines an existing object (`load update`): the old element
   *  (detached) whose ids are inherited, and where the new element goes instead of the end
   *  of its section. */
  replacing?: { old: Element; parent: Node; before: Node | null };
}

export function makeEnv(doc: Document, ctx: LowerContext, comments: string[] = []): Env {
  const diags: Diagnostic[] = [];
  const v = schemaVersion(doc);
  const oldSchema = v !== undefined && (v[0] < 3 || (v[0] === 3 && v[1] < 7));
  return { doc, ctx, diags, roles: new RoleConverter(oldSchema, ctx.ocf11Support === true, diags), comments, unresolvedRefs: [] };
}
