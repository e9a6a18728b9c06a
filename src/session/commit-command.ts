/**
 * `configure commit` and the commit on leaving configure (shadow-and-commit.md §4, DECISIONS.md
 * "Checks at commit"): nothing to commit → crmsh's two INFO lines; the gate's lines; a refused
 * commit leaves the CIB untouched; a successful one reloads the session from what was written.
 */
import { diag } from '../diagnostic.js';
import { checkAtCommit, hasPrimitive } from '../commit/cluster-checks.js';
import { semanticChecks } from './semantic-checks.js';
import { commitToFile } from '../commit/file-target.js';
import { message } from '../messages/catalog.js';
import { ConfigureSession } from './configure-session.js';
import { loadCibWithText } from './cib-io.js';
import type { Session } from './session.js';

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
  session.reportAll(gate.lines);
  // crmsh checks only the objects this session changed; with no primitive it checks nothing.
  const checks = hasPrimitive(cfg.working)
    ? await semanticChecks(session, cfg.working, { only: cfg.changed })
    : { diagnostics: [], worst: 0 };
  session.reportAll(checks.diagnostics);
  if (gate.blocking || checks.worst >= 2) {
    if (force) {
      session.report(diag('CRM', 'info', 'commit forced'));
    } else if (!(await session.confirm('Do you still want to commit?'))) {
      session.notice(message('TCRM4001'));
      return false;
    }
  }
  const source = session.source;
  if (!source.path || source.kind === 'live') {
    session.report(diag('CRM', 'error', 'running cibadmin -Ql: Could not connect to the CIB: Transport endpoint is not connected'));
    return false;
  }
  // The session continues from what was written, so the working copy need not be kept.
  const result = await commitToFile(source.path, cfg.loaded, cfg.working, { force, adoptWorking: true });
  if (!session.reportAll(result.diagnostics) || !result.ok) return false;
  // What was written is the new baseline (the session's changes are now committed).
  if (result.written) {
    session.configure = new ConfigureSession(result.written);
  } else {
    const reloaded = await loadCibWithText(session, source);
    if (reloaded) session.configure = new ConfigureSession(reloaded.doc, reloaded.text);
  }
  return true;
}
