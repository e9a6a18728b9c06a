/** Candidate details (descriptions, required marks, kinds), caching per CIB, and robustness. */
import { describe, expect, test } from 'vitest';
import { cibIndex } from '../../src/completion/cib-index.js';
import { splitBeforeCursor } from '../../src/completion/line-words.js';
import { commonPrefix, matchCandidates } from '../../src/completion/match.js';
import { completeAt, labContext, labDoc, texts } from './fixture.js';
import { parseXml } from '../../src/shadow-cib/xml.js';

const IP2 = 'primitive vip ocf:heartbeat:IPaddr2';

describe('candidate details', () => {
  test('parameters carry a one-line description and the required mark', () => {
    const r = completeAt(labContext(['configure']), `${IP2} params `);
    const ip = r.candidates.find((c) => c.text === 'ip=')!;
    expect(ip.required).toBe(true);
    expect(ip.kind).toBe('param');
    expect(ip.description).toMatch(/string/);
    const nic = r.candidates.find((c) => c.text === 'nic=')!;
    expect(nic.required).toBeUndefined();
    for (const c of r.candidates) if (c.kind === 'param') expect(c.description).not.toContain('\n');
  });

  test('command words carry their summary and levels are marked as levels', () => {
    const r = completeAt(labContext(), '');
    expect(r.candidates.find((c) => c.text === 'configure')).toMatchObject({ kind: 'level', description: 'edit the CIB configuration' });
    expect(r.candidates.find((c) => c.text === 'status')).toMatchObject({ kind: 'command' });
  });

  test('kinds: agents, ids, nodes, shadows, files', () => {
    const ctx = labContext(['configure']);
    expect(completeAt(ctx, 'primitive x ocf:heartbeat:IPaddr2').candidates[0].kind).toBe('agent');
    expect(completeAt(ctx, 'group g ').candidates.every((c) => c.kind === 'id')).toBe(true);
    expect(completeAt(ctx, 'location l r 100: ').candidates.every((c) => c.kind === 'node')).toBe(true);
    expect(completeAt(ctx, 'cib use t').candidates[0].kind).toBe('shadow');
    expect(completeAt(ctx, 'load update l').candidates.every((c) => c.kind === 'file')).toBe(true);
  });

  test('descriptions follow the language of the context', () => {
    const ctx = { ...labContext(['configure']), lang: 'fr' as const };
    expect(completeAt(ctx, 'primitive ').candidates[0].description).toBe('l’identifiant du nouvel objet');
    expect(completeAt(labContext(['configure']), 'primitive ').candidates[0].description).toBe('the new object’s id');
  });

  test('live node names from the context win over the CIB', () => {
    const ctx = { ...labContext(), nodes: ['alpha', 'beta'] };
    expect(texts(completeAt(ctx, 'node standby '))).toEqual(expect.arrayContaining(['alpha', 'beta']));
    expect(texts(completeAt(ctx, 'node standby '))).not.toContain('Lubuntu');
  });

  test('property options are listed once although three daemons share some', () => {
    const got = texts(completeAt(labContext(['configure']), 'property '));
    expect(new Set(got).size).toBe(got.length);
  });
});

describe('robustness', () => {
  test('no CIB: id positions offer nothing, agent positions still work', () => {
    const ctx = { ...labContext(['configure']), cib: undefined };
    expect(texts(completeAt(ctx, 'group g '))).toEqual([]);
    expect(texts(completeAt(ctx, 'primitive x ocf:pacemaker:Dum'))).toEqual(['ocf:pacemaker:Dummy']);
  });

  test('a CIB without <configuration> offers nothing and does not throw', () => {
    const ctx = { ...labContext([]), cib: parseXml('<cib/>') };
    expect(texts(completeAt(ctx, 'resource start '))).toEqual([]);
  });

  test('an unknown agent still offers the list keywords and actions', () => {
    const r = completeAt(labContext(['configure']), 'primitive x ocf:heartbeat:NoSuch op ');
    expect(texts(r)).toEqual(['monitor', 'start', 'stop']);
  });

  test('a catalog that throws does not break Tab', () => {
    const ctx = labContext(['configure']);
    const broken = { ...ctx, agents: { ...ctx.agents, metadata: () => { throw new Error('boom'); }, list: () => { throw new Error('boom'); } } };
    expect(() => completeAt(broken, `${IP2} params `)).not.toThrow();
    expect(() => completeAt(broken, 'primitive x ocf:heartbeat:')).not.toThrow();
  });

  test('no listDir: no file candidates', () => {
    const ctx = { ...labContext(['configure']), listDir: undefined };
    expect(texts(completeAt(ctx, 'load update '))).toEqual([]);
  });

  test('a regex-looking word does not throw (crmsh reads command words as patterns)', () => {
    expect(() => completeAt(labContext(['configure']), '* x ')).not.toThrow();
    expect(() => completeAt(labContext(['configure']), 'pr[ ')).not.toThrow();
  });
});

