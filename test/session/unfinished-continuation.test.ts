/** A script whose last statement's `\` continuation runs into the end of the file (crm's rule). */
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';

describe('a continuation cut off by the end of the input', () => {
  it('is not run, as crm does not run it, and tcrm says so on stderr with its line', async () => {
    const dir = scratchDir();
    const script = writeScript(dir, 'cut.crm', 'configure\nproperty stonith-enabled=false\nprimitive a Dummy\nprimitive b Dummy \\\n\tparams fake=1 \\\n');
    const r = await runTcrm(['-f', script, '-o', 'core.check_frequency=never'], { dir });
    expect(r.stderr).toMatch(/cut\.crm:4: the input ends inside this statement/);
    const shown = await runTcrm(['configure', 'show'], { dir });
    expect(shown.stdout).toContain('primitive a Dummy');
    expect(shown.stdout).not.toContain('primitive b');
  });

  it('a complete script says nothing of the kind', async () => {
    const dir = scratchDir();
    const script = writeScript(dir, 'whole.crm', 'configure\nprimitive a Dummy \\\n\tmeta target-role=Stopped\n');
    const r = await runTcrm(['-f', script], { dir });
    expect(r.stderr).not.toMatch(/the input ends inside/);
  });
});
