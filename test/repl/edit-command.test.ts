import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../src/session/session.js';
import type { Output } from '../../src/session/output.js';
import { formatDiagnostic } from '../../src/session/output.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';

const BASE = readFileSync(new URL('../../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

interface Rig {
  session: Session;
  out: string[];
  edits: string[];
  questions: string[];
  cib: string;
  run(text: string): Promise<void>;
}

/** A session on a CIB file whose "editor" is a function rewriting the file it is given. */
function rig(editor: (text: string, round: number) => string | null, answers: boolean[] = []): Rig {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-edit-test-'));
  const cib = join(dir, 'cib.xml');
  writeFileSync(cib, BASE);
  const out: string[] = [];
  const edits: string[] = [];
  const questions: string[] = [];
  const output: Output = {
    print: (t) => out.push(t),
    notice: (t) => out.push(t),
    report: (d) => out.push(formatDiagnostic(d).join('\n')),
  };
  let round = 0;
  const session = new Session({
    env: { CIB_file: cib, HOME: dir, XDG_STATE_HOME: dir, XDG_CONFIG_HOME: dir, TCRM_AGENT_SOURCE: 'bundled' },
    cwd: dir,
    out: output,
    interactive: true,
    force: false,
    answerNo: false,
    ask: async (q) => {
      questions.push(q);
      return answers.shift() ?? false;
    },
    editFile: (file) => {
      const text = readFileSync(file, 'utf8');
      edits.push(text);
      const next = editor(text, round++);
      if (next === null) return 1;
      writeFileSync(file, next);
      return 0;
    },
  });
  return {
    session,
    out,
    edits,
    questions,
    cib,
    run: async (text) => {
      for (const line of splitLogicalLines(text, '<test>')) await session.executeLine(line);
    },
  };
}

describe('configure edit', () => {
  it('opens the show text of the named objects and applies the edited text', async () => {
    const r = rig((t) => t.replace('ip=192.168.1.100', 'ip=192.168.1.200'));
    await r.run('configure\nprimitive vip IPaddr2 params ip=192.168.1.100\nprimitive d Dummy\nedit vip\nshow vip');
    expect(r.edits[0]).toBe('primitive vip IPaddr2 \\\n\tparams ip=192.168.1.100\n');
    expect(r.out.join('\n')).toContain('params ip=192.168.1.200');
    // The id of the changed parameter is kept (crmsh inherits old child ids).
    await r.run('show xml vip');
    expect(r.out.join('\n')).toContain('id="vip-instance_attributes-ip"');
  });

  it('deletes an object whose text was removed and adds a new one', async () => {
    const r = rig((t) => t.replace(/primitive d Dummy\n?/, '') + 'primitive e Dummy\n');
    await r.run('configure\nprimitive c Dummy\nprimitive d Dummy\nedit c d\nshow');
    const shown = r.out.join('\n');
    expect(shown).toContain('primitive e Dummy');
    expect(shown).not.toMatch(/primitive d Dummy/);
    expect(shown).toContain('primitive c Dummy');
  });

  it('on a syntax error asks to edit again; the second round fixes it', async () => {
    const r = rig((t, round) => (round === 0 ? t.replace('Dummy', 'Dummy params') + 'primitive\n' : t.replace('primitive\n', '').replace(/\bparams\b/, 'params fake=2')), [true]);
    await r.run('configure\nprimitive d Dummy\nedit d\nshow d');
    expect(r.questions).toEqual(['Edit or discard changes (yes to edit, no to discard)?']);
    expect(r.edits).toHaveLength(2);
    expect(r.out.join('\n')).toContain('params fake=2');
  });

  it('discarding after an error leaves the working CIB as it was', async () => {
    const r = rig((t) => t.replace('primitive d Dummy', 'primitive d Dummy\ngroup g1 nosuch'), [false]);
    await r.run('configure\nprimitive d Dummy\nedit\nshow');
    expect(r.questions).toHaveLength(1);
    const shown = r.out[r.out.length - 1]!;
    expect(shown).toContain('primitive d Dummy');
    expect(shown).not.toContain('group g1');
  });

  it('an unchanged file changes nothing and a failing editor is reported', async () => {
    const same = rig((t) => t);
    await same.run('configure\nproperty stonith-enabled=false\nprimitive d Dummy\ncommit\nedit d');
    expect(same.session.configure!.hasChanges()).toBe(false);
    const failing = rig(() => null);
    await failing.run('configure\nedit');
    expect(failing.out.join('\n')).toContain('exited with status 1');
  });

  it('is refused in batch mode with crmsh\'s line', async () => {
    const r = rig((t) => t);
    r.session.opts.interactive = false;
    await r.run('configure\nedit');
    expect(r.out).toContain('INFO: edit not allowed in batch mode');
  });

  it('edit xml: the objects as show xml prints them; a changed attribute is applied, a removed object deleted', async () => {
    const r = rig((t) => t.replace('value="192.168.1.100"', 'value="192.168.1.200"').replace(/ *<primitive id="d"[^>]*\/>\n/, ''));
    await r.run('configure\nprimitive vip IPaddr2 params ip=192.168.1.100\nprimitive d Dummy\nedit xml vip d\nshow');
    expect(r.edits[0]).toContain('<nvpair name="ip" value="192.168.1.100" id="vip-instance_attributes-ip"/>');
    expect(r.edits[0]).toContain('<primitive id="d" class="ocf" provider="heartbeat" type="Dummy"/>');
    const shown = r.out.join('\n');
    expect(shown).toContain('params ip=192.168.1.200');
    expect(shown).not.toMatch(/primitive d Dummy/);
  });

  it('edit xml: XML that does not parse is reported and, on no, nothing changes', async () => {
    const r = rig((t) => t.replace('<primitive id="vip"', '<primitive id="vip" <oops'), [false]);
    await r.run('configure\nprimitive vip IPaddr2 params ip=192.168.1.100\nedit xml vip\nshow vip');
    expect(r.questions).toEqual(['Edit or discard changes (yes to edit, no to discard)?']);
    expect(r.out.join('\n')).toContain('params ip=192.168.1.100');
  });
});
