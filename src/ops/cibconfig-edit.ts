/**
 * Commands that crmsh runs as an edit of its own CIB copy plus a commit (standby, online,
 * maintenance, start/stop, manage/unmanage): one pure edit, applied to
 *   - the configure session's copy when it has uncommitted changes (crmsh: `INFO: Currently
 *     editing the CIB, changes will not be committed`; the change waits for `commit`), for the
 *     commands crmsh checks that for;
 *   - the CIB file in-process (lock, re-read, edit, atomic write);
 *   - the live cluster through the equivalent tool argv.
 * Then `-w`/`--wait` (or `options wait yes`) waits for the cluster to settle.
 */
import { diag } from '../diagnostic.js';
import { message } from '../messages/catalog.js';
import type { Session } from '../session/session.js';
import { serializeDocument, type Document } from '../shadow-cib/xml.js';
import { editCibFile } from './cib-file-edit.js';
import { IdAllocator } from '../shadow-cib/ids.js';
import { childElements, type Element } from '../shadow-cib/xml.js';

/**
 * crmsh's idmgmt lives as long as the crm process: an id it saw or handed out stays taken even
 * after its element is removed (measured: standby, standby reboot, standby again gives
 * `…-standby-0`). Per session, the ids every crmsh-style edit saw.
 */
const SEEN = new WeakMap<Session, Set<string>>();

function sessionIds(session: Session, doc: Document): IdAllocator {
  let seen = SEEN.get(session);
  if (!seen) SEEN.set(session, (seen = new Set()));
  const ids = new IdAllocator(seen);
  collectIds(doc.documentElement!, ids);
  return ids;
}

function collectIds(el: Element, ids: IdAllocator): void {
  const id = el.getAttribute('id');
  if (id) ids.reserve(id);
  for (const c of childElements(el)) collectIds(c, ids);
}

function remember(session: Session, ids: IdAllocator): void {
  const seen = SEEN.get(session)!;
  for (const id of ids.snapshot()) seen.add(id);
}
import { printToolResult, runTool } from './session-ops.js';

export interface CibconfigEdit {
  /** `ids`: crmsh's id registry for this session, seeded with the document's ids. */
  file: (doc: Document, ids: IdAllocator) => void | Promise<void>;
  /** The same change as tool calls, for the live cluster. */
  live: string[][];
  /** crmsh checks for uncommitted configure changes first (_commit_meta_attr, _commit_node_attr). */
  checksPending: boolean;
}

export async function cibconfigEdit(session: Session, edit: CibconfigEdit): Promise<boolean> {
  const cfg = session.configure;
  if (edit.checksPending && cfg?.hasChanges()) {
    session.report(diag('CRM', 'info', 'Currently editing the CIB, changes will not be committed'));
    await cfg.edit(async (doc) => {
      const ids = sessionIds(session, doc);
      await edit.file(doc, ids);
      remember(session, ids);
    });
    return true;
  }
  const s = session.source;
  if (s.kind === 'live' || !s.path) {
    for (const argv of edit.live) {
      const r = await runTool(session, argv);
      if (!r) return false;
      printToolResult(session, r);
      if (r.code !== 0) return false;
    }
    return true;
  }
  const outcome = await editCibFile(s.path, async (doc) => {
    const before = serializeDocument(doc);
    const ids = sessionIds(session, doc);
    await edit.file(doc, ids);
    remember(session, ids);
    return { changed: serializeDocument(doc) !== before };
  });
  return outcome.ok ? true : session.reportAll(outcome.diagnostics);
}

/** Seconds `-w` waits at most (crmsh waits without bound; a hung node must not hang tcrm). */
function waitSeconds(session: Session): number {
  const n = Number.parseInt(session.env.TCRM_WAIT_TIMEOUT ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : 300;
}

/**
 * `-w`/`--wait`: after a change on a live cluster, wait until the cluster is idle
 * (`crm_resource --wait`), with a progress line and a timeout. Nothing to wait for on a file.
 */
export async function waitIfAsked(session: Session): Promise<boolean> {
  if (!session.settings.isYes('core.wait') || session.source.kind !== 'live') return true;
  const seconds = waitSeconds(session);
  session.notice(message('TCRM6004', { seconds }));
  const r = await runTool(session, ['crm_resource', '--wait', '--timeout', `${seconds}s`], { timeoutMs: (seconds + 15) * 1000 });
  if (!r) return false;
  if (r.code !== 0) {
    session.report(diag('TCRM6005', 'error', message('TCRM6005', { seconds }), undefined, r.stderr.trim() || undefined));
    return false;
  }
  return true;
}
