/**
 * The configure level's state: the CIB as loaded when `configure` was entered (the base of the
 * commit diff) and the working copy that object commands edit (shadow-and-commit.md §3).
 * Nothing here does IO.
 *
 * Copies of a large CIB are costly, so the loaded state is kept as the XML text it was read from
 * and parsed only when a commit needs it (to merge with a file that moved meanwhile); after a
 * commit the working document simply becomes the new baseline, snapshotted as text before the
 * next edit.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { ConfigStatement } from '../grammar/ast.js';
import type { LogicalLine } from '../grammar/words.js';
import { statementObjectId } from './finding-positions.js';
import { IdAllocator } from '../shadow-cib/ids.js';
import { lowerStatement } from '../shadow-cib/lower.js';
import { canonicalConfiguration, parseXml, serializeDocument, type Document } from '../shadow-cib/xml.js';

export class ConfigureSession {
  /** The copy the commands edit. */
  readonly working: Document;
  /** Top-level ids created or modified in this session (`show changed`). */
  changed = new Set<string>();
  /** The statement that last defined each object here: where verify's findings point. */
  readonly definedBy = new Map<string, LogicalLine>();
  ids: IdAllocator;
  /** The loaded CIB as text; null while `working` still equals it (nothing edited yet). */
  private loadedXml: string | null;
  private loadedDoc: Document | null = null;
  private edits = 0;
  private changesCache: { edits: number; value: boolean } | null = null;

  /**
   * @param working the document to edit, owned by the session from now on
   * @param loadedXml the text it was parsed from, or null when `working` is itself the baseline
   */
  constructor(working: Document, loadedXml: string | null = null) {
    this.working = working;
    this.loadedXml = loadedXml;
    this.ids = IdAllocator.fromDocument(working);
  }

  /** The CIB as loaded (parsed on first use). */
  get loaded(): Document {
    if (this.loadedXml === null) return this.working;
    this.loadedDoc ??= parseXml(this.loadedXml);
    return this.loadedDoc;
  }

  /** Applies one object statement; when it fails the working copy is left as it was. */
  apply(stmt: ConfigStatement, source?: LogicalLine): { diagnostics: Diagnostic[]; failed: boolean } {
    this.beforeEdit();
    const result = lowerStatement(this.working, stmt, { ids: this.ids, changed: this.changed });
    if (!result.failed) {
      this.edits++;
      const id = source ? statementObjectId(stmt) : null;
      if (id) this.definedBy.set(id, source!);
    }
    return result;
  }

  /** Every change of `working` goes through here or `apply`, so that the baseline is kept. */
  edit<T>(change: (working: Document) => T): T {
    this.beforeEdit();
    this.edits++;
    return change(this.working);
  }

  hasChanges(): boolean {
    if (this.edits === 0) return false;
    if (this.changesCache?.edits !== this.edits) {
      const value = withoutEmptySections(canonicalConfiguration(this.working)) !== withoutEmptySections(canonicalConfiguration(this.loaded));
      this.changesCache = { edits: this.edits, value };
    }
    return this.changesCache.value;
  }

  private beforeEdit(): void {
    if (this.loadedXml === null) this.loadedXml = serializeDocument(this.working);
  }
}

/**
 * crmsh decides "changed" object by object: a section left empty (`<rsc_defaults/>` after its
 * only set was created and deleted again) is no change. It is still written when something
 * else is committed, as crmsh's XML diff does.
 */
function withoutEmptySections(canonical: string): string {
  return canonical.replace(/^ {2}<[\w-]+\/>\n/gm, '');
}
