/**
 * The completion engine against crmsh 4.4.1's own completer (`crm --compgen 0 LINE`, the hook
 * bash completion uses), on the same CIB_file: where crmsh offers candidates, tcrm offers at
 * least those; where crmsh's completer is broken (completion.md §1), tcrm offers something.
 * crmsh prints what bash inserts after its word breaks (`:`), so tcrm's candidates are cut the
 * same way before comparing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { complete } from '../../src/completion/complete.js';
import { LAB_CIB, labContext } from '../completion/fixture.js';
import { requireTool } from './live-prereq.js';

const ready = requireTool('crm');
const dir = mkdtempSync(join(tmpdir(), 'tcrm-completion-'));
const cibFile = join(dir, 'lab.xml');
writeFileSync(cibFile, LAB_CIB);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** crmsh's candidates, or 'crashed' when its completer raised (it prints a Python traceback). */
function crmshCandidates(line: string): string[] | 'crashed' {
  const r = spawnSync('crm', ['--compgen', '0', line], {
    env: { ...process.env, CIB_file: cibFile, HOME: dir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0 && !r.signal && r.stderr.includes('Traceback')) return 'crashed';
  // An empty list must mean "crmsh offers nothing", never "crm did not finish".
  if (r.status !== 0 || r.signal) throw new Error(`crm --compgen failed (${r.signal ?? r.status}): ${r.stderr}`);
  // crmsh logs unrelated ERROR lines (it looks for `crmd`) on stderr; candidates are on stdout.
  // Like bash, keep those that start with the word being completed (after its last `:`).
  const word = line.slice(line.search(/\S*$/));
  const typed = word.slice(word.lastIndexOf(':') + 1);
  return r.stdout.split(/\s+/).filter((w) => w && !w.startsWith('_') && w.startsWith(typed));
}

function tcrmCandidates(line: string): string[] {
  const r = complete(labContext([]), line, line.length);
  const partial = line.slice(r.from);
  const cut = partial.lastIndexOf(':') + 1; // bash's COMP_WORDBREAKS hold ':'
  return r.candidates.filter((c) => !c.fuzzy).map((c) => c.text.slice(cut));
}

/** Lines where crmsh 4.4.1 offers candidates: tcrm must offer every one of them. */
const SUPERSET = [
  'configure ',
  'configure primitive vip ',
  'configure primitive vip ocf:',
  'configure primitive vip ocf:heartbeat:IP',
  'configure primitive vip ocf:heartbeat:IPaddr2 ',
  'configure primitive vip ocf:heartbeat:IPaddr2 params ',
  'configure primitive vip ocf:heartbeat:IPaddr2 params c',
  'configure primitive vip ocf:heartbeat:IPaddr2 op ',
  'configure primitive vip ocf:heartbeat:IPaddr2 meta ',
  'configure primitive st ocf:pacemaker:Stateful op ',
  'configure group g ',
  'configure location l1 ',
  'configure show ',
  'configure commit ',
  'configure modgroup web remove ',
  'configure fencing_topology ',
  'resource start ',
  'resource move apache ',
  'node standby ',
  'ra info ocf:pacemaker:',
  'status ',
];

/** crmsh 4.4.1's broken completers (completion.md §1): nothing (or a crash) there, something here. */
const CRMSH_EMPTY = ['options skill-level ', 'options output ', 'configure rsc_defaults ', 'configure op_defaults '];

// Each crm start costs seconds of CPU: the lines are few and chosen, the table of hermetic
// cases (test/completion) covers the rest.
describe.runIf(ready)('completion against crmsh 4.4.1 (crm --compgen)', () => {
  test.each(SUPERSET)('%s', (line) => {
    const theirs = crmshCandidates(line);
    if (theirs === 'crashed') throw new Error(`crmsh's completer crashed on ${JSON.stringify(line)}`);
    expect(theirs.length, `crmsh offered nothing for ${JSON.stringify(line)}`).toBeGreaterThan(0);
    const ours = new Set(tcrmCandidates(line));
    const missing = theirs.filter((c) => !ours.has(c));
    expect(missing).toEqual([]);
  });

  test.each(CRMSH_EMPTY)('%s (crmsh offers nothing)', (line) => {
    // The interactive shell swallows the completer's exception (nothing offered); --compgen
    // shows it as a traceback.
    const theirs = crmshCandidates(line);
    expect(theirs === 'crashed' || theirs.length === 0).toBe(true);
    expect(tcrmCandidates(line).length).toBeGreaterThan(0);
  });
});
