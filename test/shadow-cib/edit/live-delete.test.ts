/**
 * delete/rename on a live CIB ask the cluster whether the resource runs (`crm_resource -W -r ID`,
 * argv through the session's transport) and refuse a running, managed one as crmsh does.
 * The transport here is a recording stand-in; the real one is tested in test/system.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostic.js';
import { splitLogicalLines } from '../../../src/grammar/split-words.js';
import { ConfigureSession } from '../../../src/session/configure-session.js';
import { Session } from '../../../src/session/session.js';
import type { ExecOptions, ExecResult, Transport } from '../../../src/transport/types.js';
import { cibFrom, shown } from './helpers.js';

function liveSession(runningIds: string[]): { session: Session; calls: string[][]; reported: Diagnostic[] } {
  const calls: string[][] = [];
  const reported: Diagnostic[] = [];
  const transport: Transport = {
    where: 'test',
    exec: async (argv: string[], _opts?: ExecOptions): Promise<ExecResult> => {
      calls.push(argv);
      const id = argv[argv.length - 1]!;
      const stdout = runningIds.includes(id) ? `resource ${id} is running on: Lubuntu\n` : `resource ${id} is NOT running\n`;
      return { code: 0, stdout, stderr: '' };
    },
    close: async () => {},
  };
  const session = new Session({
    env: { TCRM_NO_LOCAL_CLUSTER: '1', HOME: '/nonexistent', XDG_STATE_HOME: '/nonexistent' },
    cwd: '/',
    out: { print: () => {}, notice: () => {}, report: (d) => reported.push(d) },
    interactive: false,
    force: false,
    answerNo: false,
    openTransport: async () => transport,
  });
  session.source = { kind: 'live', label: 'live' };
  const { doc } = cibFrom('primitive a Dummy\nprimitive b Dummy\nprimitive c Dummy\ngroup g c\nclone cl g');
  session.configure = new ConfigureSession(doc);
  session.levels = ['configure'];
  return { session, calls, reported };
}

const line = (text: string) => splitLogicalLines(text, 'test')[0]!;

describe('delete on a live CIB', () => {
  it('refuses a running resource and deletes a stopped one', async () => {
    const { session, calls, reported } = liveSession(['a']);
    expect(await session.executeLine(line('delete a b'))).toBe(false);
    expect(calls).toEqual([
      ['crm_resource', '-W', '-r', 'a'],
      ['crm_resource', '-W', '-r', 'b'],
    ]);
    expect(reported.map((d) => d.message)).toEqual(["resource a is running, can't delete it"]);
    expect(shown(session.configure!.working)).toContain('primitive a Dummy');
    expect(shown(session.configure!.working)).not.toContain('primitive b Dummy');
  });

  it('asks about the clone of a cloned member, and refuses to rename a running resource', async () => {
    const { session, calls, reported } = liveSession(['cl']);
    expect(await session.executeLine(line('rename c c2'))).toBe(false);
    expect(calls).toEqual([['crm_resource', '-W', '-r', 'cl']]);
    expect(reported.map((d) => d.message)).toEqual(['cannot rename a running resource (c)']);
  });
});
