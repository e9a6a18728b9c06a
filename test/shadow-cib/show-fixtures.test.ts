/**
 * Golden tests against crmsh 4.4.1: each fixtures/show/NAME holds a CIB crmsh wrote (from
 * input.crm, plus setup.sh edits made with Pacemaker's own tools) and what `crm configure show`
 * (and `show xml` for some) printed for it, ANSI codes stripped. Regenerate with
 * fixtures/show/generate.sh on a machine with crmsh.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showConfiguration } from '../../src/shadow-cib/show.js';
import { parseXml } from '../../src/shadow-cib/xml.js';

const root = join(import.meta.dirname, '../../fixtures/show');
const names = readdirSync(root).filter((n) => existsSync(join(root, n, 'cib.xml')));

/** What crmsh printed, without the newline `print` adds after the text. */
function printed(file: string): string {
  return readFileSync(file, 'utf8').replace(/\n$/, '');
}

describe('show matches crmsh', () => {
  it('has fixtures', () => expect(names.length).toBeGreaterThan(50));
  for (const name of names) {
    const dir = join(root, name);
    it(`${name}: show`, () => {
      const doc = parseXml(readFileSync(join(dir, 'cib.xml'), 'utf8'));
      const { text, diagnostics } = showConfiguration(doc, { selectors: [], xml: false });
      expect(diagnostics).toEqual([]);
      // Where tcrm deliberately differs, show.tcrm.txt holds its output and divergence.txt why.
      const own = join(dir, 'show.tcrm.txt');
      if (existsSync(own)) {
        expect(readFileSync(join(dir, 'divergence.txt'), 'utf8').trim().length).toBeGreaterThan(20);
        expect(text).toBe(printed(own));
      } else {
        expect(text).toBe(printed(join(dir, 'show.txt')));
      }
    });
    if (existsSync(join(dir, 'show-xml.txt'))) {
      it(`${name}: show xml`, () => {
        const doc = parseXml(readFileSync(join(dir, 'cib.xml'), 'utf8'));
        const { text } = showConfiguration(doc, { selectors: [], xml: true });
        expect(text).toBe(printed(join(dir, 'show-xml.txt')));
      });
    }
  }
});
