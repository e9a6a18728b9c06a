/**
 * `configure commit` and the commit on leaving configure (shadow-and-commit.md §4, DECISIONS.md
 * "Checks at commit"): nothing to commit → crmsh's two INFO lines; the gate's lines; a refused
 * commit leaves the CIB untouched; a successful one reloads the session from what was written.
 */
import { diag } from '../diagnostic.js';
import { checkAtCommit, hasPrimitive } from '../commit/cluster-checks.js';
import { liveVerifyFindings } from './live-verify.js';
import { semanticChecks } from './semantic-checks.js';
import { commitToFile } from '../commit/file-target.js';
import { commitLive } from '../commit/live-target.js';
import { message } from '../messages/catalog.js';
import type { Document } from '../shadow-cib/xml.js';
import { ConfigureSession } from './configure-session.js';
import { liveExecOptions, loadCibWithText } from './cib-io.js';
import { keepShadowBase } from './shadow-base.js';
import type { Session } from './session.js';
import { placeInSession } from './finding-positions.js';

export async function commitConfigure(
  session: Session,
  opts: { force: boolean; replace: boolean },
): Promise<boolean> {
  const cfg = session.configure;
  if (!cfg) return false;
  if (!cfg.hasChanges()) {
    session.report(diag('CRM', 'info', 'apparently there is nothing to commit'));
    session.report(diag('CRM', 'info', 'try changing something first'));
    return true;
  }
  const force = opts.force || session.opts.force;
  const gate = checkAtCommit(cfg.working);
  session.reportAll(placeInSession(gate.lines, cfg, cfg.working));
  // crmsh checks only the objects this session changed; with no primitive it checks nothing.
  const checks = hasPrimitive(cfg.working)
    ? await semanticChecks(session, cfg.working, { only: cfg.changed })
    : { diagnostics: [], worst: 0 };
  session.reportAll(checks.diagnostics);
  // The real crm_verify, on a live cluster or with --live: only the lines our emulation missed.
  const real = await liveVerifyFindings(session, cfg.working, gate.lines, 'commit');
  if (real) session.reportAll(real.diagnostics);
  if (gate.blocking || checks.worst >= 2 || real?.blocking) {
    if (force) {
      session.report(diag('CRM', 'info', 'commit forced'));
    } else if (!(await session.confirm('Do you still want to commit?'))) {
      session.notice(message('TCRM4001'));
      return false;
    }
  }
  const source = session.source;
  if (source.kind === 'live') {
    const result = await commitToLive(session, cfg.loaded, cfg.working, { force, replace: opts.replace });
    if (!result.ok) return false;
    if (result.after) session.adoptConfigure(new ConfigureSession(result.after.doc, result.after.text));
    else {
      const reloaded = await loadCibWithText(session, source);
      if (reloaded) session.adoptConfigure(new ConfigureSession(reloaded.doc, reloaded.text));
    }
    return true;
  }
  if (!source.path) {
    session.report(diag('CRM', 'error', 'running cibadmin -Ql: Could not connect to the CIB: Transport endpoint is not connected'));
    return false;
  }
  // The session continues from what was written, so the working copy need not be kept.
  // A shadow's recorded base follows the file across tcrm's own write (shadow-base.ts).
  const path = source.path;
  const result = await keepShadowBase(session.env, source.kind === 'shadow' ? path : null, () =>
    commitToFile(path, cfg.loaded, cfg.working, { force, adoptWorking: true }),
  );
  if (!session.reportAll(result.diagnostics) || !result.ok) return false;
  // What was written is the new baseline (the session's changes are now committed).
  if (result.written) {
    session.adoptConfigure(new ConfigureSession(result.written));
  } else {
    const reloaded = await loadCibWithText(session, source);
    if (reloaded) session.adoptConfigure(new ConfigureSession(reloaded.doc, reloaded.text));
  }
  return true;
}

/**
 * A commit into the live CIB through the session's transport; a dropped connection is
 * reconnected (the session forgets the old transport first). Reports its diagnostics.
 */
export async function commitToLive(
  session: Session,
  loaded: Document,
  working: Document,
  opts: { force: boolean; replace: boolean },
): Promise<{ ok: boolean; after?: { doc: Document; text: string } }> {
  const transport = await session.cluster();
  const result = await commitLive(transport, loaded, working, {
    ...liveExecOptions(session),
    force: opts.force,
    replace: opts.replace,
    reconnect: async () => {
      await session.dropTransport();
      return session.cluster();
    },
  });
  session.reportAll(result.diagnostics);
  return { ok: result.ok, after: result.after };
}
