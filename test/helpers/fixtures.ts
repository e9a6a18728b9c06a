/**
 * The golden corpus on disk: `fixtures/crm/NNN-name/` directories recorded from crmsh 4.4.1.
 * Shared by the hermetic golden test, the differential system test and the recorder
 * (`scripts/oracle/record.ts`), so all three read a fixture the same way.
 *
 * A fixture directory holds:
 *   input.crm        the crm script (`crm -f input.crm`), or stdin when meta.stdin is true
 *   base.cib.xml     optional starting CIB (default: fixtures/crm/base.cib.xml)
 *   meta.json        optional { needs?: string[], note?: string, argv?: string[], stdin?: boolean }
 *   expected.*       crmsh's results, written by the recorder
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalConfiguration } from '../../src/shadow-cib/xml.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_ROOT = join(REPO_ROOT, 'fixtures', 'crm');
export const DEFAULT_BASE_CIB = join(FIXTURE_ROOT, 'base.cib.xml');

/** Name of the script file inside the temp dir where crm and tcrm run. */
export const INPUT_NAME = 'input.crm';
/** Name of the CIB file inside the temp dir (CIB_file points at it). */
export const CIB_NAME = 'cib.xml';
/** What absolute temp-dir paths are replaced with in recorded output. */
export const TMP_PLACEHOLDER = '<TMP>';

export interface FixtureMeta {
  /** Later features the crmsh result depends on: the hermetic test skips these, with the reason. */
  needs?: string[];
  note?: string;
  /** crm argv instead of `-f input.crm`; paths are relative to the run directory. */
  argv?: string[];
  /** Feed input.crm on standard input (argv defaults to [] then). */
  stdin?: boolean;
}

export interface Outcome {
  exit: number;
  stdout: string;
  stderr: string;
  /** `configure show` on the resulting CIB. */
  show: string;
  /** canonicalConfiguration() of the resulting CIB. */
  cib: string;
}

export interface Fixture {
  name: string;
  dir: string;
  /** The script text, or undefined for a pure argv fixture without input.crm. */
  input?: string;
  baseCibPath: string;
  meta: FixtureMeta;
  /** Undefined until the recorder has run. */
  expected?: Outcome;
}

const FIXTURE_DIR = /^\d{3}-[a-z0-9][a-z0-9._-]*$/;

export function listFixtureNames(root = FIXTURE_ROOT): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && FIXTURE_DIR.test(d.name))
    .map((d) => d.name)
    .sort();
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function loadFixture(name: string, root = FIXTURE_ROOT): Fixture {
  const dir = join(root, name);
  const metaText = readIfExists(join(dir, 'meta.json'));
  const meta: FixtureMeta = metaText ? JSON.parse(metaText) : {};
  const ownBase = join(dir, 'base.cib.xml');
  const fixture: Fixture = {
    name,
    dir,
    input: readIfExists(join(dir, INPUT_NAME)),
    baseCibPath: existsSync(ownBase) ? ownBase : DEFAULT_BASE_CIB,
    meta,
  };
  const exit = readIfExists(join(dir, 'expected.exit'));
  if (exit !== undefined) {
    fixture.expected = {
      exit: Number(exit.trim()),
      stdout: readIfExists(join(dir, 'expected.stdout')) ?? '',
      stderr: readIfExists(join(dir, 'expected.stderr')) ?? '',
      show: readIfExists(join(dir, 'expected.show.txt')) ?? '',
      cib: readIfExists(join(dir, 'expected.cib.xml')) ?? '',
    };
  }
  return fixture;
}

export function loadAllFixtures(root = FIXTURE_ROOT): Fixture[] {
  return listFixtureNames(root).map((n) => loadFixture(n, root));
}

/** The argv a fixture is run with (the same for crm and tcrm). */
export function fixtureArgv(fixture: Fixture): string[] {
  if (fixture.meta.argv) return fixture.meta.argv;
  if (fixture.meta.stdin) return [];
  return ['-f', INPUT_NAME];
}

/** Standard input for the run: the script when meta.stdin, else empty. */
export function fixtureStdin(fixture: Fixture): string {
  return fixture.meta.stdin ? (fixture.input ?? '') : '';
}

// Colour codes crmsh prints around level words even into pipes (CSI … m, and other CSI forms).
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * What every recorded or compared output goes through: ANSI codes stripped, the run's temp dir
 * replaced by a placeholder (crmsh prints file paths in some messages).
 */
export function normaliseOutput(text: string, tmpDir: string): string {
  let out = stripAnsi(text);
  if (tmpDir) out = out.split(tmpDir).join(TMP_PLACEHOLDER);
  return out;
}

/** The environment both tools run with, rooted in the run's temp dir. */
export function fixtureEnv(tmpDir: string): Record<string, string> {
  return {
    CIB_file: join(tmpDir, CIB_NAME),
    NO_COLOR: '1',
    HOME: tmpDir,
    XDG_STATE_HOME: tmpDir,
    XDG_CONFIG_HOME: tmpDir,
    XDG_CACHE_HOME: tmpDir,
    // Shadow CIBs (`cib new`) stay inside the run directory for both tools.
    CIB_shadow_dir: tmpDir,
    LANG: 'C',
  };
}

/**
 * A fresh run directory for one fixture: the starting CIB copied to `cib.xml` and the script
 * to `input.crm`. The caller removes it (see removeRunDir).
 */
export function prepareRunDir(fixture: Fixture, prefix = 'tcrm-golden-'): string {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  copyFileSync(fixture.baseCibPath, join(tmp, CIB_NAME));
  if (fixture.input !== undefined) writeFileSync(join(tmp, INPUT_NAME), fixture.input);
  return tmp;
}

export function removeRunDir(tmp: string): void {
  rmSync(tmp, { recursive: true, force: true });
}

/** The resulting CIB's canonical configuration, or a marker when the file is gone or broken. */
export function resultingConfiguration(tmp: string): string {
  const path = join(tmp, CIB_NAME);
  if (!existsSync(path)) return '<!-- no CIB file -->\n';
  try {
    return canonicalConfiguration(readFileSync(path, 'utf8'));
  } catch (e) {
    return `<!-- unreadable CIB: ${e instanceof Error ? e.message : String(e)} -->\n`;
  }
}
