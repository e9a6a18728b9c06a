/** The attribute names crmsh 4.4.1 accepts, per object type (its constants). */
export const PRIMITIVE_META = [
  'allow-migrate', 'maintenance', 'is-managed', 'interval-origin', 'migration-threshold', 'priority',
  'multiple-active', 'failure-timeout', 'resource-stickiness', 'target-role', 'restart-type', 'description',
  'remote-node', 'requires', 'provides', 'remote-port', 'remote-addr', 'remote-connect-timeout',
];
const COMMON = ['priority', 'target-role', 'is-managed'];
const GROUP_EXTRA = [...COMMON, 'container'];
const CLONE_EXTRA = [
  ...COMMON, 'ordered', 'notify', 'interleave', 'globally-unique', 'clone-max', 'clone-node-max', 'clone-state',
  'description', 'clone-min', 'promotable', 'promoted-max', 'promoted-node-max',
];
const MS_EXTRA = [
  ...COMMON, 'clone-max', 'clone-node-max', 'notify', 'globally-unique', 'ordered', 'interleave', 'master-max',
  'master-node-max', 'description',
];

export const META_NAMES: Record<string, ReadonlySet<string>> = {
  primitive: new Set(PRIMITIVE_META),
  rsc_template: new Set(PRIMITIVE_META),
  group: new Set([...PRIMITIVE_META, ...GROUP_EXTRA]),
  clone: new Set([...PRIMITIVE_META, ...CLONE_EXTRA]),
  ms: new Set([...PRIMITIVE_META, ...CLONE_EXTRA, ...MS_EXTRA]),
};

/** `op` attributes in Pacemaker's schema (what crmsh accepts in op_defaults). */
export { OP_ATTRIBUTES } from '../cib-names.js';

/** Cluster properties crmsh knows beside the daemons' options. */
export const EXTRA_CLUSTER_PROPERTIES = ['dc-version', 'cluster-infrastructure', 'last-lrm-refresh', 'cluster-name'];
