/**
 * Names in cluster property sets (only `cib-bootstrap-options`: other sets hold agents'
 * state), rsc_defaults and op_defaults against what each may hold.
 */
import { suggestNames } from '../../agents/suggest.js';
import { childElements } from '../../shadow-cib/xml.js';
import { warning } from '../findings.js';
import { EXTRA_CLUSTER_PROPERTIES, OP_ATTRIBUTES, PRIMITIVE_META } from '../meta-names.js';
import type { Check, CibObject, Finding } from '../types.js';

function unknownNames(obj: CibObject, known: ReadonlySet<string>, explain?: (meant: string) => string | undefined): Finding[] {
  return childElements(obj.el)
    .filter((nv) => nv.tagName === 'nvpair' && nv.getAttribute('name') && !known.has(nv.getAttribute('name')!))
    .map((nv) => {
      const name = nv.getAttribute('name')!;
      const meant = suggestNames(name, known, 1)[0];
      const hint = meant ? [`did you mean '${meant}'?`, explain?.(meant)].filter(Boolean).join(' ') : undefined;
      return warning(`${obj.id}: unknown attribute '${name}'`, hint);
    });
}

/** Why a misspelt option matters: the cluster keeps the default of the one meant. */
function propertyEffect(obj: CibObject): (meant: string) => string | undefined {
  const written = new Set(childElements(obj.el).map((nv) => nv.getAttribute('name')));
  return (meant) => {
    if (written.has(meant)) return undefined;
    if (meant === 'stonith-enabled') {
      return 'As written, stonith-enabled keeps its default (true): that is why Pacemaker refuses to start resources without a STONITH resource.';
    }
    return `As written, ${meant} keeps its default value.`;
  };
}

export function propertyNamesCheck(clusterOptionNames: () => string[]): Check {
  let known: Set<string> | undefined;
  return {
    code: 'TCRM3120',
    appliesTo: ['property'],
    run(obj) {
      if (obj.id !== 'cib-bootstrap-options') return { findings: [] };
      known ??= new Set([...clusterOptionNames(), ...EXTRA_CLUSTER_PROPERTIES]);
      return { findings: unknownNames(obj, known, propertyEffect(obj)) };
    },
  };
}

const RSC_DEFAULTS = new Set(PRIMITIVE_META);
export const rscDefaultsNames: Check = {
  code: 'TCRM3121',
  appliesTo: ['rsc_defaults'],
  run: (obj) => ({ findings: unknownNames(obj, RSC_DEFAULTS) }),
};

const OP_DEFAULTS = new Set(OP_ATTRIBUTES);
export const opDefaultsNames: Check = {
  code: 'TCRM3122',
  appliesTo: ['op_defaults'],
  run: (obj) => ({ findings: unknownNames(obj, OP_DEFAULTS) }),
};
