import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTcrm, scratchDir, writeScript } from '../helpers/run-tcrm.js';

const BASE = readFileSync(new URL('../../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

describe('cib level on a CIB file', () => {
  it('edits a shadow, leaves the CIB file alone until cib commit, then merges into it', async () => {
    const dir = scratchDir();
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, BASE);
    const script = writeScript(
      dir,
      'lab.crm',
      [
        'cib new config',
        'configure',
        'primitive failoverip ocf:heartbeat:IPaddr params ip=192.168.1.100 cidr_netmask=24 op monitor interval=10s',
        'property stonith-enabled=false',
        'location preferred-Lubuntu failoverip 100: Lubuntu',
        'end',
      ].join('\n'),
    );
    const r1 = await runTcrm(['-f', script], { dir, env: { CIB_file: cib } });
    expect(r1.stdout).toContain('INFO: cib.new: config shadow CIB created');
    expect(r1.code).toBe(0);
    expect(readFileSync(cib, 'utf8')).toBe(BASE);
    const shadow = readFileSync(join(dir, 'shadows', 'shadow.config'), 'utf8');
    expect(shadow).toContain('failoverip-instance_attributes-ip');

    const r2 = await runTcrm(['cib', 'commit', 'config'], { dir, env: { CIB_file: cib } });
    expect(r2.stdout).toContain("INFO: cib.commit: committed 'config' shadow CIB to the cluster");
    expect(r2.code).toBe(0);
    const after = readFileSync(cib, 'utf8');
    expect(after).toContain('<rsc_location id="preferred-Lubuntu" rsc="failoverip" score="100" node="Lubuntu"/>');
  });

  it('refuses to overwrite an existing shadow without force, and cib use checks the name', async () => {
    const dir = scratchDir();
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, BASE);
    const script = writeScript(dir, 's.crm', 'cib new a\ncib new a\ncib use nosuch\ncib new a force\n');
    const r = await runTcrm(['-f', script], { dir, env: { CIB_file: cib } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("A shadow instance 'a' already exists.");
    expect(r.stderr).toContain('ERROR: cib.use: nosuch: no such shadow CIB');
    expect(r.stdout.match(/shadow CIB created/g)?.length).toBe(2);
  });

  it('works on the offline default CIB and says so on stderr only', async () => {
    const dir = scratchDir();
    const r = await runTcrm(['configure', 'property', 'stonith-enabled=false'], { dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^offline: working on .*offline\.cib\.xml/m);
    expect(r.stdout).not.toMatch(/offline/);
    const offline = join(dir, 'state', 'tcrm', 'offline.cib.xml');
    expect(existsSync(offline)).toBe(true);
    expect(readFileSync(offline, 'utf8')).toContain('cib-bootstrap-options-stonith-enabled');
    const show = await runTcrm(['configure', 'show'], { dir });
    expect(show.stdout).toBe('property cib-bootstrap-options: \\\n\tstonith-enabled=false\n');
  });
});
