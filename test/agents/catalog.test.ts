import { describe, expect, it } from 'vitest';
import { AgentCache } from '../../src/agents/agent-cache.js';
import { createBundledCatalog } from '../../src/agents/bundled-catalog.js';
import { loadCommandCatalog, type Exec } from '../../src/agents/command-catalog.js';
import { agentLabel, pickProvider, resolveAgentSpec, splitAgentSpec } from '../../src/agents/spec.js';
import { didYouMean, editDistance, suggestNames } from '../../src/agents/suggest.js';
import { suggestAgents } from '../../src/agents/suggest-agent.js';

const bundled = createBundledCatalog();

describe('bundled catalog', () => {
  it('knows the lab agents and their facts', () => {
    const ip = bundled.metadata('ocf:heartbeat:IPaddr2')!;
    expect(ip.params.find((p) => p.name === 'ip')).toMatchObject({ required: true, unique: true, type: 'string' });
    expect(ip.params.find((p) => p.name === 'cidr_netmask')).toBeDefined();
    expect(ip.longdesc).toBeUndefined();
    const apache = bundled.metadata('ocf:heartbeat:apache')!;
    expect(apache.actions.find((a) => a.name === 'stop')?.timeout).toBe('60s');
    expect(apache.actions.find((a) => a.name === 'start')?.timeout).toBe('40s');
  });

  it('resolves a bare type as crmsh does (heartbeat first, then pacemaker)', () => {
    expect(bundled.providers('Dummy')).toEqual(['heartbeat', 'pacemaker']);
    expect(resolveAgentSpec('Dummy', bundled.providers)).toEqual({ cls: 'ocf', provider: 'heartbeat', type: 'Dummy' });
    expect(resolveAgentSpec('ping', bundled.providers)).toEqual({ cls: 'ocf', provider: 'pacemaker', type: 'ping' });
    expect(resolveAgentSpec('drbd', bundled.providers)).toEqual({ cls: 'ocf', provider: 'linbit', type: 'drbd' });
    expect(bundled.has('Stateful')).toBe(true);
    expect(bundled.metadata('ocf:Stateful')).toBe(bundled.metadata('ocf:heartbeat:Stateful'));
  });

  it('lists classes, providers and agents', () => {
    expect(bundled.classes()).toEqual(expect.arrayContaining(['ocf', 'lsb', 'service', 'stonith']));
    expect(bundled.ocfProviders()).toEqual(['heartbeat', 'linbit', 'pacemaker']);
    expect(bundled.list('ocf', 'linbit')).toEqual(['drbd', 'drbd-attr']);
    expect(bundled.list('ocf')).toEqual(expect.arrayContaining(['IPaddr2', 'Dummy', 'ping', 'drbd']));
    expect(bundled.list('stonith')).toEqual(expect.arrayContaining(['external/ssh', 'fence_dummy']));
    expect(bundled.list('nosuch')).toEqual([]);
  });

  it('has stonith agents and the fencer parameters', () => {
    expect(bundled.metadata('stonith:external/ssh')!.params[0]).toMatchObject({ name: 'hostlist', required: true });
    expect(bundled.has('stonith:fence_dummy')).toBe(true);
    expect(bundled.fencerParams().map((p) => p.name)).toContain('pcmk_host_list');
  });

  it('synthesises lsb/service metadata for the packaged init scripts', () => {
    const drbd = bundled.metadata('lsb:drbd')!;
    expect(drbd.params).toEqual([]);
    expect(drbd.actions.find((a) => a.name === 'monitor')).toEqual({ name: 'monitor', timeout: '15', interval: '15' });
    expect(bundled.has('service:drbd')).toBe(true);
    expect(bundled.has('lsb:nosuch')).toBe(false);
  });

  it('says absent for unknown agents, providers and classes', () => {
    expect(bundled.has('ocf:heartbeat:IPadr2')).toBe(false);
    expect(bundled.has('ocf:hearbeat:IPaddr2')).toBe(false);
    expect(bundled.has('foo:bar')).toBe(false);
    expect(bundled.metadata('a:b:c:d')).toBeNull();
  });
});

describe('agent specs', () => {
  it('splits and labels', () => {
    expect(splitAgentSpec('stonith:external/ssh')).toEqual({ cls: 'stonith', provider: '', type: 'external/ssh' });
    expect(splitAgentSpec('a:b:c:d')).toBeNull();
    expect(agentLabel({ cls: 'ocf', provider: 'heartbeat', type: 'Foo' })).toBe('ocf:heartbeat:Foo');
    expect(agentLabel({ cls: 'lsb', provider: '', type: 'x' })).toBe('lsb:x');
    expect(pickProvider([])).toBe('heartbeat');
    expect(pickProvider(['linbit', 'pacemaker'])).toBe('pacemaker');
    expect(pickProvider(['linbit'])).toBe('linbit');
  });
});

