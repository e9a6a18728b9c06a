/** Running crm_mon for `status` (through the transport; CIB_file for file sources). */
import { diag } from '../../diagnostic.js';
import { message } from '../../messages/catalog.js';
import type { Session } from '../../session/session.js';
import { runTool } from '../session-ops.js';
import { MonParseError, parseCrmMon, type MonState } from './model.js';

/** crmsh's failure line: `ERROR: status: crm_mon (rc=102): <stderr>`. */
export function reportCrmMonFailure(session: Session, code: number, stderr: string): void {
  session.report(diag('CRM', 'error', `status: crm_mon (rc=${code}): ${stderr.trim()}`));
}

/** `crm_mon -1 --output-as=xml`, parsed; null (reported) when it failed. */
export async function crmMonState(session: Session): Promise<MonState | null> {
  const r = await runTool(session, ['crm_mon', '-1', '-r', '--output-as=xml']);
  if (!r) return null;
  try {
    return parseCrmMon(r.stdout);
  } catch (e) {
    if (r.code !== 0 || e instanceof MonParseError) {
      const reason = r.stderr.trim() || (e as Error).message;
      if (r.code !== 0) reportCrmMonFailure(session, r.code, reason);
      else session.report(diag('TCRM6008', 'error', message('TCRM6008', { reason })));
      return null;
    }
    throw e;
  }
}
