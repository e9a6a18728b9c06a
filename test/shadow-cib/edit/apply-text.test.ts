/** Loading configuration text (load, filter, modgroup): crmsh's CibDiff.apply, all or nothing. */
import { describe, expect, it } from 'vitest';
import { applyStatements } from '../../../src/shadow-cib/edit/apply-text.js';
import { objectsOf } from '../../../src/shadow-cib/edit/model.js';
import { parseConfigText } from '../../../src/shadow-cib/edit/parse-text.js';
import { statementsFromXml } from '../../../src/shadow-cib/edit/parse-xml.js';
import { showConfiguration } from '../../../src/shadow-cib/show.js';
import { serializeDocument } from '../../../src/shadow-cib/xml.js';
import { cibFrom, lines, shown } from './helpers.js';

const PRIMS = 'primitive a Dummy\nprimitive b Dummy\nprimitive c Dummy\n';

describe('parseConfigText', () => {
  it('numbers crmsh messages by statement, continuations and comments not counted (559, 536)', () => {
    const r = parseConfigText('# a comment\nprimitive z \\\n  Dummy\ngarbage line here\ngroup g\n', 'f.crm');
    expect(r.ok).toBe(false);
    expect(lines(r.diagnostics)).toEqual([
      "ERROR: 2: syntax: Unknown command near <garbage> parsing 'garbage line here'",
      "ERROR: 3: syntax in group: Expected at least 2 arguments near <group> parsing 'group g'",
    ]);
    expect(r.diagnostics[0]!.at).toMatchObject({ file: 'f.crm', line: 4, col: 1 });
  });

  it('attaches comment lines to the next object (573)', () => {
    const r = parseConfigText('# the web server\nprimitive web Dummy\n', 'f.crm');
    expect(r.statements[0]!.stmt.comments).toEqual(['# the web server']);
  });
});

describe('applyStatements', () => {
  it('creates members before the group that holds them, whatever the text order (556)', () => {
    const { doc, ctx } = cibFrom('primitive a Dummy');
    const p = parseConfigText('group g x y\nprimitive x Dummy\nprimitive y Dummy', 't');
    expect(applyStatements(doc, p.statements, ctx, { remove: false, method: 'update' }).ok).toBe(true);
    expect(shown(doc)).toContain('group g x y');
  });

  it('undoes everything when one statement fails (560)', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const before = serializeDocument(doc);
    const p = parseConfigText('primitive z Dummy\nprimitive 1bad Dummy', 't');
    const r = applyStatements(doc, p.statements, ctx, { remove: false, method: 'update' });
    expect(r.ok).toBe(false);
    expect(serializeDocument(doc)).toBe(before);
    expect(ctx.ids.isUsed('z')).toBe(false);
  });

  it('refuses to name an object that exists but was not selected (554)', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const selection = objectsOf(doc).filter((o) => o.id === 'a');
    const p = parseConfigText('primitive b Dummy', 't');
    const r = applyStatements(doc, p.statements, ctx, { remove: true, method: 'replace', selection });
    expect(lines(r.diagnostics)).toEqual(['ERROR: Elements b already exist']);
  });

  it('push deletes what the text does not name, nodes too (547, 562)', () => {
    const { doc, ctx } = cibFrom(PRIMS);
    const p = parseConfigText('primitive z Dummy', 't');
    expect(applyStatements(doc, p.statements, ctx, { remove: true, method: 'update' }).ok).toBe(true);
    expect(showConfiguration(doc, { selectors: [], xml: false }).text).toBe('primitive z Dummy');
  });

  it('update merges property sets, replace replaces them (550, 551)', () => {
    const text = 'property no-quorum-policy=stop';
    const u = cibFrom('property no-quorum-policy=ignore maintenance-mode=true');
    applyStatements(u.doc, parseConfigText(text, 't').statements, u.ctx, { remove: false, method: 'update' });
    expect(shown(u.doc)).toContain('no-quorum-policy=stop \\\n\tmaintenance-mode=true');
    const r = cibFrom('property no-quorum-policy=ignore maintenance-mode=true');
    applyStatements(r.doc, parseConfigText(text, 't').statements, r.ctx, { remove: false, method: 'replace' });
    expect(shown(r.doc)).not.toContain('maintenance-mode');
  });

  it('loads a CIB in XML, groups with their members (563)', () => {
    const src = cibFrom(`${PRIMS}group g a b\ncolocation c1 inf: g c`);
    const xml = showConfiguration(src.doc, { selectors: [], xml: true }).text;
    const dst = cibFrom('');
    const p = statementsFromXml(xml, 'all.xml');
    expect(p.ok).toBe(true);
    expect(applyStatements(dst.doc, p.statements, dst.ctx, { remove: false, method: 'replace' }).ok).toBe(true);
    expect(shown(dst.doc)).toBe(shown(src.doc));
  });
});
