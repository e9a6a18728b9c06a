/**
 * Where crmsh 4.4.1 has a bug, tcrm does the right thing (issue 10); the golden cases 570–572
 * record crmsh's behaviour and are marked as divergences, these tests pin tcrm's.
 */
import { describe, expect, it } from 'vitest';
import { applyScript } from '../helpers/apply-script.js';
import { baseDoc } from './lower-helpers.js';
import { showConfiguration } from '../../src/shadow-cib/show.js';
import { serializeDocument } from '../../src/shadow-cib/xml.js';

const prims = 'primitive a Dummy\nprimitive b Dummy\nprimitive c Dummy\n';

describe('crmsh bugs tcrm does not copy', () => {
  it('shows `( a b sequential=yes ) c` back in crm syntax, where crmsh prints raw XML', () => {
    const { doc, errors } = applyScript(baseDoc(), `${prims}colocation c1 inf: ( a b sequential=yes ) c\norder o1 Mandatory: ( a b sequential=yes ) c\n`, 't.crm');
    expect(errors).toEqual([]);
    // The XML is crmsh's (sequential=true is the default, so it is not stored)…
    expect(serializeDocument(doc)).toContain('<resource_set id="c1-0">');
    // …and show brackets the first set so that it reads back as two sets.
    const shown = showConfiguration(doc, { selectors: ['c1', 'o1'], xml: false }).text;
    expect(shown).toBe('colocation c1 inf: ( a b sequential=true ) c\norder o1 Mandatory: ( a b sequential=true ) c');
    const again = applyScript(baseDoc(), `${prims}${shown}\n`, 'again.crm');
    expect(serializeDocument(again.doc)).toBe(serializeDocument(doc).replace(/epoch="\d+"/, (m) => m));
  });

  it('refuses a fractional score instead of storing a score-attribute', () => {
    const { doc, errors } = applyScript(baseDoc(), `${prims}location l5 a 100.5: Lubuntu\n`, 't.crm');
    expect(errors).toEqual(['error: location l5: invalid score 100.5: scores are whole numbers, inf or -inf (line 4)']);
    expect(serializeDocument(doc)).not.toContain('l5');
  });

  it('refuses node $id-ref= instead of taking it for the node name', () => {
    const { doc, errors } = applyScript(baseDoc(), 'node $id-ref=1 Lubuntu\n', 't.crm');
    expect(errors[0]).toMatch(/^error: syntax in node: a node has no \$id-ref/);
    expect(serializeDocument(doc)).not.toContain('$id-ref');
  });
});
