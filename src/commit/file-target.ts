/**
 * Committing the working CIB into a CIB file (`CIB_file` or a shadow): under a lock, re-read
 * the file; if it moved since the session loaded it, merge object by object; then replace it
 * atomically with epoch bumped. Any failure leaves the file as it was.
 */
import { realpath } from 'node:fs/promises';
import { diag, type Diagnostic } from '../diagnostic.js';
import { firstChild, serializeDocument, type Document } from '../shadow-cib/xml.js';
import { writeFileAtomically, type AtomicWriteHooks } from './atomic-write.js';
import { readCibFile } from './cib-file.js';
import { acquireFileLock, lockPathFor } from './file-lock.js';
import { conflictDiagnostic, mergeConfigurations, type Conflict } from './merge.js';

export interface FileCommitOptions {
  force: boolean;
  lockTimeoutMs?: number;
  hooks?: AtomicWriteHooks;
  /**
   * The caller gives up `working` (it continues from `written`): stamp and write it in place
   * instead of copying it first — a copy of a large CIB costs seconds with xmldom.
   */
  adoptWorking?: boolean;
}

export interface CommitResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Objects both sides changed differently (refused unless forced; reported either way). */
  conflicts: Conflict[];
  /** The file had moved since `loaded` and the commit was merged into it. */
  merged: boolean;
  /** What was written: the session's new baseline. */
  written?: Document;
}

export async function commitToFile(
  given: string,
  loaded: Document,
  working: Document,
  opts: FileCommitOptions,
): Promise<CommitResult> {
  // Write through a symlink (a CIB_file pointing elsewhere) rather than replacing the link.
  const path = await realpath(given).catch(() => given);
  const lock = await acquireFileLock(path, { timeoutMs: opts.lockTimeoutMs ?? 10_000 });
  if (!lock.ok) {
    const who = lock.holder ? ` by process ${lock.holder}` : '';
    return refused([diag('TCRM4011', 'error', `${path} is locked${who}; nothing was committed`, undefined, `lock file: ${lockPathFor(path)}`)]);
  }
  try {
    const current = await readCibFile(path);
    if (!current.doc) return refused(current.diagnostics);
    const file = current.doc;

    const moved = !sameVersion(file, loaded);
    let next: Document = opts.adoptWorking ? working : (working.cloneNode(true) as Document);
    let conflicts: Conflict[] = [];
    if (moved) {
      const result = mergeConfigurations(loaded, working, file, { oursWinConflicts: opts.force });
      conflicts = result.conflicts;
      if (conflicts.length > 0 && !opts.force) {
        return { ...refused(conflicts.map(conflictDiagnostic)), conflicts, merged: true };
      }
      next = result.merged;
    }
    keepFileStatus(next, file);
    stampVersion(next, file, loaded);

    try {
      await writeFileAtomically(path, serializeDocument(next), opts.hooks);
    } catch (e) {
      const reason = (e as Error).message;
      return { ...refused([diag('TCRM4012', 'error', `could not write ${path}: ${reason}; the file is unchanged`)]), conflicts, merged: moved };
    }
    // Forced over conflicts: say which objects of the target were overridden.
    const notes = conflicts.map(conflictDiagnostic).map(asWarning);
    return { ok: true, diagnostics: notes, conflicts, merged: moved, written: next };
  } finally {
    await lock.release();
  }
}

function refused(diagnostics: Diagnostic[]): CommitResult {
  return { ok: false, diagnostics, conflicts: [], merged: false };
}

function asWarning(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'warning' };
}

const num = (doc: Document, attr: string): number => Number.parseInt(doc.documentElement!.getAttribute(attr) ?? '0', 10) || 0;

function sameVersion(a: Document, b: Document): boolean {
  return num(a, 'epoch') === num(b, 'epoch') && num(a, 'admin_epoch') === num(b, 'admin_epoch');
}

/** epoch = max(file, loaded) + 1 so the result is newer than both; admin_epoch is the file's. */
function stampVersion(next: Document, file: Document, loaded: Document): void {
  const root = next.documentElement!;
  root.setAttribute('epoch', String(Math.max(num(file, 'epoch'), num(loaded, 'epoch')) + 1));
  root.setAttribute('num_updates', '0');
  root.setAttribute('admin_epoch', String(num(file, 'admin_epoch')));
}

/** The status section belongs to the file (crm never edits it through configure). */
function keepFileStatus(next: Document, file: Document): void {
  const root = next.documentElement!;
  const ours = firstChild(root, 'status');
  const theirs = firstChild(file.documentElement!, 'status');
  if (ours) root.removeChild(ours);
  if (theirs) root.appendChild(next.importNode(theirs, true));
}
