/** Meta attribute names of resources against crmsh's lists (also hits newer Pacemaker
 *  options such as `critical`, as crmsh does). */
import { warning } from '../findings.js';
import { META_NAMES } from '../meta-names.js';
import { rememberedDidYouMean } from '../per-run.js';
import { ownMeta } from '../resource-content.js';
import type { Check, Finding } from '../types.js';

export const metaAttributes: Check = {
  code: 'TCRM3101',
  appliesTo: ['primitive', 'rsc_template', 'group', 'clone', 'ms'],
  run(obj, ctx) {
    const known = META_NAMES[obj.type]!;
    const findings: Finding[] = [];
    // a primitive's content serves its other checks too; a container's is its whole subtree
    const meta = obj.type === 'primitive' || obj.type === 'rsc_template' ? ctx.content(obj.el).meta : ownMeta(obj.el);
    for (const { name } of meta) {
      if (name && !known.has(name)) findings.push(warning(`${obj.id}: unknown attribute '${name}'`, rememberedDidYouMean(name, known)));
    }
    return { findings };
  },
};