describe('did you mean', () => {
  it('measures edit distance with swaps', () => {
    expect(editDistance('IPadr2', 'IPaddr2')).toBe(1);
    expect(editDistance('hearbeat', 'heartbeat')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
  it('suggests close names, case-insensitively', () => {
    expect(suggestNames('serviceweb', ['serviceWeb', 'failoverip'])).toEqual(['serviceWeb']);
    expect(didYouMean('cidr', ['cidr_netmask', 'ip', 'nic'])).toBe("did you mean 'cidr_netmask'?");
    expect(didYouMean('stonith-enable', ['stonith-enabled', 'stonith-action'])).toBe("did you mean 'stonith-enabled'?");
    expect(didYouMean('zzzz', ['ip'])).toBeUndefined();
  });
  it('suggests agents', () => {
    expect(suggestAgents({ cls: 'ocf', provider: 'heartbeat', type: 'IPadr2' }, bundled)).toEqual(['ocf:heartbeat:IPaddr2']);
    expect(suggestAgents({ cls: 'ocf', provider: 'hearbeat', type: 'IPaddr2' }, bundled)).toEqual(['ocf:heartbeat:IPaddr2']);
    expect(suggestAgents({ cls: 'ocf', provider: 'heartbeat', type: 'IPAddr' }, bundled)).toContain('ocf:heartbeat:IPaddr');
    expect(suggestAgents({ cls: 'ocf', provider: 'heartbeat', type: 'ping' }, bundled)).toEqual(['ocf:pacemaker:ping']);
    expect(suggestAgents({ cls: 'stonith', provider: '', type: 'fence_dumy' }, bundled)).toEqual(['stonith:fence_dummy']);
  });
});

describe('command catalog (crm_resource through an injected exec)', () => {
  const ipaddrXml = `<?xml version="1.0"?><resource-agent name="IPaddr2"><longdesc>Long</longdesc><shortdesc>Short</shortdesc>
<parameters><parameter name="ip" required="1" unique="1"><shortdesc>IPv4</shortdesc><content type="string"/></parameter></parameters>
<actions><action name="start" timeout="20s"/></actions></resource-agent>`;
  const calls: string[] = [];
  const exec: Exec = async (argv) => {
    calls.push(argv.join(' '));
    const out = (stdout: string) => ({ code: 0, stdout, stderr: '' });
    switch (argv.slice(1).join(' ')) {
      case '--list-standards': return out('ocf\nlsb\nservice\nstonith\n');
      case '--list-ocf-providers': return out('heartbeat\npacemaker\n');
      case '--list-agents ocf:heartbeat': return out('Dummy\nIPaddr2\n');
      case '--list-agents ocf:pacemaker': return out('Dummy\nping\n');
      case '--list-agents lsb': case '--list-agents service': return out('ssh\n');
      case '--list-agents stonith': return out('fence_dummy\n');
      case '--show-metadata ocf:heartbeat:IPaddr2': return out(ipaddrXml);
      case 'metadata': return out('<resource-agent name="pacemaker-fenced"><parameters><parameter name="pcmk_host_list"><content type="string"/></parameter></parameters></resource-agent>');
      default: return { code: 6, stdout: '', stderr: 'No such object' };
    }
  };

  it('reads lists, prefetches metadata with prose, caches per source', async () => {
    const cache = new AgentCache();
    const cat = (await loadCommandCatalog(exec, { source: 'local', cache, prefetch: ['IPaddr2', 'ocf:heartbeat:Nope'] }))!;
    expect(cat.classes()).toEqual(['ocf', 'lsb', 'service', 'stonith']);
    expect(cat.providers('Dummy')).toEqual(['heartbeat', 'pacemaker']);
    expect(cat.list('ocf')).toEqual(['Dummy', 'IPaddr2', 'ping']);
    expect(cat.metadata('ocf:heartbeat:IPaddr2')).toMatchObject({ shortdesc: 'Short', params: [{ name: 'ip', shortdesc: 'IPv4' }] });
    expect(cat.has('ocf:heartbeat:Nope')).toBe(false);
    expect(cat.fencerParams().map((p) => p.name)).toEqual(['pcmk_host_list']);
    expect(cache.get('local', 'ocf:heartbeat:IPaddr2')).not.toBeUndefined();
    const before = calls.length;
    await cat.prefetch(['ocf:heartbeat:IPaddr2']);
    expect(calls.length).toBe(before);
  });

  it('answers from the fallback for agents not prefetched', async () => {
    const cat = (await loadCommandCatalog(exec, { source: 'n1', fallback: bundled }))!;
    expect(cat.metadata('ocf:heartbeat:apache')).toBe(bundled.metadata('ocf:heartbeat:apache'));
  });

  it('is null when crm_resource is missing', async () => {
    const none: Exec = async () => ({ code: 127, stdout: '', stderr: 'not found' });
    expect(await loadCommandCatalog(none, { source: 'local' })).toBeNull();
  });
});
