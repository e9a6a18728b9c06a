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
  // crmsh numbers levels with one counter per key for the whole statement: the node name, the
  // pattern, or for `attr:n=v` the attribute name alone (so rack=1 and rack=2 share a count).
  const nextIndex = new Map<string, number>();
  const indexFor = (key: string): string => {
    const n = nextIndex.get(key) ?? 1;
    nextIndex.set(key, n + 1);
    return String(n);
  };
  for (const { target, devices } of levelsInOrder(env, stmt)) {
    let attrs: Array<[string, string | undefined]>;
    if (target.kind === 'node') attrs = [['target', target.value], ['index', indexFor(target.value)], ['devices', devices]];
    else if (target.kind === 'pattern') attrs = [['index', indexFor(target.value)], ['devices', devices], ['target-pattern', target.value]];
    else {
      const eq = target.value.indexOf('=');
      const name = target.value.slice(0, eq);
      attrs = [
        ['index', indexFor(name)],
        ['devices', devices],
        ['target-attribute', name],
        ['target-value', target.value.slice(eq + 1)],
      ];
    }
    topo.appendChild(element(env.doc, 'fencing-level', attrs));
  }
  assignIds(topo, env.ctx.ids);
  ensureSection(env.doc, 'configuration').appendChild(topo);
  env.ctx.changed.add('fencing_topology');
  return ok(env.diags);
}

interface Level {
  target: { kind: 'node' | 'attr' | 'pattern'; value: string };
  devices: string;
}

/**
 * Each level with its target. Without a target at the start, crmsh gives every node all the
 * levels written, in order (it then ignores any target written later).
 */
function levelsInOrder(env: Env, stmt: FencingTopologyStmt): Level[] {
  const written = stmt.targets.flatMap((t) => t.levels.map((l) => ({ target: t.target, devices: l.devices })));
  if (stmt.targets.length === 0 || stmt.targets[0]!.target) {
    return written.map((l) => ({ target: l.target!, devices: l.devices }));
  }
  return nodeUnames(env.doc).flatMap((value) =>
    written.map((l) => ({ target: { kind: 'node' as const, value }, devices: l.devices })),
  );
}
