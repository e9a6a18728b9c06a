/**
 * The status renderer against crm_mon itself: fixtures/crm-mon/*.mon.xml are `crm_mon -1 -r
 * --output-as=xml` of CIB files made with crm_simulate (all started; a failed monitor with a
 * fail count; a standby node, an offline node, a disabled resource), recorded with the text
 * `crm_mon -1` (`.txt`), `-1 -r` (`.r.txt`) and `-1 -rf` (`.rf.txt`) printed for the same CIB.
 * The live-* cases were recorded the same way from the lab's two-node cluster (resources
 * started; then a failed monitor and a standby node). Only the times of the run ("Last updated",
 * pacemakerd's "last updated") differ between two runs, so they are taken from the XML.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCrmMon, MonParseError } from '../../src/ops/status/model.js';
import { ctime, renderStatus } from '../../src/ops/status/render-text.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const DIR = join(REPO_ROOT, 'fixtures', 'crm-mon');
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.mon.xml'))
  .map((f) => f.replace('.mon.xml', ''));

const VIEWS = [
  ['.txt', { inactive: false, failcounts: false }],
  ['.r.txt', { inactive: true, failcounts: false }],
  ['.rf.txt', { inactive: true, failcounts: true }],
  ['.rfc.txt', { inactive: true, failcounts: true, tickets: true }],
] as const;

/** The cases recorded before tickets were rendered have no `.rfc.txt`; every sim-* case has one. */
const views = (name: string) => VIEWS.filter(([suffix]) => suffix !== '.rfc.txt' || existsSync(join(DIR, name + suffix)));

describe('status: crm_mon XML rendered like crm_mon -1', () => {
  it('has recorded cases', () => expect(cases.length).toBeGreaterThanOrEqual(17));
  it('has the tickets view of every sim-* case', () => {
    for (const name of cases.filter((c) => c.startsWith('sim-'))) {
      expect(existsSync(join(DIR, `${name}.rfc.txt`)), name).toBe(true);
    }
  });
  for (const name of cases) {
    for (const [suffix, opts] of views(name)) {
      it(`${name}${suffix}`, () => {
        const state = parseCrmMon(readFileSync(join(DIR, `${name}.mon.xml`), 'utf8'));
        const expected = readFileSync(join(DIR, name + suffix), 'utf8')
          .replace(/Last updated: .*/, `Last updated: ${state.lastUpdate}`)
          .replace(/\(last updated [^)]*\)/, `(last updated ${state.pacemakerd?.lastUpdated ?? ''})`);
        expect(renderStatus(state, opts).join('\n') + '\n').toBe(expected);
      });
    }
  }

  it('colours state words through the painter only', () => {
    const state = parseCrmMon(readFileSync(join(DIR, 'sim3.mon.xml'), 'utf8'));
    const painted = renderStatus(state, { inactive: true, failcounts: false, paint: (w, t) => `<${w}>${t}</${w}>` }).join('\n');
    expect(painted).toContain('* <good>Online</good>: [ Lubuntu ]');
    expect(painted).toContain('* <bad>OFFLINE</bad>: [ Lubuntu1 ]');
    expect(painted).toContain('Node 127.0.0.1: <warn>standby</warn>');
    expect(painted).toContain('<warn>Stopped</warn> (disabled)');
  });

  it('colours the words of clones, remote nodes and tickets the same way', () => {
    const paint = (w: string, t: string) => `<${w}>${t}</${w}>`;
    const opts = { inactive: true, failcounts: true, tickets: true, paint };
    const render = (name: string) => renderStatus(parseCrmMon(readFileSync(join(DIR, `${name}.mon.xml`), 'utf8')), opts).join('\n');
    expect(render('sim-clones')).toContain('* <good>Promoted</good>: [ Lubuntu ]\n    * <good>Unpromoted</good>: [ Lubuntu1 ]');
    expect(render('sim-clones-failed')).toContain('st\t(ocf:pacemaker:Stateful):\t <bad>FAILED Promoted</bad> Lubuntu');
    expect(render('sim-clones-failed')).toContain('* <warn>Stopped (disabled)</warn>: [ Lubuntu Lubuntu1 ]');
    const remote = render('sim-remote');
    expect(remote).toContain('* <good>RemoteOnline</good>: [ rn1 ]');
    expect(remote).toContain('* GuestNode guest1: <warn>maintenance</warn>');
    expect(remote).toContain('* T1: <good>granted</good> [standby] last-granted=');
    expect(remote).toContain('* T2: <warn>revoked</warn>');
    expect(render('sim-timeouts')).toContain('<warn>ORPHANED</warn> <bad>FAILED</bad> (blocked) [ Lubuntu Lubuntu1 rn2 rn1 guest1 ]');
  });

  it('says "No active resources" / "No resources" as crm_mon does', () => {
    const state = parseCrmMon(readFileSync(join(DIR, 'sim-tickets.mon.xml'), 'utf8'));
    const empty = { ...state, resources: [] };
    expect(renderStatus(empty, { inactive: false, failcounts: false })).toContain('  * No active resources');
    expect(renderStatus(empty, { inactive: true, failcounts: false })).toContain('  * No resources');
  });

  it("refuses what is not crm_mon's XML, with crm_mon's own error text", () => {
    expect(() => parseCrmMon('<cib/>')).toThrow(MonParseError);
    const err = '<pacemaker-result api-version="2.25"><status code="102" message="Not connected"><errors><error>crm_mon: Could not connect to the CIB</error></errors></status></pacemaker-result>';
    expect(() => parseCrmMon(err)).toThrow(/Could not connect to the CIB/);
  });

  it('prints times as crm_mon does (ctime layout)', () => {
    expect(ctime('2026-11-28 20:59:10Z')).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  });
});
