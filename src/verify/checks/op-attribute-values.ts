/** Op attribute values against the enumerations of Pacemaker's schema for `op`. */
import { childElements, type Element } from '../../shadow-cib/xml.js';
import { didYouMean } from '../../agents/suggest.js';
import { warning } from '../findings.js';
import type { Check, Finding } from '../types.js';

/** The `op` attributes whose values the pacemaker schema enumerates (validate-with 3.x). */
export const OP_ENUMS: Record<string, string[]> = {
  'on-fail': ['ignore', 'block', 'stop', 'restart', 'standby', 'fence', 'restart-container', 'demote'],
  role: ['Stopped', 'Started', 'Promoted', 'Unpromoted', 'Slave', 'Master'],
};

export const opAttributeValues: Check = {
  code: 'TCRM3105',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj) {
    const findings: Finding[] = [];
    const ops = childElements(obj.el)
      .filter((c) => c.tagName === 'operations')
      .flatMap((o: Element) => childElements(o).filter((c) => c.tagName === 'op'));
    for (const op of ops) {
      for (const attr of Array.from(op.attributes)) {
        const values = OP_ENUMS[attr.name];
        if (!values || values.includes(attr.value)) continue;
        findings.push(
          warning(
            `${obj.id}: op '${op.getAttribute('name')}' attribute '${attr.name}' value '${attr.value}' not recognized`,
            didYouMean(attr.value, values),
          ),
        );
      }
    }
    return { findings };
  },
};
