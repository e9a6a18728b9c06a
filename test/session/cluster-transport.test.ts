/** One transport per session, however many callers ask for it at once (a leaked SSH client keeps tcrm alive after quit). */
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';
import type { Transport } from '../../src/transport/types.js';

function sessionOpening(open: () => Promise<Transport>): Session {
  return new Session({
    env: { TCRM_NO_LOCAL_CLUSTER: '1', HOME: '/nonexistent' },
    cwd: '/',
    out: streamOutput(() => {}, () => {}),
    interactive: false,
    force: false,
    answerNo: false,
    openTransport: open,
  });
}

function fakeTransport(closed: string[], name: string): Transport {
  return { where: name, exec: async () => ({ code: 0, stdout: '', stderr: '' }), close: async () => void closed.push(name) };
}

describe('Session.cluster()', () => {
  it('callers racing at start share one connection, and finish closes it', async () => {
    let opened = 0;
    const closed: string[] = [];
    const session = sessionOpening(async () => {
      opened++;
      await new Promise((r) => setTimeout(r, 20));
      return fakeTransport(closed, `t${opened}`);
    });
    const [a, b] = await Promise.all([session.cluster(), session.cluster()]);
    expect(opened).toBe(1);
    expect(a).toBe(b);
    await session.finish();
    expect(closed).toEqual(['t1']);
  });

  it('a failed open is forgotten: the next call tries again', async () => {
    let attempts = 0;
    const closed: string[] = [];
    const session = sessionOpening(async () => {
      attempts++;
      if (attempts === 1) throw new Error('unreachable');
      return fakeTransport(closed, 'ok');
    });
    await expect(session.cluster()).rejects.toThrow('unreachable');
    expect((await session.cluster()).where).toBe('ok');
    expect(attempts).toBe(2);
  });
});
