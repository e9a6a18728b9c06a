/**
 * `tcrm check` on 30 answers (the fixtures in fixtures/answers, repeated to 30): in-process
 * (checkText, after one warm-up answer that loads the schema and agent data), and through the
 * shipped bundle as one whole process (`node dist/tcrm.js check …`, start-up included).
 * Prints seconds for each; the target is "well under a second".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledCatalog } from '../src/agents/choose-catalog.js';
import { checkText } from '../src/check/check-file.js';

const dir = new URL('../fixtures/answers', import.meta.url).pathname;
const bundle = new URL('../dist/tcrm.js', import.meta.url).pathname;
const all = readdirSync(dir).filter((f) => f.endsWith('.crm')).sort();
const answers = Array.from({ length: 30 }, (_, i) => all[i % all.length]!);
const opts = { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' as const };

const w0 = performance.now();
checkText(readFileSync(join(dir, 'clean-configure.crm')), 'warm-up', opts);
const warm = (performance.now() - w0) / 1000;

// wall time, and this process's CPU time (what the checking costs, whatever else the machine runs)
const t0 = performance.now();
const c0 = process.cpuUsage();
let findings = 0;
for (const name of answers) findings += checkText(readFileSync(join(dir, name)), name, opts).findings.length;
const inProcess = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const inProcessCpu = (cpu.user + cpu.system) / 1e6;

const p0 = performance.now();
const r = spawnSync(process.execPath, [bundle, 'check', '--nodes', 'Lubuntu,Lubuntu1', '--format', 'json', ...answers], {
  cwd: dir,
  env: { PATH: process.env.PATH, NO_COLOR: '1', HOME: '/nonexistent' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const viaBundle = (performance.now() - p0) / 1000;
const files = r.stdout ? (JSON.parse(r.stdout) as { files: unknown[] }).files.length : 0;

console.log(`check: ${answers.length} answers (${findings} findings)`);
console.log(`  in-process: ${inProcess.toFixed(3)} s wall, ${inProcessCpu.toFixed(3)} s CPU (first answer, loading schema and agent data: ${warm.toFixed(3)} s)`);
console.log(`  bundle, whole process: ${viaBundle.toFixed(3)} s (exit ${r.status}, ${files} files reported)`);
