/** Meta attribute names of resources against crmsh's lists (also hits newer Pacemaker
 *  options such as `critical`, as crmsh does). */
import { childElements } from '../../shadow-cib/xml.js';
import { didYouMean } from '../../agents/suggest.js';
import { warning } from '../findings.js';
import { META_NAMES } from '../meta-names.js';
import type { Check, Finding } from '../types.js';

export const metaAttributes: Check = {
  code: 'TCRM3101',
  appliesTo: ['primitive', 'rsc_template', 'group', 'clone', 'ms'],
  run(obj) {
    const known = META_NAMES[obj.type]!;
    const findings: Finding[] = [];
    for (const set of childElements(obj.el).filter((c) => c.tagName === 'meta_attributes')) {
      for (const nv of childElements(set).filter((c) => c.tagName === 'nvpair')) {
        const name = nv.getAttribute('name');
        if (name && !known.has(name)) findings.push(warning(`${obj.id}: unknown attribute '${name}'`, didYouMean(name, known)));
      }
    }
    return { findings };
  },
};
