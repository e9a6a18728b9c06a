/** A primitive's template must exist; without it crmsh checks nothing more of the primitive. */
import { didYouMean } from '../../agents/suggest.js';
import { error } from '../findings.js';
import type { Check } from '../types.js';

export const templateExists: Check = {
  code: 'TCRM3102',
  appliesTo: ['primitive'],
  run(obj, ctx) {
    if (ctx.view(obj).merged) return { findings: [] };
    const name = obj.el.getAttribute('template') ?? '';
    const templates = [...ctx.objects.values()].filter((o) => o.type === 'rsc_template').map((o) => o.id);
    return { findings: [error(`${name}: no such resource template`, 'error', didYouMean(name, templates))], stop: true };
  },
};
