/** The local transport stops a program when the user interrupts (Ctrl-C at the REPL). */
import { describe, expect, it } from 'vitest';
import { LocalTransport } from '../../src/transport/local.js';
import { INTERRUPTED_CODE } from '../../src/transport/types.js';

describe('LocalTransport and an interruption', () => {
  it('kills the running program and resolves with 130 and what it printed so far', async () => {
    const t = new LocalTransport(process.env);
    const controller = new AbortController();
    const started = Date.now();
    const running = t.exec(['sh', '-c', 'echo started; exec sleep 30'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const r = await running;
    expect(r.code).toBe(INTERRUPTED_CODE);
    expect(r.stdout).toBe('started\n');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('runs nothing for an already interrupted line, and runs normally without a signal', async () => {
    const t = new LocalTransport(process.env);
    const controller = new AbortController();
    controller.abort();
    expect((await t.exec(['sh', '-c', 'sleep 30'], { signal: controller.signal })).code).toBe(INTERRUPTED_CODE);
    expect(await t.exec(['sh', '-c', 'echo ok'])).toMatchObject({ code: 0, stdout: 'ok\n' });
  });
});
