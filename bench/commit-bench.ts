/**
 * Create + commit N primitives with ops and constraints into a CIB_file, through tcrm's
 * shipped bundle (dist/tcrm.js, `npm run bench` builds it) and through crmsh when it is
 * installed: same script, same base CIB, both as a whole process (start-up included).
 * Prints seconds per size and the ratio crmsh/tcrm. Sizes: BENCH_SIZES (default 100,1000,5000);
 * crmsh runs up to BENCH_CRMSH_MAX primitives (default 5000; crmsh needs ~290 s for 5,000).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
const crmshMax = Number(process.env.BENCH_CRMSH_MAX ?? 5000);
const bundle = new URL('../dist/tcrm.js', import.meta.url).pathname;
const base = readFileSync(new URL('../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');

function script(n: number): string {
  const lines = ['configure', 'property stonith-enabled=false'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `primitive d${i} ocf:heartbeat:Dummy params state=/run/d${i}.state op monitor interval=10s timeout=20s op start timeout=20s op stop timeout=20s`,
    );
    lines.push(`location l${i} d${i} ${i % 200}: Lubuntu`);
    if (i > 0) lines.push(`colocation c${i} inf: d${i} d${i - 1}`);
  }
  lines.push('commit');
  return lines.join('\n') + '\n';
}

function timeTcrm(dir: string, n: number): number {
  const cib = join(dir, 'tcrm.xml');
  writeFileSync(cib, base);
  const input = join(dir, `s${n}.crm`);
  writeFileSync(input, script(n));
  const env = { PATH: process.env.PATH, CIB_file: cib, HOME: dir, XDG_STATE_HOME: dir, XDG_CONFIG_HOME: dir, NO_COLOR: '1' };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bundle, '-f', input], { env, stdio: 'ignore' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`tcrm exited ${r.status} for n=${n}`);
  return seconds;
}

function timeCrmsh(dir: string, n: number): number | null {
  if (spawnSync('which', ['crm']).status !== 0) return null;
  const cib = join(dir, 'crmsh.xml');
  writeFileSync(cib, base);
  const input = join(dir, `s${n}.crm`);
  const t0 = performance.now();
  const r = spawnSync('crm', ['-f', input], { env: { ...process.env, CIB_file: cib }, stdio: 'ignore' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`crmsh exited ${r.status} for n=${n}`);
  return seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'tcrm-bench-'));
try {
  console.log('primitives  tcrm_s  crmsh_s  crmsh/tcrm');
  let previous: { n: number; s: number } | null = null;
  for (const n of sizes) {
    const tcrm = timeTcrm(dir, n);
    copyFileSync(join(dir, 'tcrm.xml'), join(dir, `tcrm-${n}.xml`));
    const crmsh = n <= crmshMax ? timeCrmsh(dir, n) : null;
    const ratio = crmsh === null ? '-' : (crmsh / tcrm).toFixed(1) + 'x';
    const growth = previous ? `  (x${(tcrm / previous.s).toFixed(1)} time for x${(n / previous.n).toFixed(0)} size)` : '';
    console.log(`${String(n).padStart(10)}  ${tcrm.toFixed(3).padStart(6)}  ${crmsh === null ? '      -' : crmsh.toFixed(2).padStart(7)}  ${ratio}${growth}`);
    previous = { n, s: tcrm };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
