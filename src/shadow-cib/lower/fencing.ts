/** `fencing_topology` → `<fencing-topology>` with one `<fencing-level>` per target and level. */
import type { FencingTopologyStmt } from '../../grammar/ast.js';
import { ensureSection, nodeUnames } from '../cib-query.js';
import { firstChild } from '../xml.js';
import { configurationOf } from '../xml.js';
import { crmError, element, failed, ok, type Lowered } from './common.js';
import type { Env } from './env.js';
import { assignIds } from '../ids.js';

export function lowerFencing(env: Env, stmt: FencingTopologyStmt): Lowered {
  if (firstChild(configurationOf(env.doc), 'fencing-topology')) {
    return failed([
      crmError(`Cannot create fencing_topology with ID 'fencing_topology': Found existing fencing_topology with same ID.`, stmt.at),
    ]);
  }
  const topo = element(env.doc, 'fencing-topology');
  for (const t of stmt.targets) {
    const targets = t.target ? [t.target] : nodeUnames(env.doc).map((value) => ({ kind: 'node' as const, value }));
    for (const target of targets) {
      t.levels.forEach((level, i) => {
        const index = String(i + 1);
        let attrs: Array<[string, string | undefined]>;
        if (target.kind === 'node') attrs = [['target', target.value], ['index', index], ['devices', level.devices]];
        else if (target.kind === 'pattern') attrs = [['index', index], ['devices', level.devices], ['target-pattern', target.value]];
        else {
          const eq = target.value.indexOf('=');
          attrs = [
            ['index', index],
            ['devices', level.devices],
            ['target-attribute', target.value.slice(0, eq)],
            ['target-value', target.value.slice(eq + 1)],
          ];
        }
        topo.appendChild(element(env.doc, 'fencing-level', attrs));
      });
    }
  }
  assignIds(topo, env.ctx.ids);
  ensureSection(env.doc, 'configuration').appendChild(topo);
  env.ctx.changed.add('fencing_topology');
  return ok(env.diags);
}
