import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/grammar/levels.js';
import { helpTextOf, renderHelp } from '../../src/help/render.js';
import { runTcrm, scratchDir } from '../helpers/run-tcrm.js';

describe('help texts', () => {
  it('every supported command of every supported level has our paragraph and example', () => {
    const undocumented: string[] = [];
    for (const [name, level] of Object.entries(LEVELS)) {
      if (!level.supported) continue;
      for (const c of level.commands) {
        if (c.hidden || !c.supported || c.kind === 'level') continue;
        const h = helpTextOf(name, c.name);
        if (!h || h.text.length < 20 || h.example.trim() === '') undocumented.push(`${name}.${c.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('help COMMAND gives the summary, usage, a paragraph and an example', () => {
    const r = renderHelp('configure', 'primitive', undefined, 'footer');
    expect(r.ok).toBe(true);
    const text = r.ok ? r.text : '';
    expect(text.split('\n').slice(0, 4)).toEqual(['primitive: define a resource', '', 'Usage:', expect.stringMatching(/^ {4}primitive /)]);
    expect(text).toContain('Example:\n    primitive vip ocf:heartbeat:IPaddr2');
  });

  it('help LEVEL COMMAND works from anywhere, and help LEVEL lists that level', () => {
    const r = renderHelp('', 'configure', 'commit', 'footer');
    expect(r.ok && r.text.startsWith('commit: commit the changes to the CIB')).toBe(true);
    const l = renderHelp('', 'resource', undefined, 'footer');
    expect(l.ok && l.text.includes('    move              move a resource to another node')).toBe(true);
  });

  it('help with no topic lists the current level and ends with the footer', () => {
    const r = renderHelp('cib', undefined, undefined, 'FOOT');
    expect(r.ok && r.text.startsWith('cib: shadow CIB management')).toBe(true);
    expect(r.ok && r.text.endsWith('FOOT')).toBe(true);
  });

  it('an alias finds its command and an unknown topic gets crmsh\'s error line', async () => {
    expect(renderHelp('', 'bye', undefined, '').ok).toBe(true);
    const dir = scratchDir();
    const r = await runTcrm(['help', 'nosuch'], { dir, env: { TCRM_NO_LOCAL_CLUSTER: '1' } });
    expect(r.stderr).toContain("ERROR: help: No help found for 'nosuch'! 'overview' lists all help entries");
    expect(r.code).toBe(1);
    const ok = await runTcrm(['help', 'configure', 'edit'], { dir, env: { TCRM_NO_LOCAL_CLUSTER: '1' } });
    expect(ok.stdout).toContain('Usage:\n    edit [xml] [<id>...]');
    expect(ok.code).toBe(0);
  });
});
