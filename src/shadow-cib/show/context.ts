/** What rendering one object needs to know beyond the object itself. */
import type { Obscurer } from './values.js';

export interface RenderContext {
  /** Applied to nvpair values (`show` obscures passwords; edit/save do not). */
  obscure: Obscurer;
  /** How many node objects the CIB has (fencing_topology prints its short form when every node has the same levels). */
  nodeCount: number;
  /** False when the CIB names no Pacemaker schema (`validate-with="none"`). */
  schemaKnown: boolean;
  /** Ids that some `<rule id-ref>` in the whole configuration points at: crmsh shows those
   *  rules with `$id=`, so the reference still reads back (absent: none). */
  referencedRuleIds?: ReadonlySet<string>;
  /** Ids created or modified in this session: crmsh judges an object's text form only when it
   *  loads the CIB, so an object it changed since keeps its text form until the next load. */
  changedIds?: ReadonlySet<string>;
}
