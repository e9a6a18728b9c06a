/** delete and erase with crmsh 4.4.1's cascade (each case also a golden fixture, number given). */
import { describe, expect, it } from 'vitest';
import { deleteObjects } from '../../../src/shadow-cib/edit/delete.js';
import { eraseConfiguration, eraseNodes } from '../../../src/shadow-cib/edit/erase.js';
import { cibFrom, lines, shown } from './helpers.js';

const PRIMS = 'primitive a Dummy\nprimitive b Dummy\nprimitive c Dummy\nprimitive d Dummy\n';

describe('delete', () => {
  it('keeps the members of a deleted group and moves its constraints to the first member (512)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}group g a b\nlocation l1 g 100: Lubuntu\ncolocation c1 inf: g c\norder o1 Mandatory: c g`);
    const r = deleteObjects(doc, ['g'], ctx);
    expect(r.ok).toBe(true);
    expect(lines(r.diagnostics)).toEqual([
      'INFO: modified location:l1 from g to a',
      'INFO: modified colocation:c1 from g to a',
      'INFO: modified order:o1 from g to a',
    ]);
    expect(shown(doc)).toContain('location l1 a 100: Lubuntu');
    expect(shown(doc)).not.toContain('group');
  });

  it('collapses a set left with two members into the simple form (513)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}colocation col inf: a b c\norder o1 Mandatory: a b c`);
    const r = deleteObjects(doc, ['b'], ctx);
    expect(lines(r.diagnostics)).toEqual(['INFO: constraint colocation:col updated', 'INFO: constraint order:o1 updated']);
    expect(shown(doc)).toContain('colocation col inf: c a');
    expect(shown(doc)).toContain('order o1 Mandatory: a c');
  });

  it('removes constraints left pointing at nothing, and tags left empty (420, 517)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}colocation c1 inf: a b\nlocation l1 a 100: Lubuntu\ntag t1 a\ntag t2 a b`);
    const r = deleteObjects(doc, ['a'], ctx);
    expect(lines(r.diagnostics)).toEqual(['INFO: hanging tag:t1 deleted', 'INFO: hanging colocation:c1 deleted', 'INFO: hanging location:l1 deleted']);
    expect(shown(doc)).toContain('tag t2 b');
  });

  it('deletes the primitives built on a deleted template (516) and the group of its last member (427)', () => {
    const t = cibFrom(`${PRIMS}rsc_template tp Dummy\nprimitive p1 @tp\nprimitive p2 @tp`);
    expect(lines(deleteObjects(t.doc, ['tp'], t.ctx).diagnostics)).toEqual(['INFO: hanging primitive:p1 deleted', 'INFO: hanging primitive:p2 deleted']);
    const g = cibFrom(`${PRIMS}group g a`);
    deleteObjects(g.doc, ['a'], g.ctx);
    expect(shown(g.doc)).not.toContain('group');
  });

  it('reports a missing id, unless forced, and still deletes the others (511)', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const r = deleteObjects(doc, ['nosuch', 'a'], ctx);
    expect(r.ok).toBe(false);
    expect(lines(r.diagnostics)).toEqual(['ERROR: object nosuch does not exist']);
    expect(shown(doc)).not.toContain('primitive a ');
    const forced = deleteObjects(doc, ['nosuch'], ctx, { ignoreMissing: true });
    expect(forced).toEqual({ diagnostics: [], ok: true });
  });

  it('refuses a running resource with crmsh words when told it runs', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const r = deleteObjects(doc, ['a'], ctx, { canDelete: (id) => id !== 'a' });
    expect(lines(r.diagnostics)).toEqual(["ERROR: resource a is running, can't delete it"]);
    expect(shown(doc)).toContain('primitive a Dummy');
  });
});

describe('erase', () => {
  it('leaves only the nodes, quietly (423, 528)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}group g a b\nlocation l1 g 100: Lubuntu\ncolocation c1 inf: c d\nproperty stonith-enabled=false`);
    const r = eraseConfiguration(doc, ctx, ['a', 'b', 'c', 'd']);
    expect(lines(r.diagnostics)).toEqual(['INFO: modified location:l1 from g to b']);
    expect(shown(doc)).toBe('');
  });

  it('erase nodes deletes the nodes only (529)', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    eraseNodes(doc, ctx);
    expect(shown(doc).split('\n')).toEqual(['primitive a Dummy', 'primitive b Dummy', 'primitive c Dummy', 'primitive d Dummy']);
    expect(doc.getElementsByTagName('node').length).toBe(0);
  });
});
