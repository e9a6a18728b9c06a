/**
 * `ra info` against crmsh 4.4.1: fixtures/ra-info holds `crm_resource --show-metadata` of a few
 * agents (and pacemaker-fenced's metadata) with `crm ra info` printed for them; the renderer
 * must give the same text. IPaddr2's `ip` is required (`ip*`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRaInfoFacts, renderRaInfoXml } from '../../src/ops/ra-info.js';
import { bundledCatalog } from '../../src/agents/index.js';
import { multicolumn } from '../../src/ops/multicolumn.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const DIR = join(REPO_ROOT, 'fixtures', 'ra-info');
const read = (f: string): string => readFileSync(join(DIR, f), 'utf8');

describe('ra info: rendered like crmsh', () => {
  for (const agent of ['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:Dummy', 'stonith:fence_dummy']) {
    it(agent, () => {
      const parts = agent.split(':');
      const [cls, provider, type] = (parts.length === 3 ? parts : [parts[0], '', parts[1]]) as [string, string, string];
      const base = agent.replace(/:/g, '_');
      const fencer = cls === 'stonith' ? read('pacemaker-fenced.xml') : undefined;
      expect(renderRaInfoXml(read(`${base}.xml`), cls, provider, type, fencer) + '\n').toBe(read(`${base}.crm.txt`));
    });
  }

  it('marks IPaddr2 ip as required', () => {
    const text = renderRaInfoXml(read('ocf_heartbeat_IPaddr2.xml'), 'ocf', 'heartbeat', 'IPaddr2')!;
    expect(text).toMatch(/^ip\* \(string\): /m);
  });

  it('no metadata is no text (crmsh: got no meta-data)', () => {
    expect(renderRaInfoXml('', 'ocf', 'heartbeat', 'Nope')).toBeNull();
  });

  it('offline, from bundled facts: same layout, required marks, advised timeouts', () => {
    const facts = bundledCatalog().metadata('ocf:heartbeat:IPaddr2');
    expect(facts).not.toBeNull();
    const text = renderRaInfoFacts(facts!, 'ocf', 'heartbeat', 'IPaddr2');
    expect(text.split('\n')[0]).toBe('ocf:heartbeat:IPaddr2');
    expect(text).toMatch(/^ip\* \(string\): $/m);
    expect(text).toMatch(/^ {4}start {9}timeout=20s$/m);
  });

  it('lists agents in crmsh multicolumn layout', () => {
    const lines = multicolumn(['ClusterMon', 'Dummy', 'HealthCPU', 'HealthIOWait', 'HealthSMART', 'Stateful', 'o2cb', 'ping', 'remote']);
    expect(lines[0]).toBe('ClusterMon      Dummy           HealthCPU       HealthIOWait    HealthSMART');
    expect(lines[1]).toBe('Stateful        o2cb            ping            remote          ');
  });
});
