/**
 * Records crmsh's `configure verify` output for each case in cases/*.crm, so the tests run
 * without crmsh. For a case NAME: the crm lines are applied to the oracle base CIB (nodes
 * Lubuntu and Lubuntu1), `configure verify` runs in the same session, the configuration is
 * saved as fixtures/NAME.xml and verify's crmsh-own lines (crm_verify's are dropped, ANSI
 * codes stripped) go to fixtures/NAME.out.
 * Run: node --import tsx test/verify/record-fixtures.ts [NAME...]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const fixturesDir = join(here, 'fixtures');
const BEGIN = 'tcrm-verify-begin';
const END = 'tcrm-verify-end';

function run(argv: string[], env: Record<string, string>): string {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env: { ...process.env, ...env } });
  return (r.stdout ?? '') + (r.stderr ?? '');
}

/** crm_verify's lines as crmsh relays them (and cibadmin noise), which these fixtures leave out. */
export function isCrmVerifyLine(message: string): boolean {
  return /^\s*\(|^crm_verify:|validity error|Relax-NG|^\s*\S+ \(\d\): /.test(message);
}

function record(name: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'tcrm-verify-'));
  const base = join(dir, 'base.xml');
  writeFileSync(base, run(['cibadmin', '--empty'], {}));
  run(['cibadmin', '-C', '-o', 'nodes', '-X', '<node id="1" uname="Lubuntu"/>'], { CIB_file: base });
  run(['cibadmin', '-C', '-o', 'nodes', '-X', '<node id="2" uname="Lubuntu1"/>'], { CIB_file: base });
  const text = readFileSync(join(casesDir, `${name}.crm`), 'utf8');
  const saved = join(dir, 'saved.xml');
  const savedBase = join(dir, 'saved-base.xml');
  // a case with a `#commit` line checks a commit: the part before it is committed (forced)
  // first, then the rest is committed and that commit's lines are recorded
  const [before, after] = text.includes('#commit\n') ? text.split('#commit\n') : [null, text];
  const script = before === null
    ? `configure\n${after}\nshow ${BEGIN}\nverify\nshow ${END}\nsave xml ${saved}\nerase\n`
    : `configure\n${before}\ncommit force\nsave xml ${savedBase}\n${after}\nsave xml ${saved}\nshow ${BEGIN}\ncommit\nshow ${END}\n`;
  writeFileSync(join(dir, 'apply.crm'), script);
  copyFileSync(base, join(dir, 'w.xml'));
  // one stream, so that stdout (warnings) and stderr (errors, markers) keep their order
  const lines = run(['sh', '-c', 'crm -f "$0" 2>&1', join(dir, 'apply.crm')], { CIB_file: join(dir, 'w.xml') })
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n');
  const from = lines.findIndex((l) => l.includes(BEGIN));
  const to = lines.findIndex((l) => l.includes(END));
  writeFileSync(join(fixturesDir, `${name}.xml`), readFileSync(saved, 'utf8'));
  if (before !== null) writeFileSync(join(fixturesDir, `${name}.base.xml`), readFileSync(savedBase, 'utf8'));
  const out = lines
    .slice(from + 1, to)
    .filter((l) => /^(WARNING|ERROR): /.test(l))
    .filter((l) => !isCrmVerifyLine(l.replace(/^(WARNING|ERROR): /, '')));
  writeFileSync(join(fixturesDir, `${name}.out`), out.map((l) => `${l}\n`).join(''));
  if (before === null) recordExitCodes(name, dir, saved);
  process.stdout.write(`${name}: ${out.length} lines\n`);
}

/**
 * `configure verify`'s exit code on the saved file in strict and relaxed check mode (crm -f
 * exits 1 when verify fails). The relaxed run gets its own HOME: crmsh saves changed options
 * to ~/.config/crm/crm.conf on exit. Skipped when cibadmin cannot load the file (schema).
 */
function recordExitCodes(name: string, dir: string, saved: string): void {
  const codes: Record<string, number | boolean> = {};
  for (const mode of ['strict', 'relaxed']) {
    copyFileSync(saved, join(dir, 'v.xml'));
    const script = join(dir, `verify-${mode}.crm`);
    writeFileSync(script, `${mode === 'relaxed' ? 'options check-mode relaxed\n' : ''}configure\nverify\n`);
    const home = mkdtempSync(join(tmpdir(), 'tcrm-home-'));
    const r = spawnSync('sh', ['-c', 'crm -f "$0" 2>&1', script], {
      encoding: 'utf8',
      env: { ...process.env, CIB_file: join(dir, 'v.xml'), HOME: home },
    });
    if (r.stdout.includes('Could not connect')) return;
    codes[mode] = r.status ?? -1;
    codes.crmVerifyErrors = r.stdout.includes('Errors found during check');
  }
  writeFileSync(join(fixturesDir, `${name}.rc.json`), `${JSON.stringify(codes)}\n`);
}

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : readdirSync(casesDir).filter((f) => f.endsWith('.crm')).map((f) => f.slice(0, -4));
for (const name of names) record(name);
