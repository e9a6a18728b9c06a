/** A primitive's template must exist; without it crmsh checks nothing more of the primitive. */
import { error } from '../findings.js';
import { perRun, rememberedDidYouMean } from '../per-run.js';
import type { Check, CheckContext } from '../types.js';

const templateIds = perRun((ctx: CheckContext): string[] =>
  [...ctx.objects.values()].filter((o) => o.type === 'rsc_template').map((o) => o.id),
);

export const templateExists: Check = {
  code: 'TCRM3102',
  appliesTo: ['primitive'],
  run(obj, ctx) {
    if (ctx.view(obj).merged) return { findings: [] };
    const name = obj.el.getAttribute('template') ?? '';
    return { findings: [error(`${name}: no such resource template`, 'error', rememberedDidYouMean(name, templateIds(ctx)))], stop: true };
  },
};
