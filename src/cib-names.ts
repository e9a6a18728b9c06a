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
