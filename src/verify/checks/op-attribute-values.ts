/** Op attribute values against the enumerations of the CIB's schema for `op`. */
import { childElements, type Element } from '../../shadow-cib/xml.js';
import { didYouMean } from '../../agents/suggest.js';
import { warning } from '../findings.js';
import { opEnums } from '../op-enums.js';
import type { Check, Finding } from '../types.js';

export const opAttributeValues: Check = {
  code: 'TCRM3105',
  appliesTo: ['primitive', 'rsc_template'],
  run(obj, ctx) {
    const enums = opEnums(ctx.doc.documentElement?.getAttribute('validate-with') ?? null);
    const findings: Finding[] = [];
    const ops = childElements(obj.el)
      .filter((c) => c.tagName === 'operations')
      .flatMap((o: Element) => childElements(o).filter((c) => c.tagName === 'op'));
    for (const op of ops) {
      for (const attr of Array.from(op.attributes)) {
        const values = enums[attr.name];
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
