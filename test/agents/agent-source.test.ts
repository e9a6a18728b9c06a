/**
 * Which agent source a session uses, hermetically: the bundled data when the local tools are
 * switched off (TCRM_AGENT_SOURCE=bundled) or absent (no PATH), custom agents laid on top, one
 * catalog per session. The live (SSH) and local sources run real tools: test/system/agents-live.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCatalogFor, agentSourceFor, forgetAgentCatalog } from '../../src/session/agent-source.js';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';

function session(env: Record<string, string | undefined>): Session {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-agent-source-'));
  return new Session({
    env: { HOME: dir, XDG_STATE_HOME: dir, TCRM_NO_LOCAL_CLUSTER: '1', ...env },
    cwd: dir,
    out: streamOutput(() => {}, () => {}),
    interactive: false,
    force: false,
    answerNo: false,
  });
}

function customAgents(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-agents-dir-'));
  mkdirSync(join(dir, 'ocf', 'acme'), { recursive: true });
  writeFileSync(
    join(dir, 'ocf', 'acme', 'Widget.xml'),
    '<resource-agent name="Widget"><parameters><parameter name="size" required="1"><content type="integer"/></parameter></parameters>' +
      '<actions><action name="start" timeout="10s"/><action name="stop" timeout="10s"/></actions></resource-agent>',
  );
  return dir;
}

describe('agentSourceFor', () => {
  it('TCRM_AGENT_SOURCE=bundled: the bundled data even with Pacemaker on PATH', async () => {
    const s = session({ PATH: process.env.PATH, TCRM_AGENT_SOURCE: 'bundled' });
    const agents = await agentSourceFor(s);
    expect(agents.source).toBe('bundled');
    expect(agents.catalog.has('ocf:heartbeat:IPaddr2')).toBe(true);
    expect(agents.catalog.metadata('ocf:heartbeat:IPaddr2')?.params.some((p) => p.name === 'cidr_netmask')).toBe(true);
  });

  it('no PATH: no local tools to ask, so bundled', async () => {
    expect((await agentSourceFor(session({}))).source).toBe('bundled');
  });

  it('one catalog per session, chosen once; forgetting it chooses again', async () => {
    const s = session({ TCRM_AGENT_SOURCE: 'bundled' });
    const a = await agentSourceFor(s);
    expect(await agentSourceFor(s)).toBe(a);
    forgetAgentCatalog(s);
    expect(await agentSourceFor(s)).not.toBe(a);
    expect(await agentSourceFor(session({ TCRM_AGENT_SOURCE: 'bundled' }))).not.toBe(a);
  });

  it('TCRM_AGENTS_DIR lays custom agents over the truth', async () => {
    const catalog = await agentCatalogFor(session({ TCRM_AGENT_SOURCE: 'bundled', TCRM_AGENTS_DIR: customAgents() }), ['ocf:acme:Widget']);
    expect(catalog.metadata('ocf:acme:Widget')?.params.map((p) => p.name)).toEqual(['size']);
    expect(catalog.ocfProviders()).toContain('acme');
    expect(catalog.has('ocf:heartbeat:apache')).toBe(true);
    expect(catalog.has('ocf:acme:Gadget')).toBe(false);
  });
});
