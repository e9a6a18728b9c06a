/** A primitive's template must exist; without it crmsh checks nothing more of the primitive. */
import { error } from '../findings.js';
import type { Check } from '../types.js';

export const templateExists: Check = {
  code: 'TCRM3102',
  appliesTo: ['primitive'],
  run(obj, ctx) {
    if (ctx.view(obj).merged) return { findings: [] };
    return { findings: [error(`${obj.el.getAttribute('template')}: no such resource template`)], stop: true };
  },
};
