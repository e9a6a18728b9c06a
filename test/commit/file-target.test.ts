import { spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, symlinkSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCibFile } from '../../src/commit/cib-file.js';
import { acquireFileLock, lockPathFor } from '../../src/commit/file-lock.js';
import { commitToFile } from '../../src/commit/file-target.js';
import { firstChild, parseXml, serializeDocument, type Document } from '../../src/shadow-cib/xml.js';
import { cibXml, dummy, NO_STONITH } from './cib-builder.js';

const here = dirname(fileURLToPath(import.meta.url));

function cibFile(epoch = 5): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-commit-'));
  const path = join(dir, 'cib.xml');
  writeFileSync(path, cibXml({ epoch, props: NO_STONITH, resources: dummy('a') }));
  return path;
}
async function load(path: string): Promise<Document> {
  const r = await readCibFile(path);
  if (!r.doc) throw new Error(r.diagnostics[0]!.message);
  return r.doc;
}
function withPrimitive(doc: Document, id: string): Document {
  const copy = parseXml(serializeDocument(doc));
  const resources = firstChild(firstChild(copy.documentElement!, 'configuration')!, 'resources')!;
  resources.appendChild(copy.importNode(parseXml(dummy(id)).documentElement!, true));
  return copy;
}
const root = (path: string) => parseXml(readFileSync(path, 'utf8')).documentElement!;

describe('commitToFile', () => {
  it('writes the working CIB with epoch+1 and num_updates 0', async () => {
    const path = cibFile(5);
    const loaded = await load(path);
    const result = await commitToFile(path, loaded, withPrimitive(loaded, 'b'), { force: false });
    expect(result).toMatchObject({ ok: true, merged: false, diagnostics: [] });
    expect(root(path).getAttribute('epoch')).toBe('6');
    expect(root(path).getAttribute('num_updates')).toBe('0');
    expect(readFileSync(path, 'utf8')).toContain('id="b"');
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('keeps the mode and owner of the file', async () => {
    const path = cibFile();
    chmodSync(path, 0o640);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) chownSync(path, 65534, 65534);
    const loaded = await load(path);
    expect((await commitToFile(path, loaded, withPrimitive(loaded, 'b'), { force: false })).ok).toBe(true);
    const st = statSync(path);
    expect(st.mode & 0o777).toBe(0o640);
    if (isRoot) expect([st.uid, st.gid]).toEqual([65534, 65534]);
  });

  it('writes through a symlink and keeps the link', async () => {
    const path = cibFile();
    const link = join(dirname(path), 'link.xml');
    symlinkSync(path, link);
    const loaded = await load(link);
    expect((await commitToFile(link, loaded, withPrimitive(loaded, 'b'), { force: false })).ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('id="b"');
  });

  it('leaves the old file intact and no temp file when the rename fails', async () => {
    const path = cibFile();
    const before = readFileSync(path, 'utf8');
    const loaded = await load(path);
    const result = await commitToFile(path, loaded, withPrimitive(loaded, 'b'), {
      force: false,
      hooks: { rename: async () => Promise.reject(new Error('injected failure')) },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.message).toContain('injected failure');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dirname(path))).toEqual(['cib.xml']);
  });

  it('merges into a file that moved, with epoch above both', async () => {
    const path = cibFile(5);
    const loaded = await load(path);
    // Someone else commits first (epoch 5 → 6).
    const other = await load(path);
    expect((await commitToFile(path, other, withPrimitive(other, 'theirs'), { force: false })).ok).toBe(true);
    const result = await commitToFile(path, loaded, withPrimitive(loaded, 'mine'), { force: false });
    expect(result).toMatchObject({ ok: true, merged: true });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('id="theirs"');
    expect(text).toContain('id="mine"');
    expect(root(path).getAttribute('epoch')).toBe('7');
  });

  it('refuses a conflicting merge unless forced', async () => {
    const path = cibFile(5);
    const loaded = await load(path);
    const change = (type: string) => (doc: Document) => {
      const copy = parseXml(serializeDocument(doc));
      copy.getElementsByTagName('primitive').item(0)!.setAttribute('type', type);
      return copy;
    };
    const other = await load(path);
    await commitToFile(path, other, change('Delay')(other), { force: false });
    const before = readFileSync(path, 'utf8');
    const refused = await commitToFile(path, loaded, change('Stateful')(loaded), { force: false });
    expect(refused.ok).toBe(false);
    expect(refused.diagnostics.map((d) => d.message)).toEqual(['resource a: changed here and changed differently in the meantime']);
    expect(readFileSync(path, 'utf8')).toBe(before);
    const forced = await commitToFile(path, loaded, change('Stateful')(loaded), { force: true });
    expect(forced.ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('type="Stateful"');
  });

  it('takes over a stale lock and waits for a live one', async () => {
    const path = cibFile();
    writeFileSync(lockPathFor(path), '999999999\n'); // no such pid
    const loaded = await load(path);
    expect((await commitToFile(path, loaded, withPrimitive(loaded, 'b'), { force: false })).ok).toBe(true);

    const held = await acquireFileLock(path);
    if (!held.ok) throw new Error('lock');
    const blocked = await commitToFile(path, await load(path), withPrimitive(loaded, 'c'), { force: false, lockTimeoutMs: 100 });
    expect(blocked.ok).toBe(false);
    expect(blocked.diagnostics[0]!.message).toContain(`locked by process ${process.pid}`);
    await held.release();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  it('serialises two concurrent committers; the second merges', async () => {
    const path = cibFile(5);
    const go = join(dirname(path), 'go');
    const run = (id: string) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'commit-child.ts'), path, id, go], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      const ready = new Promise<void>((resolve) =>
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('ready\n')) resolve();
        }),
      );
      const done = new Promise<{ ok: boolean; merged: boolean; conflicts: number }>((resolve, reject) =>
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.split('\n')[1]!)) : reject(new Error(`child exit ${code}`)))),
      );
      return { ready, done };
    };
    const a = run('from-a');
    const b = run('from-b');
    await Promise.all([a.ready, b.ready]);
    writeFileSync(go, '');
    const results = await Promise.all([a.done, b.done]);
    expect(results.every((r) => r.ok && r.conflicts === 0)).toBe(true);
    expect(results.filter((r) => r.merged)).toHaveLength(1);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('id="from-a"');
    expect(text).toContain('id="from-b"');
    expect(root(path).getAttribute('epoch')).toBe('7');
  }, 60_000);
});

describe('readCibFile', () => {
  const cannotConnect = (why: string) =>
    `running cibadmin -Ql: Could not connect to the CIB: ${why}\nInit failed, could not perform requested operations\n`;

  it('says what crm says for a missing file', async () => {
    const r = await readCibFile('/nonexistent/cib.xml');
    expect(r.diagnostics?.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['CRM', 'error', cannotConnect('No such device or address')],
    ]);
    expect(r.diagnostics?.[0]!.hint).toContain('/nonexistent/cib.xml');
  });

  it('says what crm says for a file that is not a CIB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcrm-read-'));
    for (const [name, text] of [['garbage.xml', 'hello\n'], ['empty.xml', ''], ['other.xml', '<foo/>']]) {
      writeFileSync(join(dir, name!), text!);
      const r = await readCibFile(join(dir, name!));
      expect(r.diagnostics?.map((d) => d.message), name).toEqual([cannotConnect('Update does not conform to the configured schema')]);
    }
    const dirRead = await readCibFile(dir);
    expect(dirRead.diagnostics?.[0]!.hint).toContain('is a directory');
  });
});
