import { describe, expect, it } from 'vitest';
import { globMatch, hostPatternsMatch, resolveSshConfig } from '../../src/transport/ssh-config.js';

const ctx = { home: '/home/u', localUser: 'u', originalHost: 'node1' };

describe('ssh config patterns', () => {
  it('matches * and ? case-insensitively', () => {
    expect(globMatch('node*', 'Node12')).toBe(true);
    expect(globMatch('node?', 'node12')).toBe(false);
    expect(globMatch('10.200.0.?', '10.200.0.1')).toBe(true);
    expect(globMatch('10.200.0.1', '10x200x0x1')).toBe(false);
  });

  it('a matching negated pattern excludes the block', () => {
    expect(hostPatternsMatch(['node*', '!node2'], 'node1')).toBe(true);
    expect(hostPatternsMatch(['node*', '!node2'], 'node2')).toBe(false);
    expect(hostPatternsMatch(['!node2'], 'node1')).toBe(false);
  });
});

describe('resolveSshConfig', () => {
  const text = `
# global
ConnectTimeout 7
Host lab-* !lab-skip
  HostName %h.example.org
  User=admin
  Port 2222
  IdentityFile ~/.ssh/%r_%h
  IdentityFile "/keys/with space"
  UserKnownHostsFile ~/.ssh/kh_lab /etc/kh_lab
  HostKeyAlias labkey
  StrictHostKeyChecking accept-new
  ForwardAgent yes
Host lab-1
  User other
  Port 3333
  Compression yes
Match host lab-1
  User matched
Host *
  User fallback
  StrictHostKeyChecking no
`;

  it('first obtained value wins and tokens expand after all values are known', () => {
    const c = resolveSshConfig(text, 'lab-1', ctx);
    expect(c.hostName).toBe('lab-1.example.org');
    expect(c.user).toBe('admin');
    expect(c.port).toBe(2222);
    expect(c.connectTimeoutSec).toBe(7);
    expect(c.identityFiles).toEqual(['/home/u/.ssh/admin_lab-1.example.org', '/keys/with space']);
    expect(c.userKnownHostsFiles).toEqual(['/home/u/.ssh/kh_lab', '/etc/kh_lab']);
    expect(c.hostKeyAlias).toBe('labkey');
    expect(c.strictHostKeyChecking).toBe('accept-new');
    expect(c.ignored).toEqual(['forwardagent', 'compression']);
  });

  it('an excluded host falls through to Host *', () => {
    const c = resolveSshConfig(text, 'lab-skip', ctx);
    expect(c.hostName).toBeUndefined();
    expect(c.user).toBe('fallback');
    expect(c.strictHostKeyChecking).toBe('no');
    expect(c.identityFiles).toEqual([]);
    expect(c.ignored).toEqual([]);
  });

  it('empty config: nothing set', () => {
    expect(resolveSshConfig('', 'x', ctx)).toEqual({ identityFiles: [], ignored: [] });
  });

  it('%u, %p, %n, %d, %% and a lone ~', () => {
    const c = resolveSshConfig('Host *\n Port 2200\n IdentityFile %d/%u-%p-%n-%%\n UserKnownHostsFile ~\n', 'node1', ctx);
    expect(c.identityFiles).toEqual(['/home/u/u-2200-node1-%']);
    expect(c.userKnownHostsFiles).toEqual(['/home/u']);
  });
});
