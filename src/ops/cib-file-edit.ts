/**
 * One read-modify-write of a CIB file (CIB_file, a shadow, the offline CIB) for the operational
 * commands: under the same lock the configure commit takes, re-read the file, apply the edit,
 * bump epoch like Pacemaker's tools do, then write temp + fsync + rename. Nothing is written
 * when the edit changed nothing or failed.
 */
import { realpath } from 'node:fs/promises';
import { diag, type Diagnostic } from '../diagnostic.js';
import { serializeDocument, type Document } from '../shadow-cib/xml.js';
import { readCibFile } from '../commit/cib-file.js';
import { acquireFileLock, lockPathFor } from '../commit/file-lock.js';
import { writeFileAtomically } from '../commit/atomic-write.js';
import { message } from '../messages/catalog.js';

export type FileEdit<T extends { changed: boolean }> = (doc: Document) => T | Promise<T>;

export type FileEditOutcome<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

export async function editCibFile<T extends { changed: boolean }>(given: string, edit: FileEdit<T>): Promise<FileEditOutcome<T>> {
  const path = await realpath(given).catch(() => given);
  const lock = await acquireFileLock(path, { timeoutMs: 10_000 });
  if (!lock.ok) {
    const who = lock.holder ? ` (process ${lock.holder})` : '';
    return { ok: false, diagnostics: [diag('TCRM6001', 'error', message('TCRM6001', { path, who }), undefined, lockPathFor(path))] };
  }
  try {
    const read = await readCibFile(path);
    if (!read.doc) return { ok: false, diagnostics: read.diagnostics };
    const doc = read.doc;
    const value = await edit(doc);
    if (value.changed) {
      const root = doc.documentElement!;
      root.setAttribute('epoch', String((Number.parseInt(root.getAttribute('epoch') ?? '0', 10) || 0) + 1));
      root.setAttribute('num_updates', '0');
      try {
        await writeFileAtomically(path, serializeDocument(doc));
      } catch (e) {
        return { ok: false, diagnostics: [diag('TCRM6002', 'error', message('TCRM6002', { path, reason: (e as Error).message }))] };
      }
    }
    return { ok: true, value };
  } finally {
    await lock.release();
  }
}

/** Reads a CIB file without changing it (show commands). */
export async function readCib(path: string): Promise<FileEditOutcome<Document>> {
  const read = await readCibFile(path);
  return read.doc ? { ok: true, value: read.doc } : { ok: false, diagnostics: read.diagnostics };
}