describe('CIB index cache', () => {
  test('the same Document and version reuse the index; a new version rebuilds it', () => {
    const doc = labDoc();
    const a = cibIndex(doc, 1);
    expect(cibIndex(doc, 1)).toBe(a);
    const res = doc.getElementsByTagName('resources')[0]!;
    const p = doc.createElement('primitive');
    p.setAttribute('id', 'newone');
    p.setAttribute('class', 'ocf');
    p.setAttribute('provider', 'pacemaker');
    p.setAttribute('type', 'Dummy');
    res.appendChild(p);
    expect(cibIndex(doc, 1).resources).not.toContain('newone');
    expect(cibIndex(doc, 2).resources).toContain('newone');
    const ctx = { ...labContext(['configure'], doc), cibVersion: 2 };
    expect(texts(completeAt(ctx, 'group g new'))).toEqual(['newone']);
  });
});

describe('matching', () => {
  test('prefix first, case-insensitive second, fuzzy last', () => {
    const all = [{ text: 'Stopped', kind: 'value' as const }, { text: 'Started', kind: 'value' as const }, { text: 'stop', kind: 'op' as const }];
    expect(matchCandidates(all, 'S').candidates.map((c) => c.text)).toEqual(['Started', 'Stopped']);
    expect(matchCandidates(all, 'sta').candidates.map((c) => c.text)).toEqual(['Started']);
    const fz = matchCandidates(all, 'Sppd');
    expect(fz.candidates.map((c) => c.text)).toEqual(['Stopped']);
    expect(fz.candidates[0].fuzzy).toBe(true);
    expect(fz.common).toBe('');
  });

  test('an empty word lists everything (fuzzysort is not asked: it would return all)', () => {
    const all = Array.from({ length: 40 }, (_, i) => ({ text: `r${i}`, kind: 'id' as const }));
    expect(matchCandidates(all, '').candidates).toHaveLength(40);
  });

  test('duplicates collapse, keeping the described one', () => {
    const r = matchCandidates([{ text: 'a=', kind: 'param' }, { text: 'a=', kind: 'param', description: 'd' }], '');
    expect(r.candidates).toEqual([{ text: 'a=', kind: 'param', description: 'd' }]);
  });

  test('commonPrefix', () => {
    expect(commonPrefix(['ocf:heartbeat:IPaddr', 'ocf:heartbeat:IPaddr2'])).toBe('ocf:heartbeat:IPaddr');
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['a', 'b'])).toBe('');
  });
});

describe('words before the cursor', () => {
  test('quotes group, escapes are removed, continuations join', () => {
    const s = splitBeforeCursor(`params a="x y" b=\\  c\\\nd`, 26);
    expect(s.words.map((w) => w.text)).toEqual(['params', 'a=x y', 'b= ']);
    expect(s.current).toMatchObject({ text: 'cd', from: 20 });
  });

  test('an open quote is reported and the partial word keeps its start', () => {
    const s = splitBeforeCursor('meta description="a b', 21);
    expect(s.inQuote).toBe(true);
    expect(s.current).toMatchObject({ text: 'description=a b', from: 5, to: 21 });
  });

  test('a trailing space means a new, empty word at the cursor', () => {
    const s = splitBeforeCursor('show ', 5);
    expect(s.current).toEqual({ text: '', from: 5, to: 5, quoted: false });
  });
});

describe('lists that change outside the CIB are never served stale', () => {
  test('a new shadow shows at the next Tab on the same words', () => {
    const names = ['test1'];
    const ctx = { ...labContext(), shadows: () => names };
    expect(texts(completeAt(ctx, 'cib use '))).toEqual(['live', 'test1']);
    names.push('fresh');
    expect(texts(completeAt(ctx, 'cib use '))).toEqual(['fresh', 'live', 'test1']);
  });

  test('a new file shows at the next Tab on the same words', () => {
    const entries = [{ name: 'a.crm', dir: false }];
    const ctx = { ...labContext(['configure']), listDir: () => entries };
    expect(texts(completeAt(ctx, 'load update '))).toEqual(['a.crm']);
    entries.push({ name: 'b.crm', dir: false });
    expect(texts(completeAt(ctx, 'load update '))).toEqual(['a.crm', 'b.crm']);
  });

  test('typing on within a word reuses the list (same answer as a fresh engine)', () => {
    const ctx = labContext(['configure']);
    const first = texts(completeAt(ctx, 'show '));
    expect(texts(completeAt(ctx, 'show f'))).toEqual(first.filter((t) => t.startsWith('f')));
    expect(texts(completeAt(ctx, 'show fa'))).toEqual(['failoverip']);
  });
});

describe('a REPL that builds a new context per keystroke', () => {
  test('still reuses the prepared list (the cache does not key on callback identity)', () => {
    const doc = labDoc();
    const base = labContext(['configure'], doc);
    let asked = 0;
    const agents = { ...base.agents, classes: () => (asked++, base.agents.classes()) };
    const fresh = () => ({ ...base, agents, listDir: () => [], shadows: () => [] });
    for (const line of ['primitive x ', 'primitive x o', 'primitive x oc', 'primitive x IPa']) completeAt(fresh(), line);
    expect(asked).toBe(1);
    expect(texts(completeAt(fresh(), 'primitive x oc'))).toEqual(['ocf:']);
    completeAt(fresh(), 'primitive y ');
    expect(asked).toBe(2);
  });
});
