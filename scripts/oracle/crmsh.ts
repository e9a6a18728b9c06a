/**
 * Runs the real crmsh (the oracle) on one golden fixture and returns what it did, normalised
 * the way the expected files store it. Used by the recorder and the differential system test.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fixtureArgv,
  fixtureEnv,
  fixtureStdin,
  normaliseOutput,
  prepareRunDir,
  removeRunDir,
  resultingConfiguration,
  type Fixture,
  type Outcome,
} from '../../test/helpers/fixtures.js';

export interface ProcessResult {
  exit: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with the given stdin; never rejects on a non-zero exit. */
export function runProcess(
  command: string,
  argv: string[],
  options: { cwd: string; env: Record<string, string>; stdin?: string; timeoutMs?: number },
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, argv, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        exit: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.on('error', () => {}); // crm may exit before reading all of stdin
    child.stdin.end(options.stdin ?? '');
  });
}

/** The environment crm runs with: the fixture environment plus a PATH to find crm's tools. */
function crmEnv(tmp: string): Record<string, string> {
  return { ...fixtureEnv(tmp), PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' };
}

/** Where `crm` is, or undefined when crmsh is not installed. */
export async function findCrm(): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin'])) {
    const candidate = join(dir || '.', 'crm');
    try {
      const r = await runProcess(candidate, ['--version'], { cwd: '/', env: { PATH: process.env.PATH ?? '' } });
      if (r.exit === 0) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs crm on a fixture in a fresh temp dir, then `crm configure show` on the result. */
export async function runCrmsh(fixture: Fixture, crm = 'crm'): Promise<Outcome> {
  return runFixtureProcess(fixture, [crm], 'tcrm-oracle-');
}

/**
 * Runs a crm-like program (`command` is its argv prefix: `[crm]`, `[node, dist/tcrm.js]`) on a
 * fixture in a fresh temp dir, then `configure show` with it, and collects the outcome.
 */
export async function runFixtureProcess(fixture: Fixture, command: string[], tmpPrefix: string): Promise<Outcome> {
  const tmp = prepareRunDir(fixture, tmpPrefix);
  const [program, ...prefix] = command as [string, ...string[]];
  try {
    const env = crmEnv(tmp);
    const main = await runProcess(program, [...prefix, ...fixtureArgv(fixture)], { cwd: tmp, env, stdin: fixtureStdin(fixture) });
    const show = await runProcess(program, [...prefix, 'configure', 'show'], { cwd: tmp, env });
    return {
      exit: main.exit,
      stdout: normaliseOutput(main.stdout, tmp),
      stderr: normaliseOutput(main.stderr, tmp),
      show: normaliseOutput(show.stdout, tmp),
      cib: resultingConfiguration(tmp),
    };
  } finally {
    removeRunDir(tmp);
  }
}

/** Writes an outcome as the fixture's expected files. */
export function writeExpected(fixture: Fixture, outcome: Outcome): void {
  writeFileSync(join(fixture.dir, 'expected.exit'), `${outcome.exit}\n`);
  writeFileSync(join(fixture.dir, 'expected.stdout'), outcome.stdout);
  writeFileSync(join(fixture.dir, 'expected.stderr'), outcome.stderr);
  writeFileSync(join(fixture.dir, 'expected.show.txt'), outcome.show);
  writeFileSync(join(fixture.dir, 'expected.cib.xml'), outcome.cib);
}
