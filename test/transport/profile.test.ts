import { describe, expect, it } from 'vitest';
import { parseHosts, resolveProfile } from '../../src/transport/profile.js';

const files = (map: Record<string, string>) => (path: string) => map[path] ?? null;

describe('--hosts and TCRM_HOSTS', () => {
  it('user@host[:port], IPv6 in brackets, spaces around commas', () => {
    const r = parseHosts('root@10.200.0.11, 10.200.0.12:2222 ,admin@[::1]:22', '--hosts');
    expect(r).toEqual({
      ok: true,
      value: [
        { user: 'root', host: '10.200.0.11', spec: 'root@10.200.0.11' },
        { host: '10.200.0.12', port: 2222, spec: '10.200.0.12:2222' },
        { user: 'admin', host: '::1', port: 22, spec: 'admin@[::1]:22' },
      ],
    });
  });

  it('rejects a bad port, a space inside, an empty list', () => {
    for (const bad of ['h:0', 'h:70000', 'a b', '', ' , ', 'u@', 'h:x']) {
      const r = parseHosts(bad, '--hosts');
      expect(r.ok, bad).toBe(false);
    }
    const r = parseHosts('h:99999', '--hosts');
    expect(!r.ok && r.error).toBe('invalid host h:99999 in --hosts (expected [user@]host[:port], comma-separated)');
  });

  it('--hosts wins over -C and TCRM_HOSTS; none → null', () => {
    const env = { HOME: '/h', TCRM_HOSTS: 'b' };
    const r = resolveProfile({ hosts: 'a', profile: 'x' }, env, files({}));
    expect(r?.ok && r.value.nodes[0]!.host).toBe('a');
    const t = resolveProfile({}, env, files({}));
    expect(t?.ok && t.value.source).toBe('TCRM_HOSTS');
    expect(resolveProfile({}, { HOME: '/h' }, files({}))).toBeNull();
  });
});

describe('clusters.conf', () => {
  const conf = `# tcrm profiles
[lab]
hosts = root@10.200.0.11, 10.200.0.12   # two nodes
user = admin
sudo = yes
identity = ~/.ssh/lab, /keys/other
known_hosts = ~/.ssh/kh_lab
connect_timeout = 3
command-timeout = 60

[bad-sudo]
hosts = a
sudo = maybe

[empty]
user = x
`;
  const env = { HOME: '/h', XDG_CONFIG_HOME: '/cfg' };
  const read = files({ '/cfg/tcrm/clusters.conf': conf });

  it('reads a profile', () => {
    const r = resolveProfile({ profile: 'lab' }, env, read);
    expect(r).toEqual({
      ok: true,
      value: {
        source: 'lab',
        nodes: [
          { user: 'root', host: '10.200.0.11', spec: 'root@10.200.0.11' },
          { host: '10.200.0.12', spec: '10.200.0.12' },
        ],
        user: 'admin',
        sudo: true,
        identityFiles: ['/h/.ssh/lab', '/keys/other'],
        knownHostsFile: '/h/.ssh/kh_lab',
        connectTimeoutSec: 3,
        commandTimeoutSec: 60,
      },
    });
  });

  it('default path is ~/.config/tcrm/clusters.conf', () => {
    const r = resolveProfile({ profile: 'lab' }, { HOME: '/h' }, files({ '/h/.config/tcrm/clusters.conf': conf }));
    expect(r?.ok).toBe(true);
  });

  it('errors name the file and line', () => {
    const missing = resolveProfile({ profile: 'nope' }, env, read);
    expect(!missing!.ok && missing!.error).toBe('no cluster profile named nope in /cfg/tcrm/clusters.conf');
    const sudo = resolveProfile({ profile: 'bad-sudo' }, env, read);
    expect(!sudo!.ok && sudo!.error).toMatch(/^\/cfg\/tcrm\/clusters\.conf:13: sudo must be yes or no/);
    const empty = resolveProfile({ profile: 'empty' }, env, read);
    expect(!empty!.ok && empty!.error).toBe('cluster profile empty in /cfg/tcrm/clusters.conf names no hosts');
    const junk = resolveProfile({ profile: 'x' }, env, files({ '/cfg/tcrm/clusters.conf': 'hosts = a\n' }));
    expect(!junk!.ok && junk!.error).toMatch(/:1: a setting before any \[profile\] header/);
    const unknown = resolveProfile({ profile: 'x' }, env, files({ '/cfg/tcrm/clusters.conf': '[x]\nhosts=a\npassword = s3cret\n' }));
    expect(!unknown!.ok && unknown!.error).toMatch(/:3: unknown setting password/);
  });
});
