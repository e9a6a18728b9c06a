/**
 * crmsh's per-object checks in the order crmsh runs them. A check that returns `stop` ends
 * its object's checks (missing template, missing agent).
 */
import { clusterOptionNames } from './cluster-property-names.js';
import { agentExists } from './checks/agent-exists.js';
import { constraintRefs } from './checks/constraint-refs.js';
import { fencingTopology } from './checks/fencing-topology.js';
import { locationNode, locationRuleNodes } from './checks/location-nodes.js';
import { metaAttributes } from './checks/meta-attributes.js';
import { opDefaultsNames, propertyNamesCheck, rscDefaultsNames } from './checks/nvpair-names.js';
import { opAttributeValues } from './checks/op-attribute-values.js';
import { operations } from './checks/operations.js';
import { parameters } from './checks/parameters.js';
import { paramValues } from './checks/param-values.js';
import { rscPattern } from './checks/rsc-pattern.js';
import { templateExists } from './checks/template-exists.js';
import type { Check } from './types.js';

export const CHECKS: readonly Check[] = [
  metaAttributes,
  templateExists,
  agentExists,
  operations,
  opAttributeValues,
  parameters,
  locationNode,
  rscPattern,
  locationRuleNodes,
  constraintRefs,
  propertyNamesCheck(clusterOptionNames),
  rscDefaultsNames,
  opDefaultsNames,
  fencingTopology,
];

/** tcrm's own checks, beyond crmsh (run with `extras`); their diagnostics carry TCRM codes. */
export const EXTRA_CHECKS: readonly Check[] = [paramValues];
