/** `load update -` reads standard input when the commands come from a file or from argv. */
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';

describe('load … - (standard input)', () => {
  it('a script given with -f loads the configuration piped on stdin', async () => {
    const dir = scratchDir();
    const script = writeScript(dir, 'load.crm', 'configure\nload update -\nshow vip\n');
    const r = await runTcrm(['-f', script], { dir, stdin: 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.9\nproperty stonith-enabled=false\n' });
    expect(r.stderr).not.toMatch(/ERROR/);
    expect(r.stdout).toContain('primitive vip IPaddr2');
    expect(r.code).toBe(0);
  });

  it('a one-shot command reads it too', async () => {
    const dir = scratchDir();
    const r = await runTcrm(['configure', 'load', 'update', '-'], { dir, stdin: 'primitive d ocf:heartbeat:Dummy\nproperty stonith-enabled=false\n' });
    expect(r.code).toBe(0);
    const shown = await runTcrm(['configure', 'show', 'd'], { dir });
    expect(shown.stdout).toContain('primitive d Dummy');
  });

  it('when the commands themselves come from stdin, it says so instead of reading them twice', async () => {
    const dir = scratchDir();
    const r = await runTcrm([], { dir, stdin: 'configure\nload update -\n' });
    expect(r.stderr).toContain('standard input (-) is not available here');
    expect(r.code).toBe(1);
  });
});
