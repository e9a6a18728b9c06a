/** Unit tests of show's pieces: value quoting, obscuring, options, renderObject. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderObject, showConfiguration } from '../../src/shadow-cib/show.js';
import { globMatch, obscurePatterns, quoteValue, scoreText } from '../../src/shadow-cib/show/values.js';
import { childElements, configurationOf, firstChild, parseXml, type Element } from '../../src/shadow-cib/xml.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/show', name, 'cib.xml'), 'utf8');

function byId(doc: ReturnType<typeof parseXml>, id: string): Element {
  const found = Array.from(doc.getElementsByTagName('*')).find((e) => e.getAttribute('id') === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('values', () => {
  it('quotes like crmsh', () => {
    expect(quoteValue('a.b-c_d')).toBe('a.b-c_d');
    expect(quoteValue('/tmp')).toBe('"/tmp"');
    expect(quoteValue('')).toBe('""');
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteValue('a=b')).toBe('"a=b"');
  });
  it('writes INFINITY as inf and keeps the sign', () => {
    expect(scoreText('INFINITY')).toBe('inf');
    expect(scoreText('-INFINITY')).toBe('-inf');
    expect(scoreText('+INFINITY')).toBe('+inf');
    expect(scoreText('100')).toBe('100');
  });
  it('splits obscure_pattern on | and blanks', () => {
    expect(obscurePatterns('passw*')).toEqual(['passw*']);
    expect(obscurePatterns('passw* | user*|secret')).toEqual(['passw*', 'user*', 'secret']);
    expect(obscurePatterns('')).toEqual([]);
  });
  it('globs like fnmatch', () => {
    expect(globMatch('fail*', 'fail-a')).toBe(true);
    expect(globMatch('fail?', 'fail-a')).toBe(false);
    // An invalid class matches itself instead of throwing (found by the fuzzer's kind of input).
    expect(globMatch('pass[z-a]', 'pass[z-a]')).toBe(true);
    expect(globMatch('d[0-9]', 'd7')).toBe(true);
    expect(globMatch('d[!0-9]', 'd7')).toBe(false);
    expect(globMatch('a.b', 'axb')).toBe(false);
  });
});

describe('showConfiguration options', () => {
  const cib = fixture('080-selectors');

  it('obscures passw* by default and honours obscurePattern', () => {
    const dflt = showConfiguration(parseXml(cib), { selectors: ['st'], xml: false }).text;
    expect(dflt).toContain('passwd="******"');
    const custom = showConfiguration(parseXml(cib), { selectors: ['st'], xml: false, obscurePattern: 'user*|ipaddr' }).text;
    expect(custom).toContain('userid="******" passwd=secret');
    expect(custom).toContain('ipaddr="******"');
    const none = showConfiguration(parseXml(cib), { selectors: ['st'], xml: false, obscurePattern: '' }).text;
    expect(none).toContain('passwd=secret');
  });

  it('forEdit shows values as stored, in text and xml', () => {
    const text = showConfiguration(parseXml(cib), { selectors: ['st'], xml: false, forEdit: true }).text;
    expect(text).toContain('passwd=secret');
    const xml = showConfiguration(parseXml(cib), { selectors: ['st'], xml: true, forEdit: true }).text;
    expect(xml).toContain('value="secret"');
  });

  it('sort-elements=no keeps load order inside each bucket', () => {
    const text = showConfiguration(parseXml(cib), { selectors: ['type:primitive'], xml: false, sortElements: false }).text;
    expect(text.split('\n').filter((l) => l.startsWith('primitive')).map((l) => l.split(' ')[1])).toEqual([
      'fail-b',
      'st',
      'web',
      'db',
      'fail-a',
    ]);
  });

  it('an empty selection prints nothing', () => {
    expect(showConfiguration(parseXml(cib), { selectors: ['type:alert', 'and', 'type:node'], xml: false }).text).toBe('');
  });

  it('does not touch the document', () => {
    const doc = parseXml(cib);
    const before = configurationOf(doc).toString();
    showConfiguration(doc, { selectors: [], xml: false });
    showConfiguration(doc, { selectors: [], xml: true });
    expect(configurationOf(doc).toString()).toBe(before);
  });
});

describe('renderObject', () => {
  it('renders one primitive unobscured by default', () => {
    const doc = parseXml(fixture('080-selectors'));
    expect(renderObject(byId(doc, 'st'))).toBe(
      'primitive st stonith:external/ipmi \\\n\tparams hostname=Lubuntu ipaddr=10.0.0.1 userid=admin passwd=secret interface=lan',
    );
    expect(renderObject(byId(doc, 'st'), { forEdit: false })).toContain('passwd="******"');
  });

  it('renders a container without its children', () => {
    const doc = parseXml(fixture('080-selectors'));
    expect(renderObject(byId(doc, 'g-web'))).toBe('group g-web web db');
  });

  it('renders rsc_defaults and op_defaults sets', () => {
    const doc = parseXml(fixture('080-selectors'));
    const cfg = configurationOf(doc);
    const rsc = childElements(firstChild(cfg, 'rsc_defaults')!)[0]!;
    expect(renderObject(rsc)).toBe('rsc_defaults rsc-options: \\\n\tresource-stickiness=1');
    const op = childElements(firstChild(cfg, 'op_defaults')!)[0]!;
    expect(renderObject(op)).toBe('op_defaults op-options: \\\n\ttimeout=30s');
  });

  it('renders the fencing topology with the short form when every node has the same levels', () => {
    const doc = parseXml(fixture('024-fencing-all'));
    expect(renderObject(firstChild(configurationOf(doc), 'fencing-topology')!)).toBe('fencing_topology p-st');
  });

  it('falls back to xml for what the text form cannot carry', () => {
    const doc = parseXml(fixture('040-order-one'));
    expect(renderObject(byId(doc, 'o1'))).toBe(
      'xml <rsc_order id="o1" kind="Mandatory"> \\\n  <resource_set id="o1-0"> \\\n    <resource_ref id="failoverip"/> \\\n  </resource_set> \\\n</rsc_order>',
    );
  });

  it('matches show for every object of every fixture', () => {
    for (const name of ['003-primitive-params', '015-location-rules', '026-acl', '029-bundle', '110-comments-many', '130-acl-xpaths']) {
      const doc = parseXml(fixture(name));
      const shown = showConfiguration(doc, { selectors: [], xml: false, forEdit: true }).text;
      const cfg = configurationOf(doc);
      for (const section of childElements(cfg)) {
        const objects = section.tagName === 'fencing-topology' ? [section] : childElements(section);
        for (const el of objects) expect(shown).toContain(renderObject(el));
      }
    }
  });
});
