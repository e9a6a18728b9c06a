/**
 * The bundled agent data (data/agents) against the installed packages' live metadata, for a
 * sample of agents. Needs Pacemaker's crm_resource and the resource-agents, fence-agents and
 * cluster-glue packages (.ci/run installs them); fails loudly when they are missing.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createBundledCatalog } from '../../src/agents/bundled-catalog.js';
import { loadCommandCatalog, type Exec } from '../../src/agents/command-catalog.js';
import { readAgentMetadata } from '../../src/agents/parse-metadata.js';
import type { AgentFacts } from '../../src/agents/types.js';

const SAMPLE = [
  'ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2', 'ocf:heartbeat:apache', 'ocf:heartbeat:Dummy',
  'ocf:pacemaker:Dummy', 'ocf:heartbeat:Filesystem', 'ocf:pacemaker:Stateful', 'ocf:pacemaker:ping',
  'ocf:linbit:drbd', 'stonith:fence_dummy', 'stonith:external/ssh',
];

const exec: Exec = async (argv) => {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8' });
  return { code: r.error ? 127 : (r.status ?? 1), stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

/** Facts without prose, for comparing with the bundled data. */
function facts(f: AgentFacts | null): AgentFacts | null {
  if (!f) return null;
  return {
    params: f.params.map(({ shortdesc: _s, longdesc: _l, ...rest }) => rest),
    actions: f.actions,
  };
}

describe('bundled agent data matches the installed packages', () => {
  const bundled = createBundledCatalog();

  it('crm_resource is installed', () => {
    const r = spawnSync('crm_resource', ['--list-standards'], { encoding: 'utf8' });
    expect(r.error, 'crm_resource not found: install pacemaker-cli-utils (see .ci/run)').toBeUndefined();
    expect(r.status).toBe(0);
  });

  it.each(SAMPLE)('%s', (spec) => {
    const r = spawnSync('crm_resource', ['--show-metadata', spec], { encoding: 'utf8' });
    expect(r.status, `crm_resource --show-metadata ${spec} failed: ${r.stderr}`).toBe(0);
    expect(bundled.metadata(spec)).toEqual(readAgentMetadata(r.stdout));
  });

  it('the live (command) source agrees with the bundled one', async () => {
    const live = await loadCommandCatalog(exec, { source: 'local', prefetch: SAMPLE });
    expect(live, 'crm_resource not found').not.toBeNull();
    for (const spec of SAMPLE) expect(facts(live!.metadata(spec)), spec).toEqual(bundled.metadata(spec));
    for (const provider of ['heartbeat', 'pacemaker', 'linbit']) {
      expect(live!.list('ocf', provider), provider).toEqual(bundled.list('ocf', provider));
    }
    expect(live!.fencerParams().map((p) => p.name)).toEqual(bundled.fencerParams().map((p) => p.name));
    expect(live!.providers('Dummy')).toEqual(bundled.providers('Dummy'));
  });
});
