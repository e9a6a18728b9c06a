/** modgroup (crmsh's sed filter, done in-process) and set PATH VALUE. */
import { describe, expect, it } from 'vitest';
import { modgroup } from '../../../src/shadow-cib/edit/modgroup.js';
import { setByPath } from '../../../src/shadow-cib/edit/set-path.js';
import { cibFrom, lines, shown } from './helpers.js';

const PRIMS = 'primitive a Dummy\nprimitive b Dummy\nprimitive c Dummy\n';

describe('modgroup', () => {
  it('adds after the last member, or before/after a member (422, 530, 531)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}group g a`);
    expect(modgroup(doc, { group: 'g', action: 'add', member: 'b' }, ctx).ok).toBe(true);
    expect(modgroup(doc, { group: 'g', action: 'add', member: 'c', position: { where: 'before', ref: 'b' } }, ctx).ok).toBe(true);
    expect(shown(doc)).toContain('group g a c b');
  });

  it('removes a member, which goes to the end of the resources; constraints stay (532, 535)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}group g a b c\nlocation l1 g 100: Lubuntu`);
    expect(modgroup(doc, { group: 'g', action: 'remove', member: 'b' }, ctx)).toEqual({ diagnostics: [], ok: true });
    expect(shown(doc)).toContain('group g a c');
    const res = doc.getElementsByTagName('resources')[0]!;
    const last = Array.from(res.childNodes).filter((n) => n.nodeType === 1).pop() as unknown as { getAttribute(n: string): string };
    expect(last.getAttribute('id')).toBe('b');
  });

  it('takes ids literally where sed would read a regular expression', () => {
    const { doc, ctx } = cibFrom('primitive a.b Dummy\nprimitive axb Dummy\nprimitive n Dummy\ngroup g axb a.b');
    expect(modgroup(doc, { group: 'g', action: 'remove', member: 'a.b' }, ctx).ok).toBe(true);
    expect(shown(doc)).toMatch(/^group g axb$/m);
  });

  it('reports crmsh errors (533, 534, 536, 537, 538)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}group g a\ngroup g2 b`);
    expect(modgroup(doc, { group: 'nosuch', action: 'add', member: 'a' }, ctx).fatal).toBe('group nosuch does not exist');
    expect(modgroup(doc, { group: 'a', action: 'add', member: 'b' }, ctx).fatal).toBe('element a is not a group');
    expect(modgroup(doc, { group: 'g', action: 'remove', member: 'b' }, ctx).fatal).toBe('b is not member of g');
    expect(lines(modgroup(doc, { group: 'g', action: 'remove', member: 'a' }, ctx).diagnostics)).toEqual([
      "ERROR: 1: syntax in group: Expected at least 2 arguments near <group> parsing 'group g'",
    ]);
    expect(lines(modgroup(doc, { group: 'g2', action: 'add', member: 'a' }, ctx).diagnostics)).toEqual([
      'ERROR: Cannot create group:g2: Child primitive:a already in group:g',
    ]);
    expect(shown(doc)).toContain('group g a\ngroup g2 b');
  });
});

describe('set', () => {
  it('sets an nvpair by name and an op attribute by name or interval (426, 539, 541)', () => {
    const { doc, ctx } = cibFrom('primitive p Dummy params fake=1 meta target-role=Stopped op monitor interval=10s op start interval=0');
    expect(setByPath(doc, { id: 'p', name: 'fake' }, 'p.fake', '2', ctx)).toEqual({});
    expect(setByPath(doc, { id: 'p', name: 'target-role' }, 'p.target-role', 'Started', ctx)).toEqual({});
    expect(setByPath(doc, { id: 'p', op: 'start', name: 'timeout' }, 'p.start.timeout', '9s', ctx)).toEqual({});
    expect(setByPath(doc, { id: 'p', op: 'monitor', interval: '10s', name: 'timeout' }, 'p.monitor.10s.timeout', '40s', ctx)).toEqual({});
    expect(shown(doc)).toContain('params fake=2 \\\n\tmeta target-role=Started \\\n\top monitor interval=10s timeout=40s \\\n\top start interval=0 timeout=9s');
    expect(ctx.changed.has('p')).toBe(true);
  });

  it('gives crmsh errors (540)', () => {
    const { doc, ctx } = cibFrom('primitive p Dummy params fake=1 meta fake=2 op monitor interval=10s op monitor interval=20s role=Promoted');
    expect(setByPath(doc, { id: 'x', name: 'a' }, 'x.a', '1', ctx).error).toBe('Object x not found');
    expect(setByPath(doc, { id: 'p', name: 'fake' }, 'p.fake', '1', ctx).error).toBe('Expected 1 attribute named fake, found 2');
    expect(setByPath(doc, { id: 'p', name: 'nosuch' }, 'p.nosuch', '1', ctx).error).toBe('Attribute not found: p.nosuch');
    expect(setByPath(doc, { id: 'p', op: 'monitor', name: 'timeout' }, 'p.monitor.timeout', '1', ctx).error).toBe('Should specify interval of monitor');
    expect(setByPath(doc, { id: 'p', op: 'stop', name: 'timeout' }, 'p.stop.timeout', '1', ctx).error).toBe('Operation "stop" not found for resource p');
    expect(setByPath(doc, { id: 'p', op: 'monitor', interval: '5s', name: 't' }, 'p.monitor.5s.t', '1', ctx).error).toBe(
      'Operation "monitor" interval "5s" not found for resource p',
    );
  });
});
