/** An error on line N is reported on line N: after `\` continuations, in transcripts, with CRLF, a BOM and tabs. */
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';
import { formatFinding } from '../../src/check/format-text.js';

const check = (text: string, mode?: 'script' | 'configure' | 'transcript') =>
  checkText(Buffer.from(text), 'a.crm', { mode, nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' });

describe('positions', () => {
  it('points into the physical line of a continued statement', () => {
    const text = [
      'property stonith-enabled=false',
      'primitive ip ocf:heartbeat:IPaddr \\',
      '    params ip=10.0.0.1 \\',
      '    cidr=24 \\',
      '    op monitor interval=10s',
      'location l \\',
      '  ipp 100: Lubuntu',
    ].join('\n');
    const r = check(text);
    expect(r.findings.map((f) => [f.line, f.column, f.code])).toEqual([
      [4, 5, 'TCRM2021'],
      [7, 3, 'TCRM2020'],
    ]);
  });

  it('points into the file in a transcript, on the wrapped line', () => {
    const text = [
      'Some text from the handout',
      'root@Lubuntu:~# crm configure',
      'crm(live)configure# property stonith-enabled=false',
      'crm(live)configure# primitive ip ocf:heartbeat:IPaddr params ip=10.0',
      '.0.1 netmask=24',
      'crm(live)configure# commit',
    ].join('\n');
    const r = check(text);
    // the refused commit leaves the changes uncommitted when the transcript ends
    expect(r.findings.map((f) => [f.line, f.column, f.code])).toEqual([
      [4, 21, 'TCRM2044'],
      [5, 6, 'TCRM2021'],
      [6, 21, 'TCRM2032'],
    ]);
  });

  it('counts columns after a BOM and with CRLF, and lines the caret up under tabs', () => {
    const text = '\ufeffproperty stonith-enabled=false\r\nprimitive ip ocf:heartbeat:IPaddr \\\r\n\tparams ip=10.0.0.1 \\\r\n\top monitr interval=10s\r\n';
    const r = check(text);
    expect(r.findings.map((f) => [f.line, f.column, f.code])).toEqual([[4, 5, 'TCRM2024']]);
    const shown = formatFinding('a.crm', r.findings[0]!, r.lines, 'en');
    expect(shown.split('\n')[2]).toBe('     | \t   ^~~~~~');
  });

  it('prints compiler-style lines with a did-you-mean', () => {
    const r = check('property stonith-enabled=false\nprimitive failoverip IPaddr ip=10.0.0.1\nlocation l failover_ip 100: Lubuntu\n');
    const shown = formatFinding('answer.crm', r.findings[0]!, r.lines, 'en').split('\n');
    expect(shown[0]).toBe('answer.crm:3:12: error: resource "failover_ip" does not exist — did you mean "failoverip"? [TCRM2020]');
    expect(shown[1]).toBe('   3 | location l failover_ip 100: Lubuntu');
    expect(shown[2]).toBe('     |            ^~~~~~~~~~~');
  });
});
