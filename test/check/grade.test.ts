/** Grading by meaning: equivalent forms are equal, order matters only where it does. */
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';
import { grade } from '../../src/check/grade.js';

const live = (text: string) => {
  const r = checkText(Buffer.from(text), 'x.crm', { mode: 'configure', nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' });
  return r.live!;
};

const BASE = [
  'primitive ip ocf:heartbeat:IPaddr params ip=10.0.0.1 op monitor interval=10s',
  'primitive web ocf:heartbeat:apache params configfile=/etc/apache2/apache2.conf op stop timeout=60s',
  'property stonith-enabled=false',
  'colocation web-with-ip inf: web ip',
  'order ip-then-web Mandatory: ip web',
].join('\n');

describe('grade', () => {
  it('treats inf/INFINITY, 10s/10, quoting, params omitted, Mandatory omitted and false/no as equal', () => {
    const answer = [
      'primitive ip IPaddr ip="10.0.0.1" op monitor interval=10',
      "primitive web apache configfile='/etc/apache2/apache2.conf' op stop timeout=1m",
      'property stonith-enabled=no',
      'colocation web-with-ip INFINITY: web ip',
      'order ip-then-web inf: ip web',
    ].join('\n');
    const g = grade(live(BASE), live(answer), { ignoreIds: false });
    expect(g.items.filter((i) => i.status !== 'same')).toEqual([]);
    expect(g.score).toBe(100);
  });

  it('reports missing, extra and different objects', () => {
    const answer = [
      'primitive ip ocf:heartbeat:IPaddr params ip=10.0.0.2 op monitor interval=10s',
      'property stonith-enabled=false',
      'property no-quorum-policy=ignore',
      'colocation web-with-ip inf: ip web',
    ].join('\n');
    const g = grade(live(BASE), live(answer), { ignoreIds: false });
    const by = (s: string) => g.items.filter((i) => i.status === s).map((i) => i.id).sort();
    expect(by('different')).toEqual(['ip', 'web-with-ip']);
    expect(by('missing')).toEqual(['ip-then-web', 'web']);
    expect(by('extra')).toEqual(['no-quorum-policy']);
    expect(g.score).toBe(Math.round((100 * 1) / 6));
  });

  it('matches resources and constraints by content with ignoreIds; a reversed colocation differs', () => {
    const answer = [
      'primitive vip ocf:heartbeat:IPaddr params ip=10.0.0.1 op monitor interval=10s',
      'primitive httpd ocf:heartbeat:apache params configfile=/etc/apache2/apache2.conf op stop timeout=60s',
      'property stonith-enabled=false',
      'colocation c1 inf: vip httpd',
      'order o1 Mandatory: vip httpd',
    ].join('\n');
    const g = grade(live(BASE), live(answer), { ignoreIds: true });
    expect(g.items.find((i) => i.id === 'ip')).toMatchObject({ status: 'same', answerId: 'vip' });
    expect(g.items.find((i) => i.id === 'ip-then-web')).toMatchObject({ status: 'same', answerId: 'o1' });
    expect(g.items.find((i) => i.id === 'web-with-ip')!.status).toBe('missing');
    expect(g.items.some((i) => i.status === 'extra' && i.kind === 'rsc_colocation')).toBe(true);
  });

  it('keeps group member order significant', () => {
    const a = live(`${BASE}\ngroup g ip web`);
    const b = live(`${BASE}\ngroup g web ip`);
    const g = grade(a, b, { ignoreIds: false });
    expect(g.items.find((i) => i.id === 'g')!.status).toBe('different');
  });
});
