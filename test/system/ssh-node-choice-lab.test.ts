/**
 * Node choice on the real two-node lab cluster (test/cluster/lab.sh), through the lab's own
 * ssh_config (HostName, HostKeyAlias, IdentityFile, UserKnownHostsFile: the subset tcrm reads).
 * Both nodes up: the first serves. Lubuntu's corosync crashed: Lubuntu still answers SSH but its
 * partition has no DC (crm_mon fails or reports none), so Lubuntu1, which has quorum and a DC,
 * serves. Takes the lab lock (one lab per machine); a missing prerequisite fails when CI=true.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCluster } from '../../src/transport/cluster.js';
import type { ClusterProfile } from '../../src/transport/profile.js';
import type { Transport } from '../../src/transport/types.js';
import { labCrash, observerSees, waitFor } from '../cluster/lab-control.js';
import type { LabEnv } from '../cluster/lab-env.js';
import { startOwnLab, stopOwnLab } from '../cluster/use-lab-cluster.js';
import { haveOpenSsh, requireOpenSsh } from '../helpers/sshd.js';

requireOpenSsh('the lab node-choice test');
const canRun = haveOpenSsh() && process.getuid?.() === 0;
if (!canRun && process.env.CI === 'true') throw new Error('the lab node-choice test needs root (network namespaces)');

describe.skipIf(!canRun)('node choice on the two-node lab', () => {
  let lab: LabEnv;
  let home: string;
  const profile: ClusterProfile = {
    source: 'lab',
    nodes: [
      { host: 'Lubuntu', spec: 'Lubuntu' },
      { host: 'Lubuntu1', spec: 'Lubuntu1' },
    ],
    sudo: false,
  };
  const open = async (): Promise<{ transport: Transport; notices: string[] }> => {
    const notices: string[] = [];
    const transport = await openCluster(profile, { HOME: home, USER: 'root' }, { notice: (t) => notices.push(t) }, {
      acceptNewHostKey: false,
      lang: 'en',
    });
    return { transport, notices };
  };

  beforeAll(async () => {
    lab = await startOwnLab(2);
    home = mkdtempSync(join(tmpdir(), 'tcrm-lab-home-'));
    mkdirSync(join(home, '.ssh'));
    copyFileSync(lab.sshConfig, join(home, '.ssh', 'config'));
  }, 40 * 60_000);

  afterAll(stopOwnLab, 10 * 60_000);

  it('both nodes up: the first serves, named by its uname; crashed: the quorate one serves', async () => {
    const first = await open();
    expect(first.transport.nodeName).toBe('Lubuntu');
    expect(first.transport.where).toBe('root@Lubuntu');
    const served = first.notices.find((n) => n.startsWith('INFO: using node'));
    expect(served).toMatch(/^INFO: using node Lubuntu \(root@Lubuntu\): its partition has quorum and knows the DC \(Lubuntu1?\)$/);
    // The lab's ssh_config has keywords outside tcrm's subset: named once, as ignored.
    expect(first.notices.filter((n) => n.includes('outside the subset tcrm reads')).length).toBe(1);
    expect((await first.transport.exec(['cibadmin', '-Q', '--scope', 'nodes'])).stdout).toContain('uname="Lubuntu1"');
    await first.transport.close();

    await labCrash('Lubuntu');
    await waitFor('Lubuntu1 to see Lubuntu OFFLINE', 120_000, () => observerSees('Lubuntu1', 'Lubuntu', false));
    const second = await open();
    expect(second.transport.nodeName).toBe('Lubuntu1');
    expect(second.notices.find((n) => n.startsWith('INFO: using node'))).toBe(
      'INFO: using node Lubuntu1 (root@Lubuntu1): its partition has quorum and knows the DC (Lubuntu1)',
    );
    await second.transport.close();
    console.log(lab.dir, 'node choice notices:', [...first.notices, ...second.notices].join(' | '));
  });
});
