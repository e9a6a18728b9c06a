/** fencing_topology: each level's target must be a node, each device an existing stonith
 *  primitive (or one made from a stonith template). */
import { childElements } from '../../shadow-cib/xml.js';
import { didYouMean } from '../../agents/suggest.js';
import { warning } from '../findings.js';
import type { Check, Finding } from '../types.js';

export const fencingTopology: Check = {
  code: 'TCRM3140',
  appliesTo: ['fencing_topology'],
  run(obj, ctx) {
    const levels = childElements(obj.el).filter((l) => l.tagName === 'fencing-level');
    const findings: Finding[] = [];
    const stonithIds = () =>
      [...ctx.objects.values()].filter((o) => o.type === 'primitive' && ctx.view(o).merged?.getAttribute('class') === 'stonith').map((o) => o.id);
    for (const level of levels) {
      const target = level.getAttribute('target');
      if (target !== null && !ctx.nodeNames.has(target.toLowerCase())) {
        const nodes = [...ctx.objects.values()].filter((o) => o.type === 'node').map((o) => o.el.getAttribute('uname') ?? '');
        findings.push(warning(`${obj.id}: target ${target} not a node`, didYouMean(target, nodes)));
      }
    }
    for (const level of levels) {
      for (const dev of (level.getAttribute('devices') ?? '').split(',')) {
        const target = ctx.objects.get(dev);
        if (!target) findings.push(warning(`${obj.id}: resource ${dev} does not exist`, didYouMean(dev, stonithIds())));
        else if (target.type !== 'primitive' || ctx.view(target).merged?.getAttribute('class') !== 'stonith') {
          findings.push(warning(`${obj.id}: ${dev} not a stonith resource`));
        }
      }
    }
    return { findings };
  },
};
