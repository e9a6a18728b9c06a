/**
 * Round-trip properties over 1,000 generated configurations (issue 10): what `show` prints parses
 * back to the same CIB and prints the same again, and the XML survives parse → serialise intact.
 */
import { describe, expect, it } from 'vitest';
import { generateConfig } from '../helpers/config-generator.js';
import { applyScript } from '../helpers/apply-script.js';
import { baseDoc } from '../shadow-cib/lower-helpers.js';
import { showConfiguration } from '../../src/shadow-cib/show.js';
import { configurationOf, parseXml, serializeDocument, serializeNode, type Document, type Element } from '../../src/shadow-cib/xml.js';

const SEEDS = Number(process.env.TCRM_PROPERTY_SEEDS ?? 1000);

/**
 * The configuration with each section's objects in id order: `show` sorts objects by kind and id,
 * so what parses back holds the same objects in display order (order inside an object is kept).
 */
function objectsOf(doc: Document): string {
  const sections: string[] = [];
  for (let s = configurationOf(doc).firstChild; s; s = s.nextSibling) {
    if (s.nodeType !== 1) continue;
    const children: string[] = [];
    for (let c = s.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) children.push(serializeNode(c));
    sections.push(`${(s as Element).tagName}:\n${children.sort().join('\n')}`);
  }
  return sections.join('\n');
}

function show(doc: ReturnType<typeof baseDoc>): string {
  const { text, diagnostics } = showConfiguration(doc, { selectors: [], xml: false });
  expect(diagnostics).toEqual([]);
  return text;
}

describe(`round trip over ${SEEDS} generated configurations`, () => {
  it('every generated script is valid: no diagnostic at all', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { text } = generateConfig(seed);
      const { errors } = applyScript(baseDoc(), text, `seed-${seed}.crm`);
      if (errors.length > 0) expect.fail(`seed ${seed}:\n${text}\n${errors.join('\n')}`);
    }
  });

  it('show → parse → show is the identity, and both CIBs are equal', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const first = applyScript(baseDoc(), generateConfig(seed).text, `seed-${seed}.crm`).doc;
      const shown = show(first);
      const again = applyScript(baseDoc(), shown + '\n', `show-${seed}.crm`);
      if (again.errors.length > 0) expect.fail(`seed ${seed}: show output does not parse:\n${shown}\n${again.errors.join('\n')}`);
      expect(show(again.doc), `seed ${seed}`).toBe(shown);
      expect(objectsOf(again.doc), `seed ${seed}`).toBe(objectsOf(first));
    }
  });

  it('XML → model → XML is the identity', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const xml = serializeDocument(applyScript(baseDoc(), generateConfig(seed).text, 'gen.crm').doc);
      expect(serializeDocument(parseXml(xml)), `seed ${seed}`).toBe(xml);
    }
  });

  it('the generator covers every object kind', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) for (const l of generateConfig(seed).lines) kinds.add(l.split(' ')[0]!);
    expect([...kinds].sort()).toEqual(
      ['clone', 'colocation', 'group', 'location', 'node', 'op_defaults', 'order', 'primitive', 'property', 'rsc_defaults', 'rsc_template', 'tag'],
    );
  });
});
