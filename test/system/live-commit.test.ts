/**
 * The live commit against the real cibadmin, through LocalTransport with CIB_file in the
 * environment of the node's tools (cibadmin reads and writes the file as it would the cluster):
 * exact apply, a CIB changed behind tcrm's back (another object: merged; the same object:
 * refused, then forced), 103 when it moves between read and apply, a truncated stream applying
 * nothing, a dropped connection reconciled, values that would be shell or XML syntax, and a
 * whole session (configure, commit, cib new/diff/commit) on the live source.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFramed } from '../../src/commit/framed.js';
import { holdsConfiguration } from '../../src/commit/live-confirm.js';
import { readLiveCib, versionOf } from '../../src/commit/live-read.js';
import { commitLive, type LiveCommitOptions } from '../../src/commit/live-target.js';
import { createPatch } from '../../src/commit/patch.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { Session } from '../../src/session/session.js';
import { streamOutput } from '../../src/session/output.js';
import { escapeAttr, firstChild, parseXml, serializeDocument, type Document, type Element } from '../../src/shadow-cib/xml.js';
import { LocalTransport } from '../../src/transport/local.js';
import { TransportError, type ExecOptions, type ExecResult, type Transport } from '../../src/transport/types.js';
import { startCib } from '../commit/live-mutator.js';
import { requireTool } from './live-prereq.js';

function scratch(): { dir: string; cib: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-live-commit-'));
  const cib = join(dir, 'cib.xml');
  writeFileSync(cib, startCib());
  // Let cibadmin write it once, so later comparisons see its own formatting.
  cibadmin(cib, ['-M', '-X', '<cib admin_epoch="0"/>']);
  return { dir, cib };
}

function cibadmin(file: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('cibadmin', args, { env: { ...process.env, CIB_file: file, LC_ALL: 'C' }, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const local = (): Transport => new LocalTransport({ PATH: process.env.PATH });

async function load(t: Transport, cib: string): Promise<Document> {
  const r = await readLiveCib(t, { env: { CIB_file: cib } });
  if (!r.doc) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.doc;
}

function copy(doc: Document): Document {
  return parseXml(serializeDocument(doc));
}

function resources(doc: Document): Element {
  return firstChild(firstChild(doc.documentElement!, 'configuration')!, 'resources')!;
}

function addPrimitive(doc: Document, id: string, params: Record<string, string> = {}): Document {
  const nv = Object.entries(params)
    .map(([n, v], i) => `<nvpair id="${escapeAttr(id)}-ia-${i}" name="${n}" value="${escapeAttr(v)}"/>`)
    .join('');
  const xml = `<primitive id="${escapeAttr(id)}" class="ocf" provider="heartbeat" type="Dummy"><instance_attributes id="${escapeAttr(id)}-ia">${nv}</instance_attributes></primitive>`;
  resources(doc).appendChild(doc.importNode(parseXml(xml).documentElement!, true));
  return doc;
}

function setNvpair(doc: Document, id: string, value: string): Document {
  const all = doc.getElementsByTagName('nvpair');
  for (let i = 0; i < all.length; i++) if (all.item(i)!.getAttribute('id') === id) all.item(i)!.setAttribute('value', value);
  return doc;
}

function fileDoc(cib: string): Document {
  return parseXml(readFileSync(cib, 'utf8'));
}

function opts(cib: string, more: Partial<LiveCommitOptions> = {}): LiveCommitOptions {
  return { env: { CIB_file: cib }, force: false, replace: false, reconnect: async () => local(), ...more };
}

const codes = (r: { diagnostics: Array<{ code: string }> }): string[] => r.diagnostics.map((d) => d.code);

describe('live commit through the framed transfer (LocalTransport, CIB_file)', () => {
  it('applies exactly the working configuration and confirms it', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    const working = setNvpair(addPrimitive(copy(loaded), 'new1', { state: '/run/new1' }), 'p1-instance_attributes-state', '/run/changed');
    const r = await commitLive(t, loaded, working, opts(cib));
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.execs).toBe(2); // the framed apply (versioned: no read before it), the confirming read
    expect(holdsConfiguration(fileDoc(cib), working)).toBe(true);
    expect(versionOf(fileDoc(cib)).epoch).toBe(versionOf(loaded).epoch + 1);
    expect(holdsConfiguration(r.after!.doc, working)).toBe(true);
  });

  it('merges a change made behind its back to another object', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    expect(cibadmin(cib, ['-C', '-o', 'resources', '-X', '<primitive id="theirs" class="ocf" provider="heartbeat" type="Dummy"/>']).code).toBe(0);
    const working = addPrimitive(copy(loaded), 'ours');
    const r = await commitLive(t, loaded, working, opts(cib));
    expect(r.ok).toBe(true);
    expect(r.merged).toBe(true);
    expect(codes(r)).toEqual(['TCRM4106']);
    const text = readFileSync(cib, 'utf8');
    expect(text).toContain('id="theirs"');
    expect(text).toContain('id="ours"');
  });

  it('refuses when the same object changed on both sides, then applies ours with force', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    expect(cibadmin(cib, ['-M', '-X', '<nvpair id="p1-instance_attributes-state" value="/run/theirs"/>']).code).toBe(0);
    const before = readFileSync(cib, 'utf8');
    const working = setNvpair(copy(loaded), 'p1-instance_attributes-state', '/run/ours');
    const refused = await commitLive(t, loaded, working, opts(cib));
    expect(refused.ok).toBe(false);
    expect(codes(refused)).toEqual(['TCRM4111', 'TCRM4010']);
    expect(refused.diagnostics[1]!.message).toContain('resource p1');
    expect(refused.diagnostics[1]!.hint).toContain('/run/ours');
    expect(refused.diagnostics[1]!.hint).toContain('/run/theirs');
    expect(readFileSync(cib, 'utf8')).toBe(before);

    const forced = await commitLive(t, loaded, working, opts(cib, { force: true }));
    expect(forced.ok).toBe(true);
    expect(readFileSync(cib, 'utf8')).toContain('value="/run/ours"');
  });

  it('meets 103 when the CIB moved since it was loaded, and again between its re-read and its apply: merges each time', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    const working = addPrimitive(copy(loaded), 'ours');
    const r = await commitLive(t, loaded, working, opts(cib, {
      beforeApply: (attempt) => {
        if (attempt < 2) cibadmin(cib, ['-C', '-o', 'resources', '-X', `<primitive id="sneaky${attempt}" class="ocf" provider="heartbeat" type="Dummy"/>`]);
      },
    }));
    expect(codes(r)).toEqual(['TCRM4106', 'TCRM4107']);
    expect(r.ok).toBe(true);
    expect(r.execs).toBe(6); // apply (103), read, apply (103), read, apply, confirming read
    const text = readFileSync(cib, 'utf8');
    expect(text).toContain('id="sneaky0"');
    expect(text).toContain('id="sneaky1"');
    expect(text).toContain('id="ours"');
  });

  it('stale patch: cibadmin itself answers 103 to a patch made from an older CIB', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    cibadmin(cib, ['-C', '-o', 'resources', '-X', '<primitive id="later" class="ocf" provider="heartbeat" type="Dummy"/>']);
    const patch = createPatch(loaded, addPrimitive(copy(loaded), 'ours'), { expect: versionOf(loaded) });
    const before = readFileSync(cib, 'utf8');
    const r = await runFramed(t, 'patch', patch.xml, { env: { CIB_file: cib } });
    expect(r.code).toBe(103);
    expect(r.stderr).toContain('Update was older than existing configuration');
    expect(readFileSync(cib, 'utf8')).toBe(before);
  });

  it('applies nothing from a truncated stream (fewer bytes than announced) or a corrupted one', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    const working = copy(loaded);
    for (let i = 0; i < 50; i++) addPrimitive(working, `many${i}`, { state: `/run/many${i}` });
    const before = readFileSync(cib, 'utf8');
    const payload = Buffer.from(createPatch(loaded, working).xml);
    // Cut after the second of many changes: cibadmin alone would repair and apply the rest.
    const cut = payload.subarray(0, payload.indexOf('<change', payload.indexOf('<change') + 10) + 300);
    const short = await runFramed(t, 'patch', payload, { env: { CIB_file: cib }, stdinOverride: cut });
    expect(short.code).toBe(93);
    const flipped = Buffer.from(payload);
    flipped[200] = flipped[200]! ^ 1;
    expect((await runFramed(t, 'patch', payload, { env: { CIB_file: cib }, stdinOverride: flipped })).code).toBe(94);
    expect(readFileSync(cib, 'utf8')).toBe(before);

    const viaCommit = await commitLive(t, loaded, working, opts(cib, { mangleStdin: (b) => b.subarray(0, b.length >> 1) }));
    expect(viaCommit.ok).toBe(false);
    expect(codes(viaCommit)).toEqual(['TCRM4109']);
    expect(viaCommit.diagnostics[0]!.message).toContain('fewer bytes arrived than were sent');
    expect(readFileSync(cib, 'utf8')).toBe(before);
  });

  it('after a dropped connection: finds the commit applied, or not applied and sends it again', async () => {
    if (!requireTool('cibadmin')) return;
    for (const [runFirst, meanwhile] of [[true, false], [false, false], [true, true], [false, true]] as const) {
      const { cib } = scratch();
      // The apply's connection "drops": after running the command, or before it ran.
      const dropping = new DroppingTransport(local(), runFirst);
      const loaded = await load(dropping, cib);
      // Someone else changes another object before the apply (so a patch that ran got 103).
      if (meanwhile) cibadmin(cib, ['-C', '-o', 'resources', '-X', '<primitive id="theirs" class="ocf" provider="heartbeat" type="Dummy"/>']);
      const working = addPrimitive(copy(loaded), 'ours');
      let reconnects = 0;
      const r = await commitLive(dropping, loaded, working, opts(cib, { reconnect: async () => (reconnects++, local()) }));
      expect(reconnects).toBe(1);
      expect(r.ok).toBe(true);
      const landed = runFirst && !meanwhile;
      expect(r.outcome ?? 'resent').toBe(landed ? 'applied' : 'resent');
      expect(codes(r)).toEqual(landed ? ['TCRM4101', 'TCRM4102'] : meanwhile ? ['TCRM4101', 'TCRM4103', 'TCRM4106'] : ['TCRM4101', 'TCRM4103']);
      expect(readFileSync(cib, 'utf8')).toContain('id="ours"');
      if (meanwhile) expect(readFileSync(cib, 'utf8')).toContain('id="theirs"');
      else expect(holdsConfiguration(fileDoc(cib), working)).toBe(true);
      expect(versionOf(fileDoc(cib)).epoch).toBe(versionOf(loaded).epoch + (meanwhile ? 2 : 1));
    }
  });

  it('turns cibadmin\'s refusal into crmsh\'s lines and a clear meaning (78: schema), leaving the CIB as it was', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    const working = copy(loaded);
    resources(working).appendChild(working.importNode(parseXml('<primitive id="bad" class="ocf"/>').documentElement!, true));
    const before = readFileSync(cib, 'utf8');
    const r = await commitLive(t, loaded, working, opts(cib));
    expect(r.ok).toBe(false);
    const lines = r.diagnostics.map((d) => d.message);
    expect(lines[0]).toBe('could not patch cib (rc=78)');
    expect(lines).toContain('Call failed: Update does not conform to the configured schema');
    expect(lines).toContain('cibadmin exit 78: the result does not conform to the CIB schema');
    expect(lines.some((l) => /^\s*\d+\s+</.test(l))).toBe(false);
    expect(lines[lines.length - 1]).toMatch(/^offending xml diff: <diff format="2">/);
    expect(readFileSync(cib, 'utf8')).toBe(before);
  });

  it('commit replace: refused when the CIB moved, forced replaces the configuration whole', async () => {
    if (!requireTool('cibadmin')) return;
    const { cib } = scratch();
    const t = local();
    const loaded = await load(t, cib);
    cibadmin(cib, ['-C', '-o', 'resources', '-X', '<primitive id="theirs" class="ocf" provider="heartbeat" type="Dummy"/>']);
    const working = addPrimitive(copy(loaded), 'ours');
    const refused = await commitLive(t, loaded, working, opts(cib, { replace: true }));
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics.map((d) => d.message)).toEqual(["CIB changed in the meantime: won't touch it!"]);
    const forced = await commitLive(t, loaded, working, opts(cib, { replace: true, force: true }));
    expect(forced.ok).toBe(true);
    expect(holdsConfiguration(fileDoc(cib), working)).toBe(true);
    expect(readFileSync(cib, 'utf8')).not.toContain('id="theirs"');
  });

  it('carries ids and values with quotes, ;, $(…), backticks, newlines, <, & and non-ASCII unharmed, running nothing', async () => {
    if (!requireTool('cibadmin')) return;
    const { dir, cib } = scratch();
    const canary = join(dir, 'pwned');
    const t = local();
    const loaded = await load(t, cib);
    const values = {
      a: `$(touch ${canary})`,
      b: `\`touch ${canary}\``,
      c: `'; touch ${canary}; '`,
      d: `"; touch ${canary}; "`,
      e: 'x <y> & z &amp;',
      f: 'line1\nline2',
      g: 'é ü 日本 ✓',
    };
    const working = addPrimitive(copy(loaded), 'weird.id-é_1', values);
    const r = await commitLive(t, loaded, working, opts(cib));
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    expect(existsSync(canary)).toBe(false);
    expect(holdsConfiguration(fileDoc(cib), working)).toBe(true);
  });

  it('a whole session on the live source: configure commit, cib new / diff / commit merged against its base', async () => {
    if (!requireTool('cibadmin')) return;
    const { dir, cib } = scratch();
    let stdout = '';
    let stderr = '';
    const env = {
      HOME: dir,
      XDG_STATE_HOME: join(dir, 'state'),
      CIB_shadow_dir: join(dir, 'shadows'),
      TCRM_NO_LOCAL_CLUSTER: '1',
      PATH: process.env.PATH,
      LANG: 'C',
    };
    let opened = 0;
    const session = new Session({
      env,
      cwd: dir,
      out: streamOutput((s) => (stdout += s), (s) => (stderr += s)),
      interactive: false,
      force: false,
      answerNo: false,
      openTransport: async () => (opened++, new LocalTransport({ PATH: process.env.PATH, CIB_file: cib })),
    });
    expect(session.source.kind).toBe('live');
    const lines = [
      'configure primitive web ocf:heartbeat:Dummy params state=/run/web',
      'cib new work',
      'configure primitive db ocf:heartbeat:Dummy',
      'cib diff',
      'cib use live',
    ];
    for (const line of splitLogicalLines(lines.join('\n'), 'script')) {
      expect(await session.executeLine(line), `${line.text}\n${stdout}\n${stderr}`).toBe(true);
    }
    expect(readFileSync(cib, 'utf8')).toContain('id="web"');
    expect(readFileSync(cib, 'utf8')).not.toContain('id="db"');
    expect(stdout).toContain('INFO: cib.new: work shadow CIB created');
    expect(stdout).toMatch(/\+\+ \/cib\/configuration\/resources:  <primitive id="db"/);
    // Someone else edits another object of the live CIB; the shadow is merged, not replaced.
    cibadmin(cib, ['-C', '-o', 'resources', '-X', '<primitive id="theirs" class="ocf" provider="heartbeat" type="Dummy"/>']);
    for (const line of splitLogicalLines('cib commit work', 'script')) expect(await session.executeLine(line), stderr).toBe(true);
    const text = readFileSync(cib, 'utf8');
    expect(text).toContain('id="db"');
    expect(text).toContain('id="theirs"');
    expect(text).toContain('id="web"');
    expect(stdout).toContain("INFO: cib.commit: committed 'work' shadow CIB to the cluster");
    await session.finish();
    expect(opened).toBe(1);
  });
});

describe('cib import and a shadow with no known base, on the live source', () => {
  it('imports a CIB file as a shadow; committing it asks, then (-F) replaces the configuration', async () => {
    if (!requireTool('cibadmin')) return;
    const { dir, cib } = scratch();
    const imported = join(dir, 'other.xml');
    writeFileSync(imported, serializeDocument(addPrimitive(fileDoc(cib), 'fromfile')));
    cibadmin(cib, ['-C', '-o', 'resources', '-X', '<primitive id="goes-away" class="ocf" provider="heartbeat" type="Dummy"/>']);
    for (const force of [false, true]) {
      let stdout = '';
      let stderr = '';
      const session = new Session({
        env: { HOME: dir, XDG_STATE_HOME: join(dir, 'state'), CIB_shadow_dir: join(dir, 'shadows'), TCRM_NO_LOCAL_CLUSTER: '1', PATH: process.env.PATH, LANG: 'C' },
        cwd: dir,
        out: streamOutput((s) => (stdout += s), (s) => (stderr += s)),
        interactive: false,
        force,
        answerNo: false,
        openTransport: async () => new LocalTransport({ PATH: process.env.PATH, CIB_file: cib }),
      });
      const run = async (text: string) => session.executeLine(splitLogicalLines(text, 'script')[0]!);
      expect(await run(`cib import ${imported} imp`), stderr).toBe(true);
      expect(session.source.shadow).toBe('imp');
      const committed = await run('cib commit imp');
      expect(stdout).toMatch(/\+\+ \/cib\/configuration\/resources:  <primitive id="fromfile"/);
      expect(stdout).toMatch(/-- \/cib\/configuration\/resources\/primitive\[@id='goes-away'\]/);
      if (!force) {
        expect(committed).toBe(false);
        expect(stderr).toContain('ERROR: cib.commit: failed to commit the imp shadow CIB');
        expect(readFileSync(cib, 'utf8')).toContain('id="goes-away"');
      } else {
        expect(committed, stderr).toBe(true);
        const text = readFileSync(cib, 'utf8');
        expect(text).toContain('id="fromfile"');
        expect(text).not.toContain('id="goes-away"');
      }
      await session.finish();
    }
  });
});

/** A transport whose framed apply "loses its connection": after running it, or instead of it. */
class DroppingTransport implements Transport {
  readonly where = 'dropping';
  private dropped = false;
  constructor(private readonly inner: Transport, private readonly runFirst: boolean) {}
  async exec(argv: string[], o?: ExecOptions): Promise<ExecResult> {
    if (argv[0] === 'sh' && !this.dropped) {
      this.dropped = true;
      if (this.runFirst) await this.inner.exec(argv, o);
      throw new TransportError('the connection to dropping dropped', this.where, true);
    }
    return this.inner.exec(argv, o);
  }
  async close(): Promise<void> {}
}
