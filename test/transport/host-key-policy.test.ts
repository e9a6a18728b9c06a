import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostKeyPolicy, type HostKeyPolicyOptions } from '../../src/transport/host-key-policy.js';

const KEY_A = 'AAAAC3NzaC1lZDI1NTE5AAAAICAXSug0GOyuNoNfCbNJ8evzMdzDkk9q1QEDs1d//3kN';
const KEY_B = 'AAAAC3NzaC1lZDI1NTE5AAAAIKSkL5rQ6TRJUfTLm1hTWTths79di3iI0IPhi7OTqt+8';
const blobA = Buffer.from(KEY_A, 'base64');

const read = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);

function setup(known: string | null, opts: Partial<HostKeyPolicyOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-hk-'));
  const file = join(dir, 'ssh', 'known_hosts');
  if (known !== null) {
    writeFileSync(join(dir, 'kh-seed'), known);
  }
  const notices: string[] = [];
  const policy = hostKeyPolicy({
    name: 'node1',
    userFiles: [known === null ? file : join(dir, 'kh-seed')],
    globalFiles: [join(dir, 'global-missing')],
    acceptNew: false,
    strict: 'ask',
    readText: read,
    notice: (t) => notices.push(t),
    lang: 'en',
    ...opts,
  });
  return { policy, notices, file: known === null ? file : join(dir, 'kh-seed') };
}

describe('host key policy', () => {
  it('unknown: refused by default with the fingerprint and the way to accept', async () => {
    const { policy, file } = setup(null);
    const refusal = await policy.check(blobA);
    expect(refusal).toBe(
      `the host key of node1 is unknown (ssh-ed25519 key, fingerprint SHA256:1EOztbjdfcAWaewpRzQs4/IBeRB+aADUqq/XnLDtObc); it is not in ${file}, ${file.replace('ssh/known_hosts', 'global-missing')}. If that fingerprint is right, run again with --accept-new-host-key to add it to ${file}`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('unknown with ask (the default) at a prompt: OpenSSH\'s question; yes adds the key, no refuses', async () => {
    const questions: string[] = [];
    const yes = setup(null, { askUser: async (q) => (questions.push(q), true) });
    expect(await yes.policy.check(blobA)).toBeNull();
    expect(questions).toEqual([
      `The authenticity of host 'node1' can't be established (ssh-ed25519 key fingerprint SHA256:1EOztbjdfcAWaewpRzQs4/IBeRB+aADUqq/XnLDtObc). Add it to ${yes.file} and continue connecting`,
    ]);
    expect(readFileSync(yes.file, 'utf8')).toBe(`node1 ssh-ed25519 ${KEY_A}\n`);
    expect(await yes.policy.check(blobA)).toBeNull();
    expect(questions).toHaveLength(1); // known now: not asked again

    const no = setup(null, { askUser: async () => false });
    expect(await no.policy.check(blobA)).toMatch(/^the host key of node1 is unknown/);
    expect(existsSync(no.file)).toBe(false);

    let asked = false;
    const strict = setup(null, { strict: 'yes', askUser: async () => (asked = true) });
    expect(await strict.policy.check(blobA)).toMatch(/^the host key of node1 is unknown/);
    expect(asked).toBe(false);
  });

  for (const how of [{ acceptNew: true }, { strict: 'accept-new' as const }, { strict: 'no' as const }]) {
    it(`unknown with ${JSON.stringify(how)}: appended (directory created), then known`, async () => {
      const { policy, file, notices } = setup(null, how);
      expect(await policy.check(blobA)).toBeNull();
      expect(readFileSync(file, 'utf8')).toBe(`node1 ssh-ed25519 ${KEY_A}\n`);
      expect(notices).toEqual([`added the host key of node1 (ssh-ed25519, SHA256:1EOztbjdfcAWaewpRzQs4/IBeRB+aADUqq/XnLDtObc) to ${file}`]);
      expect(policy.knownTypes()).toEqual(['ssh-ed25519']);
      expect(await policy.check(blobA)).toBeNull();
      expect(readFileSync(file, 'utf8').split('\n').length).toBe(2);
    });
  }

  it('an existing file without a final newline keeps its lines', async () => {
    const { policy, file } = setup(`other ssh-ed25519 ${KEY_B}`, { acceptNew: true });
    expect(await policy.check(blobA)).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(`other ssh-ed25519 ${KEY_B}\nnode1 ssh-ed25519 ${KEY_A}\n`);
  });

  it('changed: refused even with StrictHostKeyChecking no and --accept-new-host-key; file untouched', async () => {
    const seed = `# x\nnode1 ssh-ed25519 ${KEY_B}\n`;
    const { policy, file } = setup(seed, { acceptNew: true, strict: 'no' });
    const refusal = await policy.check(blobA);
    expect(refusal).toMatch(new RegExp(`^the host key of node1 has CHANGED: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2 holds another ssh-ed25519 key`));
    expect(readFileSync(file, 'utf8')).toBe(seed);
  });

  it('revoked: refused; cert-authority lines noted once', async () => {
    const { policy, notices } = setup(`@cert-authority * ssh-ed25519 ${KEY_B}\n@revoked node* ssh-ed25519 ${KEY_A}\n`, { acceptNew: true });
    expect(await policy.check(blobA)).toMatch(/^the host key of node1 is revoked \(.*:2\): refusing to connect$/);
    await policy.check(blobA);
    expect(notices.filter((n) => n.includes('@cert-authority')).length).toBe(1);
  });
});
