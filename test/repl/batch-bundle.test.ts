/**
 * The batch path through the shipped bundle never loads Ink (issue 5 §6): a module hook records
 * every file the process loads, and none of them may be the REPL's chunks or Ink itself.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUNDLE = new URL('../../dist/tcrm.js', import.meta.url).pathname;
const DIST = new URL('../../dist/', import.meta.url).pathname;
const BASE = readFileSync(new URL('../../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

/** Runs the bundle with a loader hook that appends each loaded URL to a file; returns them. */
function runRecording(input: string): { stdout: string; stderr: string; status: number | null; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-batch-bundle-'));
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\n` +
      `export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hooks)});\n`);
  const cib = join(dir, 'cib.xml');
  writeFileSync(cib, BASE);
  const r = spawnSync(process.execPath, ['--import', register, BUNDLE], {
    input,
    encoding: 'utf8',
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, XDG_STATE_HOME: dir, XDG_CONFIG_HOME: dir, CIB_file: cib, NO_COLOR: '1' },
  });
  const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, loaded };
}

describe('the batch path of the bundle', () => {
  it("`echo 'configure show' | tcrm` works without loading Ink or the REPL", () => {
    const r = runRecording('configure show\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('node 1: Lubuntu');
    const inBundle = r.loaded.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
    // The hook does see the bundle's own chunks, so an absence below means something.
    expect(inBundle).toContain('tcrm.js');
    expect(inBundle.some((f) => f.startsWith('run-'))).toBe(true);
    for (const f of inBundle) expect(f).not.toMatch(/^(mount|start|early-prompt|App)-/);
    // The chunk that holds Ink (its reconciler) is not among the loaded files either.
    const inkChunks = readdirSync(DIST).filter((f) => f.endsWith('.js') && readFileSync(join(DIST, f), 'utf8').includes('ink-root'));
    expect(inkChunks.length).toBeGreaterThan(0);
    for (const f of inBundle) expect(inkChunks).not.toContain(f);
  });
});
