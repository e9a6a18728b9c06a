/**
 * `tcrm check` against the real crmsh on the student answers (fixtures/answers): every
 * configure-mode answer is fed to `crm -f` (configure, the answer, then leaving configure, which
 * commits) on a CIB file with the lab's two nodes. Whatever crmsh refuses — a failing line, a
 * commit it does not make — `tcrm check` must report as an error. crmsh gets the text as the
 * student typed it: a file's encoding (UTF-16, Latin-1, a byte-order mark) is an artefact of
 * handing it in, which `tcrm check` reports as a warning, so crmsh reads the decoded text.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';
import { decodeInput } from '../../src/check/read-input.js';
import { findCrm, runProcess } from '../../scripts/oracle/crmsh.js';
import { FIXTURE_ROOT } from '../helpers/fixtures.js';

const ANSWERS = join(import.meta.dirname, '../../fixtures/answers');
const crm = await findCrm();
if (!crm && process.env.CI === 'true') throw new Error('check-vs-crmsh: crmsh is not installed (Debian package crmsh)');

const scratch = mkdtempSync(join(tmpdir(), 'tcrm-check-crmsh-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const configureAnswers = readdirSync(ANSWERS)
  .filter((f) => f.endsWith('.crm'))
  .filter((f) => (JSON.parse(readFileSync(join(ANSWERS, f.replace(/\.crm$/, '.expected.json')), 'utf8')) as { mode: string | null }).mode === 'configure')
  .sort();

interface CrmVerdict {
  /** crm exited 0, printed no ERROR line, and the CIB file holds a new configuration. */
  accepted: boolean;
  errors: string[];
}

async function crmsh(name: string, text: string): Promise<CrmVerdict> {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  const cib = join(dir, 'cib.xml');
  copyFileSync(join(FIXTURE_ROOT, 'base.cib.xml'), cib);
  const before = readFileSync(cib, 'utf8');
  writeFileSync(join(dir, 'input.crm'), `configure\n${text.replace(/\r\n/g, '\n')}\nend\n`);
  const r = await runProcess(crm!, ['-f', 'input.crm'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, CIB_file: cib, LC_ALL: 'C.UTF-8' },
    timeoutMs: 120_000,
  });
  // eslint-disable-next-line no-control-regex
  const lines = (r.stdout + r.stderr).replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const errors = lines.filter((l) => /^ERROR: /.test(l) && !/lack of quorum/.test(l));
  return { accepted: r.exit === 0 && errors.length === 0 && readFileSync(cib, 'utf8') !== before, errors };
}

describe.skipIf(!crm)('tcrm check agrees with crmsh on the student answers', () => {
  it('has configure-mode answers to compare', () => {
    expect(configureAnswers.length).toBeGreaterThan(30);
  });

  it.each(configureAnswers)('%s', async (name) => {
    const bytes = readFileSync(join(ANSWERS, name));
    const read = decodeInput(bytes, name, 'en');
    if (!read.ok) throw new Error(`${name}: not readable`);
    const text = read.text.replace(/^\uFEFF/, '');
    const verdict = await crmsh(name.replace(/\.crm$/, ''), text);
    const checked = checkText(bytes, name, { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' });
    const errors = checked.findings.filter((f) => f.severity === 'error');
    if (!verdict.accepted) {
      expect(errors.length, `crmsh refused it (${verdict.errors.slice(0, 3).join(' | ')}) but tcrm check found no error`).toBeGreaterThan(0);
    }
  }, 150_000);
});
