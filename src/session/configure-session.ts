/**
 * The configure level's state: the copy loaded when `configure` was entered and the working copy
 * that object commands edit (shadow-and-commit.md §3). Nothing here does IO.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { ConfigStatement } from '../grammar/ast.js';
import { IdAllocator } from '../shadow-cib/ids.js';
import { lowerStatement } from '../shadow-cib/lower.js';
import { canonicalConfiguration, type Document } from '../shadow-cib/xml.js';

export class ConfigureSession {
  /** The CIB as loaded (the base of the commit diff). */
  loaded: Document;
  /** The copy the commands edit. */
  working: Document;
  /** Top-level ids created or modified in this session (`show changed`). */
  changed = new Set<string>();
  ids: IdAllocator;
  private loadedCanonical: string | null = null;

  constructor(loaded: Document) {
    this.loaded = loaded;
    this.working = loaded.cloneNode(true) as Document;
    this.ids = IdAllocator.fromDocument(this.working);
  }

  /** Applies one object statement; when it fails the working copy is left as it was. */
  apply(stmt: ConfigStatement): { diagnostics: Diagnostic[]; failed: boolean } {
    return lowerStatement(this.working, stmt, { ids: this.ids, changed: this.changed });
  }

  hasChanges(): boolean {
    this.loadedCanonical ??= canonicalConfiguration(this.loaded);
    return canonicalConfiguration(this.working) !== this.loadedCanonical;
  }
}
