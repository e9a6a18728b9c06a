/**
 * crmsh's own checks (verify.md §2) for `configure verify` and the commit gate, on the agent
 * data that is the truth here (DECISIONS.md: a live node's agents when connected, else the local
 * machine's when Pacemaker is installed, else the bundled lists; see agent-source.ts). When
 * connected, the live membership's node names count as existing nodes too.
 */
import { agentsUsedBy, runChecks, type RunChecksResult } from '../verify/index.js';
import type { Document } from '../shadow-cib/xml.js';
import { placeInSession } from './finding-positions.js';
import { agentCatalogFor } from './agent-source.js';
import { liveNodeNames } from './live-nodes.js';
import type { Session } from './session.js';

export async function semanticChecks(
  session: Session,
  doc: Document,
  /** `only`: the ids of the objects this session changed (commit); absent: every object (verify). */
  scope: { only?: Set<string> },
): Promise<RunChecksResult> {
  if (session.settings.get('core.check_frequency') === 'never') return { diagnostics: [], worst: 0 };
  const catalog = await agentCatalogFor(session, agentsUsedBy(doc));
  const run = (knownNodes: string[]): RunChecksResult =>
    runChecks(doc, {
      catalog,
      only: scope.only,
      checkMode: session.settings.get('core.check_mode') === 'relaxed' ? 'relaxed' : 'strict',
      ignoreMissingMetadata: session.settings.isYes('core.ignore_missing_metadata'),
      knownNodes,
    });
  const placed = (r: RunChecksResult): RunChecksResult => ({
    ...r,
    diagnostics: placeInSession(r.diagnostics, session.configure, doc),
  });
  const result = run([]);
  // Only a node-reference finding is worth a round trip to the node (live commits stay cheap).
  if (!session.opts.openTransport || !result.diagnostics.some((d) => NODE_CHECKS.has(d.check))) return placed(result);
  const live = await liveNodeNames(session);
  return placed(live && live.length > 0 ? run(live) : result);
}

/** The checks that look nodes up: location nodes (TCRM3110, TCRM3112), fencing topology (TCRM3140). */
const NODE_CHECKS = new Set(['TCRM3110', 'TCRM3112', 'TCRM3140']);
