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

/**
 * Defaults an agent computes from the machine it runs on: the apache agent offers
 * /etc/apache2/apache2.conf once apache2 is installed (the failover lab installs it) and
 * /etc/httpd/conf/httpd.conf otherwise. They are left out of the comparison.
 */
const MACHINE_DEFAULTS: Record<string, string[]> = { 'ocf:heartbeat:apache': ['configfile', 'httpd', 'envfiles'] };

/** Facts without prose and machine-made defaults, for comparing with the bundled data. */
function facts(f: AgentFacts | null, spec: string, keepProse = false): AgentFacts | null {
  if (!f) return null;
  const machine = new Set(MACHINE_DEFAULTS[spec] ?? []);
  return {
    ...(keepProse ? f : {}),
    params: f.params.map((p) => {
      const { shortdesc: _s, longdesc: _l, ...rest } = p;
      const kept = keepProse ? { ...p } : rest;
      if (machine.has(p.name)) delete (kept as { default?: string }).default;
      return kept;
    }),
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
    expect(facts(bundled.metadata(spec), spec, true)).toEqual(facts(readAgentMetadata(r.stdout), spec, true));
  });

  it('the live (command) source agrees with the bundled one', async () => {
    const live = await loadCommandCatalog(exec, { source: 'local', prefetch: SAMPLE });
    expect(live, 'crm_resource not found').not.toBeNull();
    for (const spec of SAMPLE) expect(facts(live!.metadata(spec), spec), spec).toEqual(facts(bundled.metadata(spec), spec));
    for (const provider of ['heartbeat', 'pacemaker', 'linbit']) {
      expect(live!.list('ocf', provider), provider).toEqual(bundled.list('ocf', provider));
    }
    expect(live!.fencerParams().map((p) => p.name)).toEqual(bundled.fencerParams().map((p) => p.name));
    expect(live!.providers('Dummy')).toEqual(bundled.providers('Dummy'));
  });
});
