/**
 * rename: crmsh 4.4.1's results where it is right (golden 421, 522, 524, 525, 527, 567, 579), and
 * tcrm's on purpose where crmsh is wrong (golden 521, 523, 526 are marked as divergences; their
 * tcrm side is pinned here).
 */
import { describe, expect, it } from 'vitest';
import { renameObject } from '../../../src/shadow-cib/edit/rename.js';
import { serializeDocument } from '../../../src/shadow-cib/xml.js';
import { cibFrom, lines, shown } from './helpers.js';

const PRIMS = 'primitive a Dummy\nprimitive b Dummy\nprimitive c Dummy\n';

describe('rename', () => {
  it('renames in constraints and sets, and — unlike crmsh — in tags (golden 521)', () => {
    const { doc, ctx } = cibFrom(`${PRIMS}tag t1 a b\ncolocation col inf: a b c\norder o1 Mandatory: ( a b ) c`);
    const r = renameObject(doc, 'a', 'z', ctx);
    expect(r.ok).toBe(true);
    expect(lines(r.diagnostics)).toEqual(['INFO: modified colocation:col from a to z', 'INFO: modified order:o1 from a to z']);
    const show = shown(doc);
    expect(show).toContain('tag t1 z b');
    expect(show).toContain('colocation col inf: z b c');
    expect(show).toContain('order o1 Mandatory: ( z b ) c');
    expect(ctx.changed.has('t1')).toBe(true);
  });

  it('refuses an id the schema refuses, leaving the CIB as it was (golden 523)', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const before = serializeDocument(doc);
    const r = renameObject(doc, 'a', '1bad', ctx);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TCRM8501']);
    expect(r.diagnostics[0]!.message).toContain("'1bad' is not a valid id");
    expect(serializeDocument(doc)).toBe(before);
  });

  it('says so in French with --lang fr', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const r = renameObject(doc, 'a', '9x', ctx, { lang: 'fr' });
    expect(r.diagnostics[0]!.message).toContain("n'est pas un identifiant valide");
  });

  it('renames the template of the primitives built on it, where crmsh leaves them dangling (golden 526)', () => {
    const { doc, ctx } = cibFrom('rsc_template tp Dummy\nprimitive p1 @tp');
    expect(renameObject(doc, 'tp', 'tq', ctx).ok).toBe(true);
    expect(shown(doc)).toContain('primitive p1 @tq');
    expect(shown(doc)).toContain('rsc_template tq Dummy');
  });

  it('refuses an id in use, a missing object and a node with crmsh words', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    expect(lines(renameObject(doc, 'a', 'b', ctx).diagnostics)).toEqual(['ERROR: b: id is already in use']);
    expect(lines(renameObject(doc, 'nosuch', 'x', ctx).diagnostics)).toEqual(['ERROR: object nosuch does not exist']);
    expect(lines(renameObject(doc, 'Lubuntu', 'x', ctx).diagnostics)).toEqual(['ERROR: cannot rename nodes']);
  });

  it('keeps inner ids and the place in a group; the id allocator follows', () => {
    const { doc, ctx } = cibFrom(`${PRIMS.replace('primitive a Dummy', 'primitive a Dummy params fake=1')}group g a b`);
    expect(renameObject(doc, 'a', 'web', ctx).ok).toBe(true);
    const xml = serializeDocument(doc);
    expect(xml).toContain('<instance_attributes id="a-instance_attributes">');
    expect(shown(doc)).toContain('group g web b');
    expect(ctx.ids.isUsed('web')).toBe(true);
    expect(ctx.ids.isUsed('a')).toBe(false);
  });
});
