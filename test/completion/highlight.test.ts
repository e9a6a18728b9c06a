/** highlight(): styles per word and the first error with its range and hint. */
import { describe, expect, test } from 'vitest';
import { highlight } from '../../src/completion/highlight.js';
import type { HighlightResult } from '../../src/completion/types.js';

/** `word:style` for every span, for compact expectations. */
function styled(line: string, r: HighlightResult): string[] {
  return r.spans.map((s) => `${line.slice(s.from, s.to)}:${s.style}`);
}

const C = ['configure'];

describe('spans', () => {
  test('a primitive: keyword, id, agent, keywords, key and value, op action', () => {
    const line = 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.1 cidr_netmask="24" op monitor interval=10s';
    const r = highlight(C, line);
    expect(styled(line, r)).toEqual([
      'primitive:keyword', 'vip:id', 'ocf:heartbeat:IPaddr2:agent', 'params:keyword', 'ip=:plain', '10.0.0.1:value',
      'cidr_netmask=:plain', '"24":string', 'op:keyword', 'monitor:keyword', 'interval=:plain', '10s:value',
    ]);
    expect(r.error).toBeUndefined();
  });

  test('constraints: scores and resource references', () => {
    const line = 'location l1 failoverip inf: Lubuntu';
    expect(styled(line, highlight(C, line))).toEqual(['location:keyword', 'l1:id', 'failoverip:id', 'inf::score', 'Lubuntu:id']);
    const order = 'order o1 Mandatory: a b symmetrical=false';
    expect(styled(order, highlight(C, order))).toEqual(['order:keyword', 'o1:id', 'Mandatory::score', 'a:id', 'b:id', 'symmetrical=:plain', 'false:value']);
  });

  test('rules: keywords and operators', () => {
    const line = 'location l r rule -inf: #uname eq n1 and defined pingd';
    const got = styled(line, highlight(C, line));
    expect(got).toEqual(expect.arrayContaining(['rule:keyword', '-inf::score', 'eq:keyword', 'and:keyword', 'defined:keyword']));
  });

  test('level words then the command, from any level', () => {
    const line = 'configure primitive x ocf:pacemaker:Dummy';
    expect(styled(line, highlight([], line))).toEqual(['configure:keyword', 'primitive:keyword', 'x:id', 'ocf:pacemaker:Dummy:agent']);
    const r = highlight([], 'resource start vip');
    expect(styled('resource start vip', r)).toEqual(['resource:keyword', 'start:keyword', 'vip:value']);
    expect(r.error).toBeUndefined();
  });

  test('abbreviated command words are keywords', () => {
    expect(styled('prim x ocf:pacemaker:Dummy', highlight(C, 'prim x ocf:pacemaker:Dummy'))[0]).toBe('prim:keyword');
  });

  test('a comment line is one comment span', () => {
    expect(highlight(C, '  # note')).toEqual({ spans: [{ from: 2, to: 8, style: 'comment' }] });
  });

  test('spans never overlap and stay inside the line', () => {
    const line = 'group g a b meta target-role=Stopped description="x y"';
    const r = highlight(C, line);
    let last = 0;
    for (const s of r.spans) {
      expect(s.from).toBeGreaterThanOrEqual(last);
      expect(s.to).toBeLessThanOrEqual(line.length);
      last = s.to;
    }
  });
});

describe('errors', () => {
  test('an unknown command word is marked with crmsh’s message', () => {
    const r = highlight(C, 'frob x');
    expect(r.error).toEqual({ from: 0, to: 4, hint: 'configure.frob: No such command' });
    expect(r.spans[0]).toEqual({ from: 0, to: 4, style: 'error' });
  });

  test('an incomplete statement is an empty range at the end with a hint', () => {
    const r = highlight(C, 'primitive vip');
    expect(r.error).toMatchObject({ from: 13, to: 13 });
    expect(r.error!.hint).toMatch(/^incomplete: .*more words/);
    const op = highlight(C, 'primitive vip ocf:heartbeat:IPaddr2 op');
    expect(op.error).toMatchObject({ from: 38, to: 38 });
  });

  test('an open quote is incomplete, not wrong', () => {
    const line = 'primitive vip ocf:heartbeat:IPaddr2 meta description="a b';
    const r = highlight(C, line);
    expect(r.error).toMatchObject({ from: line.length, to: line.length });
    expect(r.error!.hint).toMatch(/quote/);
  });

  test('a wrong word is marked where the grammar stops', () => {
    const line = 'colocation c inf: a:Bogus b';
    const r = highlight(C, line);
    expect(r.error).toBeDefined();
    expect(r.error!.to).toBeGreaterThan(r.error!.from);
    expect(r.error!.hint).not.toContain('\n');
  });

  test('too many arguments to a shell command marks the surplus words', () => {
    const line = 'cib use x y z';
    const r = highlight([], line);
    expect(line.slice(r.error!.from, r.error!.to)).toBe('z');
    expect(r.error!.hint).toContain('takes at most 2 arguments (3 given)');
  });

  test('too few arguments to a shell command is incomplete', () => {
    const r = highlight([], 'resource start');
    expect(r.error).toMatchObject({ from: 14, to: 14 });
  });

  test('a valid line has no error', () => {
    for (const [lv, line] of [
      [C, 'primitive vip ocf:heartbeat:IPaddr2 params ip=10.0.0.1'],
      [C, 'property stonith-enabled=false'],
      [C, 'group g a b'],
      [[], 'cib use test1'],
      [[], 'node standby Lubuntu'],
      [C, ''],
    ] as Array<[string[], string]>) {
      expect(highlight(lv, line).error, line).toBeUndefined();
    }
  });

  test('hints follow the language', () => {
    expect(highlight(C, 'primitive vip', 'fr').error!.hint).toMatch(/^incomplet : /);
  });
});

describe('speed', () => {
  test('a long primitive line highlights in a few milliseconds of CPU at most', () => {
    const line = `primitive vip ocf:heartbeat:IPaddr2 params ${Array.from({ length: 20 }, (_, i) => `k${i}=v${i}`).join(' ')} op monitor interval=10s timeout=20s`;
    for (let i = 0; i < 50; i++) highlight(C, line.slice(0, 20 + i));
    // CPU time, not wall time: the test machine is shared, and waiting for a core is not our cost.
    const t0 = process.cpuUsage();
    const n = 500;
    for (let i = 0; i < n; i++) highlight(C, line.slice(0, 20 + (i % (line.length - 20))));
    const used = process.cpuUsage(t0);
    const avgMs = (used.user + used.system) / 1000 / n;
    expect(avgMs).toBeLessThan(3); // generous; bench/completion-bench.ts measures the real figure
  });
});
