/**
 * Which OCF provider crmsh picks for an agent written without one: `heartbeat` when Debian's
 * resource-agents ships that type (or nobody does), else `pacemaker` for the agents only
 * pacemaker ships (`ls /usr/lib/ocf/resource.d/*` on Debian 12).
 */
const PACEMAKER_ONLY = new Set([
  'HealthCPU',
  'HealthIOWait',
  'HealthSMART',
  'attribute',
  'controld',
  'ifspeed',
  'o2cb',
  'ping',
  'remote',
]);

export function defaultProvider(type: string): string {
  return PACEMAKER_ONLY.has(type) ? 'pacemaker' : 'heartbeat';
}
