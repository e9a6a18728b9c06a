/** crmsh's can_delete on a live CIB: running, managed, not a group. */
import { describe, expect, it } from 'vitest';
import { canDelete, saysRunning, statusIdFor } from '../../../src/shadow-cib/edit/running.js';
import { cibFrom } from './helpers.js';

describe('running resources on a live CIB', () => {
  it('reads crm_resource -W as crmsh does', () => {
    expect(saysRunning('resource a is running on: Lubuntu\n')).toBe(true);
    expect(saysRunning('resource a is NOT running\n')).toBe(false);
  });

  it('asks about the clone of a cloned resource, through its group', () => {
    const { doc } = cibFrom('primitive a Dummy\nprimitive b Dummy\ngroup g a\nclone cl g');
    expect(statusIdFor(doc, 'a')).toBe('cl');
    expect(statusIdFor(doc, 'b')).toBe('b');
  });

  it('lets a stopped, unmanaged or group resource go, not a running managed one', () => {
    const { doc } = cibFrom('primitive a Dummy\nprimitive u Dummy meta is-managed=false\nprimitive b Dummy\ngroup g b');
    expect(canDelete(doc, 'a', false)).toBe(true);
    expect(canDelete(doc, 'a', true)).toBe(false);
    expect(canDelete(doc, 'u', true)).toBe(true);
    expect(canDelete(doc, 'g', true)).toBe(true);
    const m = cibFrom('primitive a Dummy\nproperty maintenance-mode=true');
    expect(canDelete(m.doc, 'a', true)).toBe(true);
  });
});
