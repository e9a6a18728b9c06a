/** Loading the CIB in use for a configure session, with crmsh's messages on failure. */
import { diag } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import { readCibFile } from '../commit/cib-file.js';
import type { Document } from '../shadow-cib/xml.js';
import { emptyCibXml, type CibSource } from './cib-source.js';
import { ensureFile } from './files.js';
import type { Session } from './session.js';

export async function loadCib(session: Session, source: CibSource): Promise<Document | null> {
  return (await loadCibWithText(session, source))?.doc ?? null;
}

/** The CIB in use and the text it was parsed from (the configure session's baseline). */
export async function loadCibWithText(session: Session, source: CibSource): Promise<{ doc: Document; text: string } | null> {
  if (source.kind === 'live' || !source.path) {
    session.report(diag('CRM', 'error', 'running cibadmin -Ql: Could not connect to the CIB: Transport endpoint is not connected'));
    return null;
  }
  if (source.kind === 'offline') {
    if (await ensureFile(source.path, emptyCibXml())) announceOffline(session, source.path);
    else if (!session.offlineAnnounced) announceOffline(session, source.path);
  }
  const result = await readCibFile(source.path);
  if (!result.doc) {
    session.reportAll(result.diagnostics ?? []);
    return null;
  }
  return { doc: result.doc, text: result.text };
}

function announceOffline(session: Session, path: string): void {
  if (session.offlineAnnounced) return;
  session.offlineAnnounced = true;
  session.notice(message('TCRM0001', { path }));
}
