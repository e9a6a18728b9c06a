import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseCatalog } from '../../src/agents/choose-catalog.js';
import type { Exec } from '../../src/agents/command-catalog.js';
import { createDirCatalog } from '../../src/agents/dir-catalog.js';

const meta = (param: string) =>
  `<?xml version="1.0"?><resource-agent name="x"><shortdesc>custom</shortdesc><parameters><parameter name="${param}" required="1"><content type="string"/></parameter></parameters><actions><action name="start" timeout="30s"/><action name="monitor" timeout="10s" interval="5s"/></actions></resource-agent>`;

function agentsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-agents-'));
  mkdirSync(join(dir, 'ocf', 'acme'), { recursive: true });
  mkdirSync(join(dir, 'stonith'));
  writeFileSync(join(dir, 'ocf', 'acme', 'Widget.xml'), meta('size'));
  writeFileSync(join(dir, 'stonith', 'fence_acme.xml'), meta('host'));
  writeFileSync(join(dir, 'ocf', 'acme', 'notes.xml'), '<notes/>');
  return dir;
}

describe('agents directory', () => {
  it('reads ocf/<provider>/<type>.xml and <class>/<type>.xml', () => {
    const cat = createDirCatalog(agentsDir());
    expect(cat.metadata('ocf:acme:Widget')).toMatchObject({ shortdesc: 'custom', params: [{ name: 'size', required: true }] });
    expect(cat.has('Widget')).toBe(true); // a bare type: the only provider that has it
    expect(cat.providers('Widget')).toEqual(['acme']);
    expect(cat.has('stonith:fence_acme')).toBe(true);
    expect(cat.list('ocf')).toEqual(['Widget']);
    expect(cat.has('ocf:acme:notes')).toBe(false);
  });
});

describe('choosing the source', () => {
  const exec: Exec = async (argv) => {
    const a = argv.slice(1).join(' ');
    if (a === '--list-standards') return { code: 0, stdout: 'ocf\nstonith\n', stderr: '' };
    if (a === '--list-ocf-providers') return { code: 0, stdout: 'heartbeat\n', stderr: '' };
    if (a === '--list-agents ocf:heartbeat') return { code: 0, stdout: 'Dummy\n', stderr: '' };
    if (a === '--show-metadata ocf:heartbeat:Dummy') return { code: 0, stdout: meta('live_only'), stderr: '' };
    return { code: 1, stdout: '', stderr: '' };
  };

  it('bundled without an exec, local with one, bundled when forced by the environment', async () => {
    expect((await chooseCatalog({ env: {} })).source).toBe('bundled');
    const local = await chooseCatalog({ exec, env: {}, prefetch: ['ocf:heartbeat:Dummy', 'ocf:heartbeat:IPaddr2'] });
    expect(local.source).toBe('local');
    expect(local.catalog.metadata('ocf:heartbeat:Dummy')!.params[0]!.name).toBe('live_only');
    expect(local.catalog.has('ocf:heartbeat:IPaddr2')).toBe(false); // the truth does not have it
    const forced = await chooseCatalog({ exec, env: { TCRM_AGENT_SOURCE: 'bundled' } });
    expect(forced.source).toBe('bundled');
    expect(forced.catalog.has('ocf:heartbeat:IPaddr2')).toBe(true);
  });

  it('falls back to the bundled data when crm_resource is missing', async () => {
    const missing: Exec = async () => ({ code: 127, stdout: '', stderr: '' });
    expect((await chooseCatalog({ exec: missing, env: {} })).source).toBe('bundled');
  });

  it('lays custom agents over the truth', async () => {
    const { catalog } = await chooseCatalog({ env: {}, agentsDir: agentsDir() });
    expect(catalog.has('ocf:acme:Widget')).toBe(true);
    expect(catalog.has('ocf:heartbeat:IPaddr2')).toBe(true);
    expect(catalog.ocfProviders()).toEqual(['acme', 'heartbeat', 'linbit', 'pacemaker']);
  });
});
