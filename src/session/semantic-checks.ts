/**
 * crmsh's own checks (verify.md §2) for `configure verify` and the commit gate, on the agent
 * data that is the truth here (DECISIONS.md: the local machine's agents when Pacemaker is
 * installed, else the bundled lists).
 */
import { chooseCatalog } from '../agents/choose-catalog.js';
import { AgentCache } from '../agents/agent-cache.js';
import { localExec } from '../commit/local-transport.js';
import { agentsUsedBy, runChecks, type RunChecksResult } from '../verify/index.js';
import type { Document } from '../shadow-cib/xml.js';
import type { Session } from './session.js';

const caches = new WeakMap<Session, AgentCache>();

export async function semanticChecks(
  session: Session,
  doc: Document,
  /** `only`: the ids of the objects this session changed (commit); absent: every object (verify). */
  scope: { only?: Set<string> },
): Promise<RunChecksResult> {
  if (session.settings.get('core.check_frequency') === 'never') return { diagnostics: [], worst: 0 };
  let cache = caches.get(session);
  if (!cache) caches.set(session, (cache = new AgentCache()));
  const { catalog } = await chooseCatalog({
    exec: session.env.PATH ? localExec(session.env) : undefined,
    prefetch: agentsUsedBy(doc),
    cache,
    env: session.env,
    agentsDir: session.env.TCRM_AGENTS_DIR,
  });
  return runChecks(doc, {
    catalog,
    only: scope.only,
    checkMode: session.settings.get('core.check_mode') === 'relaxed' ? 'relaxed' : 'strict',
    ignoreMissingMetadata: session.settings.isYes('core.ignore_missing_metadata'),
  });
}
