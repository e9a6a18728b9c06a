/** Verify's findings point at the word of the statement that produced them (issue 3). */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';

describe('verify findings at their source line', () => {
  it('an unknown parameter points at its word, after a continuation too', async () => {
    const dir = scratchDir();
    copyFileSync(join(import.meta.dirname, '../../fixtures/lower/base.xml'), join(dir, 'cib.xml'));
    const script = writeScript(
      dir,
      'lab.crm',
      [
        'configure',
        'primitive failoverip ocf:heartbeat:IPaddr2 \\',
        '  params ip=172.31.0.100 cidr netmask=16',
        'property stonith-enabled=false',
        'verify',
        '',
      ].join('\n'),
    );
    const r = await runTcrm(['-f', script], { dir, env: { CIB_file: join(dir, 'cib.xml'), TCRM_AGENT_SOURCE: 'bundled' } });
    // `  params ip=172.31.0.100 cidr netmask=16`: cidr is at column 26, netmask at 31.
    expect(r.stderr).toMatch(/ERROR: failoverip: parameter "cidr" is not known\n {2}at \S*lab\.crm:3:26: did you mean 'cidr_netmask'\?/);
    expect(r.stderr).toMatch(/ERROR: failoverip: parameter "netmask" is not known\n {2}at \S*lab\.crm:3:31\n/);
  });
});
