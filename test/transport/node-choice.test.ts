import { describe, expect, it } from 'vitest';
import { parseProbe, servesWell } from '../../src/transport/node-choice.js';

const mon = (dc: string) => `Lubuntu1\n<pacemaker-result api-version="2.25">\n  <summary>\n    ${dc}\n  </summary>\n  <status code="0" message="OK"/>\n</pacemaker-result>\n`;

describe('node choice probe', () => {
  it('quorate with a DC (as crm_mon 2.1.5 prints it)', () => {
    const r = parseProbe(0, mon('<current_dc present="true" version="2.1.5" name="Lubuntu" id="1" with_quorum="true" mixed_version="false"/>'), '');
    expect(r).toEqual({ nodeName: 'Lubuntu1', dc: 'Lubuntu', quorate: true });
    expect(servesWell(r)).toBe(true);
  });

  it('a DC without quorum, no DC, crm_mon failing', () => {
    const noQuorum = parseProbe(0, mon('<current_dc present="true" name="Lubuntu1" id="2" with_quorum="false"/>'), '');
    expect(servesWell(noQuorum)).toBe(false);
    const noDc = parseProbe(0, mon('<current_dc present="false"/>'), '');
    expect(noDc).toEqual({ nodeName: 'Lubuntu1', quorate: false });
    const failed = parseProbe(102, 'n1\n', 'crm_mon: Error: cluster is not available on this node\n');
    expect(failed).toEqual({ nodeName: 'n1', quorate: false, problem: 'crm_mon: Error: cluster is not available on this node' });
  });

  it('an escaped DC name is unescaped', () => {
    expect(parseProbe(0, mon('<current_dc present="true" name="a&amp;b" with_quorum="true"/>'), '').dc).toBe('a&b');
  });
});
