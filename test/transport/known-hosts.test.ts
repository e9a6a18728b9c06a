import { describe, expect, it } from 'vitest';
import {
  checkHostKey,
  entryNamesMatch,
  fingerprint,
  keyTypeOf,
  knownHostsLine,
  knownHostsName,
  knownKeyTypes,
  parseKnownHosts,
} from '../../src/transport/known-hosts.js';

// Two ed25519 keys made with ssh-keygen; the fingerprint is what `ssh-keygen -lf` printed, the
// hashed line what `ssh-keygen -H` wrote for `[node1]:2222`.
const KEY_A = 'AAAAC3NzaC1lZDI1NTE5AAAAICAXSug0GOyuNoNfCbNJ8evzMdzDkk9q1QEDs1d//3kN';
const KEY_B = 'AAAAC3NzaC1lZDI1NTE5AAAAIKSkL5rQ6TRJUfTLm1hTWTths79di3iI0IPhi7OTqt+8';
const FP_A = 'SHA256:1EOztbjdfcAWaewpRzQs4/IBeRB+aADUqq/XnLDtObc';
const HASHED_NODE1_2222 = '|1|5P6GMZEgcTBqC37qypZiWbjQ36E=|EePVn7/rPbC7cuVi+25olGv6z2Y=';
const blobA = Buffer.from(KEY_A, 'base64');
const blobB = Buffer.from(KEY_B, 'base64');

const entries = (text: string) => parseKnownHosts({ path: '/kh', text });

describe('known_hosts', () => {
  it('fingerprint and key type as OpenSSH prints them', () => {
    expect(fingerprint(blobA)).toBe(FP_A);
    expect(keyTypeOf(blobA)).toBe('ssh-ed25519');
  });

  it('names: [host]:port off 22; an alias has no port', () => {
    expect(knownHostsName('node1', 22)).toBe('node1');
    expect(knownHostsName('node1', 2222)).toBe('[node1]:2222');
    expect(knownHostsName('10.0.0.1', 2222, 'lab')).toBe('lab');
  });

  it('plain, comma-separated, wildcard, negated and hashed names', () => {
    expect(entryNamesMatch('node1,10.0.0.1', '10.0.0.1')).toBe(true);
    expect(entryNamesMatch('node*,!node3', 'node3')).toBe(false);
    expect(entryNamesMatch('[node1]:2222', '[node1]:2222')).toBe(true);
    expect(entryNamesMatch('[node1]:2222', 'node1')).toBe(false);
    expect(entryNamesMatch(HASHED_NODE1_2222, '[node1]:2222')).toBe(true);
    expect(entryNamesMatch(HASHED_NODE1_2222, 'node1')).toBe(false);
    expect(entryNamesMatch('|1|garbage', 'node1')).toBe(false);
  });

  it('known, changed (with its line), unknown', () => {
    const e = entries(`# comment\n\nother ssh-ed25519 ${KEY_B}\nnode1,n1 ssh-ed25519 ${KEY_A} a comment\n`);
    expect(checkHostKey(e, 'n1', blobA).kind).toBe('known');
    const changed = checkHostKey(e, 'node1', blobB);
    expect(changed.kind).toBe('changed');
    expect(changed.kind === 'changed' && changed.entry.lineNo).toBe(4);
    expect(checkHostKey(e, 'node9', blobA).kind).toBe('unknown');
  });

  it('a hashed entry is found for [host]:port', () => {
    const e = entries(`${HASHED_NODE1_2222} ssh-ed25519 ${KEY_A}\n`);
    expect(checkHostKey(e, '[node1]:2222', blobA).kind).toBe('known');
    expect(checkHostKey(e, '[node1]:2222', blobB).kind).toBe('changed');
    expect(checkHostKey(e, 'node1', blobA).kind).toBe('unknown');
  });

  it('a key of another type known for the host is not a change', () => {
    const e = entries(`node1 ecdsa-sha2-nistp256 AAAAE2VjZHNh\n`);
    expect(checkHostKey(e, 'node1', blobA).kind).toBe('unknown');
    expect(knownKeyTypes(e, 'node1')).toEqual(['ecdsa-sha2-nistp256']);
  });

  it('@revoked refuses the key for any host; @cert-authority lines never match a key', () => {
    const e = entries(`@revoked * ssh-ed25519 ${KEY_A}\n@cert-authority *.lab ssh-ed25519 ${KEY_B}\nnode1 ssh-ed25519 ${KEY_A}\n`);
    expect(checkHostKey(e, 'node1', blobA).kind).toBe('revoked');
    expect(checkHostKey(e, 'x.lab', blobB).kind).toBe('unknown');
    expect(e[1]!.marker).toBe('cert-authority');
  });

  it('the appended line is one the parser reads back as known', () => {
    const line = knownHostsLine('[127.0.0.1]:2222', blobA);
    expect(line).toBe(`[127.0.0.1]:2222 ssh-ed25519 ${KEY_A}`);
    expect(checkHostKey(entries(line + '\n'), '[127.0.0.1]:2222', blobA).kind).toBe('known');
  });
});
