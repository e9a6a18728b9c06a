/** Loading the CIB in use for a configure session, with crmsh's messages on failure. */
import { diag } from '../diagnostic.js';
import { languageFrom, message, type Lang } from '../messages/catalog.js';
import { readCibFile } from '../commit/cib-file.js';
import { readLiveCib, type LiveExecOptions } from '../commit/live-read.js';
import type { Document } from '../shadow-cib/xml.js';
import { TransportError } from '../transport/types.js';
import { emptyCibXml, type CibSource } from './cib-source.js';
import { ensureFile } from './files.js';
import type { Session } from './session.js';

export async function loadCib(session: Session, source: CibSource): Promise<Document | null> {
  return (await loadCibWithText(session, source))?.doc ?? null;
}

/** The CIB in use and the text it was parsed from (the configure session's baseline). */
export async function loadCibWithText(session: Session, source: CibSource): Promise<{ doc: Document; text: string } | null> {
  if (source.kind === 'live') return loadLiveCib(session);
  if (!source.path) {
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

export function sessionLang(session: Session): Lang {
  return languageFrom(session.env);
}

/** How the node's tools are run for this session. */
export function liveExecOptions(session: Session): LiveExecOptions {
  return { lang: sessionLang(session) };
}

/**
 * `cibadmin -Ql` through the session's transport. A connection that fails twice in a row
 * (TransportError) goes up to the session, which reports it and reconnects on the next command.
 */
export async function loadLiveCib(session: Session): Promise<{ doc: Document; text: string } | null> {
  let read;
  try {
    read = await readLiveCib(await session.cluster(), liveExecOptions(session));
  } catch (e) {
    // A read changes nothing: after a dropped connection, connect again and read once more.
    if (!(e instanceof TransportError)) throw e;
    await session.dropTransport();
    read = await readLiveCib(await session.cluster(), liveExecOptions(session));
  }
  if (!read.doc) {
    session.reportAll(read.diagnostics);
    return null;
  }
  return { doc: read.doc, text: read.text };
}

function announceOffline(session: Session, path: string): void {
  if (session.offlineAnnounced) return;
  session.offlineAnnounced = true;
  session.notice(message('TCRM0001', { path }));
}
