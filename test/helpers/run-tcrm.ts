/** Runs tcrm in-process with a private HOME/state directory; collects output and exit code. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';

export interface TcrmResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function scratchDir(prefix = 'tcrm-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function runTcrm(
  argv: string[],
  opts: { dir: string; env?: Record<string, string>; stdin?: string },
): Promise<TcrmResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdin: opts.stdin,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    env: {
      HOME: opts.dir,
      XDG_STATE_HOME: join(opts.dir, 'state'),
      XDG_CONFIG_HOME: join(opts.dir, 'config'),
      CIB_shadow_dir: join(opts.dir, 'shadows'),
      TCRM_NO_LOCAL_CLUSTER: '1',
      NO_COLOR: '1',
      LANG: 'C',
      ...opts.env,
    },
    cwd: opts.dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

export function writeScript(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
