/**
 * Names from Pacemaker's CIB schema that several layers need (the grammar to split op
 * attributes, lowering to place them, show to render them, verify to check op_defaults).
 * A leaf module: it imports nothing.
 */

/** The schema's attributes of `<op>`; any other `name=value` of an op is an instance attribute. */
export const OP_ATTRIBUTES = [
  'id',
  'name',
  'interval',
  'description',
  'start-delay',
  'interval-origin',
  'timeout',
  'enabled',
  'record-pending',
  'role',
  'on-fail',
] as const;

/** ACL spec prefix (schema 2.0 syntax) → the `acl_permission` attribute it sets. */
export const ACL_SPEC_ATTR: Readonly<Record<string, string>> = {
  xpath: 'xpath',
  ref: 'reference',
  reference: 'reference',
  tag: 'object-type',
  type: 'object-type',
  attr: 'attribute',
  attribute: 'attribute',
};

/** CIB tag → crm object type, the word crmsh uses for it (`location:l1`, `show type:…`). */
export const CRM_TYPE_OF_TAG: Readonly<Record<string, string>> = {
  node: 'node',
  primitive: 'primitive',
  template: 'rsc_template',
  group: 'group',
  clone: 'clone',
  master: 'ms',
  bundle: 'bundle',
  rsc_location: 'location',
  rsc_colocation: 'colocation',
  rsc_order: 'order',
  rsc_ticket: 'rsc_ticket',
  cluster_property_set: 'property',
  rsc_defaults: 'rsc_defaults',
  op_defaults: 'op_defaults',
  'fencing-topology': 'fencing_topology',
  acl_role: 'role',
  acl_target: 'acl_target',
  acl_user: 'user',
  acl_group: 'acl_group',
  tag: 'tag',
  alert: 'alert',
};
