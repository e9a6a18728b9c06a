/**
 * Runs the shipped bundle (dist/tcrm.js) against the lab cluster over SSH, as a user on a
 * workstation would: `tcrm --hosts root@10.200.0.11,root@10.200.0.12 …`, with a fresh HOME per
 * scenario (tcrm's state — shadow CIBs — starts empty) whose ~/.ssh holds the lab's client key and
 * known_hosts (host keys verified, never accepted blindly).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabEnv } from './lab-env.js';
import { runCommand, type CommandResult } from './run-command.js';

/** The shipped bundle; `LAB_E2E_TCRM_BUNDLE` points the suite at another build of it. */
export const TCRM_BUNDLE = process.env.LAB_E2E_TCRM_BUNDLE ?? fileURLToPath(new URL('../../dist/tcrm.js', import.meta.url));

export interface TcrmRun extends CommandResult {
  /** stdout and stderr together, ANSI colours removed: what the user reads. */
  text: string;
  argv: string[];
}

export interface TcrmDriver {
  home: string;
  hostsArg: string;
  /** The environment tcrm runs with (fresh HOME, XDG directories). */
  env: NodeJS.ProcessEnv;
  /** `tcrm --hosts … ARGS…` (stdin: INPUT). */
  run(args: string[], input?: string): Promise<TcrmRun>;
  /** `tcrm --hosts … -f FILE` with SCRIPT written to FILE. */
  script(name: string, script: string): Promise<TcrmRun>;
  dispose(): void;
}

const ANSI = /\x1b\[[0-9;]*m/g;

export function createTcrmDriver(env: LabEnv): TcrmDriver {
  if (!existsSync(TCRM_BUNDLE)) throw new Error(`${TCRM_BUNDLE} is missing: run \`npm run build\` first (npm run test:system does)`);
  const home = mkdtempSync(join(tmpdir(), 'tcrm-e2e-home-'));
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  copyFileSync(env.sshKey, join(ssh, 'id_ed25519'));
  copyFileSync(`${env.sshKey}.pub`, join(ssh, 'id_ed25519.pub'));
  copyFileSync(env.knownHosts, join(ssh, 'known_hosts'));
  const hostsArg = env.nodes.map((node) => `${env.sshUser}@${node.ip}`).join(',');
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    ...(process.env.TCRM_DATA_DIR ? { TCRM_DATA_DIR: process.env.TCRM_DATA_DIR } : {}),
  };
  const run = async (args: string[], input?: string): Promise<TcrmRun> => {
    const argv = ['--hosts', hostsArg, ...args];
    const result = await runCommand(process.execPath, [TCRM_BUNDLE, ...argv], { input, env: childEnv, timeoutMs: 300_000 });
    return { ...result, argv, text: `${result.stdout}${result.stderr}`.replace(ANSI, '') };
  };
  return {
    home,
    hostsArg,
    env: childEnv,
    run,
    async script(name, text) {
      const file = join(home, name);
      writeFileSync(file, text);
      return run(['-f', file]);
    },
    dispose() {
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * The same interface driving crmsh 4.4.1 on a node over OpenSSH (`LAB_E2E_ORACLE=crmsh`): runs the
 * suite's steps and assertions against the reference implementation, to tell a wrong assertion
 * from a tcrm bug. Never the default; the suite says loudly when it is used.
 */
export function createCrmshOracleDriver(env: LabEnv): TcrmDriver {
  const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
  // A node that can answer: not taken off the network, corosync running.
  const pickNode = (): string =>
    env.nodes.find((node) => !existsSync(`${node.dir}/isolated`) && corosyncRunning(node.dir))?.name ?? env.nodes[0].name;
  const run = async (args: string[], input?: string): Promise<TcrmRun> => {
    const node = pickNode();
    const remote = ['crm', ...args].map(quote).join(' ');
    const result = await runCommand('ssh', ['-F', env.sshConfig, node, remote], { input, timeoutMs: 300_000 });
    return { ...result, argv: [`(crmsh on ${node})`, ...args], text: `${result.stdout}${result.stderr}`.replace(ANSI, '') };
  };
  return {
    home: '',
    hostsArg: '',
    env: process.env,
    run,
    script: (_name, text) => run(['-f', '-'], text),
    dispose() {},
  };
}

function corosyncRunning(nodeDir: string): boolean {
  try {
    const pid = readFileSync(`${nodeDir}/corosync.pid`, 'utf8').trim();
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** For failure messages: the command line and what it printed (long lines and output cut). */
export function describeRun(run: TcrmRun): string {
  const how = run.signal ? `signal ${run.signal}` : `exit ${run.status}`;
  const lines = run.text.split('\n').map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
  const shown = lines.length > 60 ? [...lines.slice(0, 60), `… (${lines.length - 60} more lines)`] : lines;
  return `tcrm ${run.argv.join(' ')} → ${how}\n${shown.join('\n')}`;
}
