/** crmsh's semantic checks (configure verify, the commit gate) as a registry of pure checks. */
export { runChecks, hasNoPrimitive, buildContext, type RunChecksOptions, type RunChecksResult } from './run-checks.js';
export { CHECKS, EXTRA_CHECKS } from './registry.js';
export { agentsUsedBy } from './agents-used.js';
export { changedObjectIds } from './changed-objects.js';
export type { Check, CheckContext, CheckMode, CibObject, ObjectType, VerifyDiagnostic } from './types.js';
