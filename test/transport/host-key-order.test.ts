import { describe, expect, it } from 'vitest';
import { hostKeyAlgorithmOrder } from '../../src/transport/ssh.js';

describe('host key algorithm order', () => {
  it('known key types first, as OpenSSH asks for them', () => {
    expect(hostKeyAlgorithmOrder([])[0]).toBe('ssh-ed25519');
    const rsa = hostKeyAlgorithmOrder(['ssh-rsa']);
    expect(rsa.slice(0, 3)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(rsa).toContain('ssh-ed25519');
    expect(new Set(rsa).size).toBe(rsa.length);
    expect(hostKeyAlgorithmOrder(['ecdsa-sha2-nistp256', 'x-unknown'])[0]).toBe('ecdsa-sha2-nistp256');
  });
});
