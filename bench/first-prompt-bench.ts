/**
 * Time to the first interactive prompt: the shipped bundle (dist/tcrm.js) against crmsh's `crm`,
 * both started the same way in a pty with a window size (util-linux `script`, `stty` 120×40, then
 * `exec` of the program), timed from spawn to the prompt's bytes on the pty.
 *
 * For tcrm two moments are reported: the prompt visible (the early prompt written before Ink and
 * the grammar load) and the REPL live (Ink's first frame, which replaces that prompt with
 * `\r ESC[2K`; keys typed before it wait in the terminal and are not lost), and the first
 * command done (`ls` typed at spawn, its listing printed: everything loaded). crmsh's prompt is
 * readline's, live when shown. BENCH_RUNS (default 15) runs each; medians, min and p90 in ms.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const bundle = new URL('../dist/tcrm.js', import.meta.url).pathname;
const base = readFileSync(new URL('../fixtures/crm/base.cib.xml', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tcrm-first-prompt-'));
const cib = join(dir, 'cib.xml');
writeFileSync(cib, base);

interface Marks {
  [name: string]: RegExp;
}

/** Spawns `command` in a pty and returns ms from spawn until each mark's pattern has appeared. */
function once(command: string, marks: Marks, env: NodeJS.ProcessEnv, typeAhead?: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${command}`, '/dev/null'], {
      env,
      detached: true,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    // Typed at once, as a user who does not wait: it sits in the pty until the program reads it.
    if (typeAhead) child.stdin!.write(typeAhead);
    const seen: Record<string, number> = {};
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no prompt within 20 s: ${JSON.stringify(out.slice(-300))}`)), 20_000);
    function finish(error?: Error): void {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      if (error) reject(error);
      else resolve(seen);
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const now = performance.now() - t0;
      for (const [name, re] of Object.entries(marks)) if (seen[name] === undefined && re.test(out)) seen[name] = now;
      if (Object.keys(seen).length === Object.keys(marks).length) finish();
    });
    child.on('error', (e) => finish(e));
  });
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(0)} ms, min ${s[0]!.toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms`;
}

async function series(label: string, command: string, marks: Marks, env: NodeJS.ProcessEnv, typeAhead?: string): Promise<Record<string, number[]>> {
  const all: Record<string, number[]> = {};
  await once(command, marks, env, typeAhead); // warm the page cache
  for (let i = 0; i < runs; i++) {
    const r = await once(command, marks, env, typeAhead);
    for (const [k, v] of Object.entries(r)) (all[k] ??= []).push(v);
  }
  for (const [k, v] of Object.entries(all)) console.log(`${label} ${k}: ${stats(v)}`);
  return all;
}

const env = {
  PATH: process.env.PATH,
  TERM: 'xterm-256color',
  HOME: dir,
  XDG_STATE_HOME: dir,
  XDG_CONFIG_HOME: dir,
  CIB_file: cib,
  LANG: 'C.UTF-8',
};

console.log(`first prompt, ${runs} runs each (pty 120x40)`);
const node = await series('node -e 0 (floor)', `${process.execPath} -e "process.stdout.write('crm(x')"`, { exit: /crm\(x/ }, env);
// `ls` typed at once: its listing (which names `configure`) is the first command's result.
const ls = 'ls\r';
const tcrm = await series(
  'tcrm',
  `${process.execPath} ${bundle}`,
  { 'prompt visible': /crm\(live\//, 'REPL live': /\r\x1b\[2K[^]*crm\(live\//u, 'first command done': /\bconfigure\b/ },
  env,
  ls,
);
const haveCrm = spawnSync('sh', ['-c', 'command -v crm'], { stdio: 'ignore' }).status === 0;
if (haveCrm) {
  const crm = await series('crmsh', 'crm', { prompt: /crm\(live\//, 'first command done': /\bconfigure\b/ }, env, ls);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const c = median(crm.prompt!);
  console.log(
    `crmsh/tcrm: prompt visible ${(c / median(tcrm['prompt visible']!)).toFixed(2)}x, REPL live ${(c / median(tcrm['REPL live']!)).toFixed(2)}x,` +
      ` first command done ${(median(crm['first command done']!) / median(tcrm['first command done']!)).toFixed(2)}x` +
      ` (node floor ${median(node.exit!).toFixed(0)} ms)`,
  );
} else {
  console.log('crmsh (crm) is not installed: no comparison');
}
