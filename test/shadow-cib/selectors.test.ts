/**
 * Selectors against crmsh: fixtures/show/080-selectors/selectors holds one `show` argument
 * list per line (`nosort ` in front = option sort-elements=no); sel-N.txt/.err are what
 * `crm configure show <args>` printed on stdout/stderr.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConfiguration } from '../../src/shadow-cib/show.js';
import { selectObjects } from '../../src/shadow-cib/selectors.js';
import { collectObjects, sanitizedConfiguration } from '../../src/shadow-cib/show/objects.js';
import { configurationOf, parseXml } from '../../src/shadow-cib/xml.js';

const dir = join(import.meta.dirname, '../../fixtures/show/080-selectors');
const lines = readFileSync(join(dir, 'selectors'), 'utf8').split('\n').filter((l) => l !== '');
const cib = readFileSync(join(dir, 'cib.xml'), 'utf8');

describe('show selectors match crmsh', () => {
  lines.forEach((line, i) => {
    it(`show ${line}`, () => {
      let words = line.split(/\s+/);
      const sortElements = words[0] !== 'nosort';
      if (!sortElements) words = words.slice(1);
      const xml = words[0] === 'xml';
      if (xml) words = words.slice(1);
      const { text, diagnostics } = showConfiguration(parseXml(cib), { selectors: words, xml, sortElements });
      const out = readFileSync(join(dir, `sel-${i + 1}.txt`), 'utf8');
      const err = readFileSync(join(dir, `sel-${i + 1}.err`), 'utf8');
      // crmsh prints nothing at all (no newline) for an empty selection.
      expect(text === '' ? '' : text + '\n').toBe(out);
      expect(diagnostics.map((d) => `${d.severity.toUpperCase()}: ${d.message}\n`).join('')).toBe(err);
      for (const d of diagnostics) expect(d.code).toBe('CRM');
    });
  });
});

describe('selectObjects', () => {
  const all = () => collectObjects(sanitizedConfiguration(configurationOf(parseXml(cib))));

  it('changed selects the objects named in the changed set, in load order', () => {
    const { objects } = selectObjects(all(), ['changed'], new Set(['web', 'fail-b', 'l-web']));
    expect(objects.map((o) => o.id)).toEqual(['fail-b', 'web', 'l-web']);
  });

  it('changed combines with and', () => {
    const { objects } = selectObjects(all(), ['changed', 'and', 'type:primitive'], new Set(['web', 'l-web']));
    expect(objects.map((o) => o.id)).toEqual(['web']);
  });

  it('the first unknown id is the one reported', () => {
    const { objects, diagnostics } = selectObjects(all(), ['nosuch1', 'fail-a', 'nosuch2'], new Set());
    expect(objects).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual(['object nosuch1 does not exist']);
  });

  it('globs use fnmatch classes', () => {
    const { objects } = selectObjects(all(), ['fail-[!a]'], new Set());
    expect(objects.map((o) => o.id)).toEqual(['fail-b']);
  });
});

describe('show changed', () => {
  it('prints only changed objects, sorted', () => {
    const { text } = showConfiguration(parseXml(cib), { selectors: ['changed'], xml: false, changed: new Set(['l-web', 'db']) });
    expect(text).toBe('primitive db Dummy\nlocation l-web g-web 100: Lubuntu');
  });
  it('prints nothing when nothing changed', () => {
    expect(showConfiguration(parseXml(cib), { selectors: ['changed'], xml: false }).text).toBe('');
  });
});
