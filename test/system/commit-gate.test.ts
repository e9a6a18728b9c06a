/**
 * Pins tcrm's offline emulation of crm_verify (src/commit/cluster-checks.ts) against the real
 * `crm_verify -VV -x` on the same CIBs, written as crmsh hands them over: no status section and,
 * offline, a quorate root (`have-quorum="1"`). Lines must match exactly, except schema lines,
 * which match by element, id and message (crm_verify names a line number, tcrm the id), and
 * dangling-reference lines, which match as a set (libxml2 prints them in hash order, some twice).
 * crm_verify missing fails when CI=true and skips otherwise.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterOptions } from '../../src/commit/cluster-options.js';
import { emulateCrmVerify } from '../../src/commit/cluster-checks.js';
import { firstChild, serializeDocument, type Document } from '../../src/shadow-cib/xml.js';
import { cib, dummy, fence, meta, NO_STONITH, type CibParts } from '../commit/cib-builder.js';

const haveCrmVerify = spawnSync('crm_verify', ['--version'], { encoding: 'utf8' }).status === 0;
if (!haveCrmVerify && process.env.CI === 'true') {
  throw new Error('crm_verify is not installed (Debian package pacemaker-cli-utils): the commit-gate system test cannot run');
}
const dir = mkdtempSync(join(tmpdir(), 'tcrm-gate-'));
let fileNo = 0;

/** The CIB as crmsh gives it to crm_verify: no status, quorate root. */
function asCrmshSendsIt(doc: Document): string {
  const copy = doc.cloneNode(true) as Document;
  const root = copy.documentElement!;
  const status = firstChild(root, 'status');
  if (status) root.removeChild(status);
  root.setAttribute('have-quorum', '1');
  return serializeDocument(copy);
}

interface Compared {
  rc: number;
  lines: string[];
  idrefs: string[];
}

const SCHEMA_LINE = /^.*?:(\d+): element (\S+): Relax-NG validity error : (.*)$/;
const OUR_SCHEMA_LINE = /^(\S+) \((.*?)\): (.*)$/;
const IDREF_LINE = /^element \S+: validity error : IDREF attribute/;

function realCrmVerify(text: string): Compared {
  const file = join(dir, `cib-${++fileNo}.xml`);
  writeFileSync(file, text);
  const run = spawnSync('crm_verify', ['-VV', '-x', file], { encoding: 'utf8' });
  return parseCrmVerify(text, run.stderr, run.status ?? -1);
}

/** The same, several at once (the value sweep runs hundreds). */
async function realCrmVerifyAll(texts: string[]): Promise<Compared[]> {
  return Promise.all(
    texts.map((text) => {
      const file = join(dir, `cib-${++fileNo}.xml`);
      writeFileSync(file, text);
      return new Promise<Compared>((resolve) => {
        execFile('crm_verify', ['-VV', '-x', file], { encoding: 'utf8' }, (error, _stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve(parseCrmVerify(text, stderr, code));
        });
      });
    }),
  );
}

function parseCrmVerify(text: string, stderr: string, rc: number): Compared {
  const fileLines = text.split('\n');
  const lines: string[] = [];
  const idrefs = new Set<string>();
  for (const line of stderr.split('\n').filter((l) => l !== '')) {
    if (line.includes('lack of quorum')) continue; // exempt (DECISIONS.md)
    const unprefixed = line.replace(/^.*?:\d+: (?=element )/, '');
    if (IDREF_LINE.test(unprefixed)) {
      idrefs.add(unprefixed);
      continue;
    }
    const m = SCHEMA_LINE.exec(line);
    if (m) {
      const id = /\bid="([^"]*)"/.exec(fileLines[Number(m[1]) - 1] ?? '')?.[1] ?? '*';
      lines.push(`${m[2]} (${id}): ${m[3]}`);
    } else {
      lines.push(line);
    }
  }
  return { rc, lines, idrefs: [...idrefs].sort() };
}

function emulated(doc: Document): Compared {
  const result = emulateCrmVerify(doc);
  const lines: string[] = [];
  const idrefs = new Set<string>();
  for (const { text } of result.lines) {
    if (IDREF_LINE.test(text)) {
      idrefs.add(text);
      continue;
    }
    // `operations (in d)`: an element without an id; crm_verify's line has none to compare.
    const m = OUR_SCHEMA_LINE.exec(text);
    lines.push(m && !text.startsWith('(') ? `${m[1]} (${m[2]!.startsWith('in ') ? '*' : m[2]}): ${m[3]}` : text);
  }
  return { rc: result.rc, lines, idrefs: [...idrefs].sort() };
}

function expectSame(doc: Document): void {
  expect(emulated(doc)).toEqual(realCrmVerify(asCrmshSendsIt(doc)));
}

const monitored = (id: string, extra = ''): string =>
  dummy(id, `<operations><op name="monitor" interval="10s" id="${id}-monitor-10s"${extra}/></operations>`);

const CASES: Array<[string, CibParts]> = [
  ['a valid CIB with stonith disabled', { props: NO_STONITH, resources: monitored('d') }],
  ['a primitive without a stonith resource', { resources: dummy('d') }],
  ['no resources at all', {}],
  ['a stonith resource', { resources: dummy('d') + fence('f') }],
  ['a stonith resource inside a group', { resources: `<group id="g">${fence('f')}${dummy('d')}</group>` }],
  [
    'dangling references',
    {
      resources: dummy('d'),
      constraints:
        '<rsc_location id="l1" rsc="x99" node="Lubuntu" score="100"/><rsc_colocation id="c1" rsc="d" with-rsc="x98" score="INFINITY"/>' +
        '<rsc_order id="o1" first="d" then="x97"/>',
    },
  ],
  ['a bad on-fail', { props: NO_STONITH, resources: monitored('d', ' on-fail="bogus"') }],
  ['a duplicate id', { props: NO_STONITH, resources: dummy('d', '<operations><op name="monitor" interval="10s" id="d"/></operations>') }],
  ['an unknown element', { props: NO_STONITH, resources: dummy('d'), extra: '    <frobnicate id="z"/>\n' }],
  [
    'invalid cluster options',
    { props: { 'no-quorum-policy': 'foo', 'cluster-delay': 'abc', 'batch-limit': 'abc', 'stonith-timeout': 'Pfoo' }, resources: dummy('d') },
  ],
  ['poweroff and startup-fencing=false', { props: { 'stonith-action': 'poweroff', 'startup-fencing': 'false' }, resources: fence('f') }],
  [
    'deprecated options',
    { props: { 'remove-after-stop': 'yes', 'stonith-enabled': 'off', 'stonith-action': 'poweroff' }, resources: dummy('d') },
  ],
  [
    'target-role and requires, inherited',
    {
      rscDefaults: { 'target-role': 'bar' },
      resources:
        dummy('a', meta('a', { requires: 'bogus' })) +
        `<group id="g">${meta('g', { 'target-role': 'foo' })}${dummy('b')}${dummy('c', meta('c', { 'target-role': 'Stopped' }))}</group>`,
    },
  ],
  [
    'promoted roles and clone instances',
    {
      props: NO_STONITH,
      resources:
        `<clone id="cl">${meta('cl', { requires: 'bad', 'target-role': 'Master' })}<group id="g">${dummy('s')}</group></clone>` +
        `<clone id="pr">${meta('pr', { promotable: 'true', 'target-role': 'Promoted', 'clone-max': '3' })}${dummy('p', meta('p', { 'target-role': 'Unknown' }))}</clone>`,
    },
  ],
  [
    'requires and multiple-active without fencing',
    {
      props: NO_STONITH,
      resources: dummy('a', meta('a', { requires: 'fencing' })) + dummy('b', meta('b', { requires: 'unfencing', 'multiple-active': 'x' })),
    },
  ],
  [
    'meta values the scheduler parses, in its order',
    {
      props: NO_STONITH,
      rscDefaults: { 'resource-stickiness': 'r1', 'failure-timeout': 'f1', priority: 'INFINITY', 'migration-threshold': 'INFINITY' },
      resources:
        dummy(
          'd',
          meta('d', {
            'target-role': 'zz', requires: 'yy', 'migration-threshold': 'm1', priority: 'p1', 'resource-stickiness': '5x',
            'failure-timeout': 'Pfoo', 'multiple-active': 'x1', 'is-managed': 'q',
          }),
        ) +
        `<group id="g">${dummy('e')}</group><clone id="c">${dummy('f')}</clone>`,
    },
  ],
  [
    'op attributes the schema rejects, and roles on a non-promotable resource',
    {
      props: NO_STONITH,
      resources: dummy(
        'd',
        '<operations><op id="o1" name="monitor" interval="10s" role="Master"/><op id="o3" name="start" interval="0" on-fail="fence"/>' +
          '<op id="o5" name="monitor" interval="20s" on-fail="demote"/></operations>',
      ),
      constraints: '<rsc_location id="l2" rsc="d" role="Master" node="Lubuntu" score="100"/>',
    },
  ],
  [
    'ops with roles the schema accepts',
    {
      props: NO_STONITH,
      resources: dummy('d', '<operations><op id="o1" name="monitor" interval="10s" role="Promoted"/><op id="o2" name="monitor" interval="11s" role="Unpromoted"/></operations>'),
    },
  ],
  [
    'meta from a template',
    {
      props: NO_STONITH,
      resources:
        '<template id="t" class="ocf" provider="pacemaker" type="Dummy"><meta_attributes id="tm"><nvpair id="tm1" name="target-role" value="foo"/>' +
        '<nvpair id="tm2" name="requires" value="zz"/></meta_attributes></template><primitive id="e" template="t"/>' +
        '<primitive id="x" template="t"><meta_attributes id="xm"><nvpair id="xm1" name="target-role" value="bar"/></meta_attributes></primitive>',
    },
  ],
  [
    'bundles',
    {
      props: NO_STONITH,
      rscDefaults: { requires: 'zz', priority: 'p' },
      resources:
        '<bundle id="b"><podman image="x" replicas="2"/><network control-port="3121"/><primitive id="bp" class="ocf" provider="pacemaker" type="Dummy"/></bundle>' +
        '<bundle id="b2"><docker image="x"/></bundle>' +
        '<bundle id="b3"><docker image="x"/><primitive id="bp3" class="ocf" provider="pacemaker" type="Dummy"/></bundle>' +
        `<bundle id="b4">${meta('b4', { 'target-role': 'foo' })}<docker image="x" replicas="2"/><network control-port="3121"/><primitive id="bp4" class="ocf" provider="pacemaker" type="Dummy"/></bundle>`,
    },
  ],
  [
    'several property sets: cib-bootstrap-options first, then by score, later sets first among equals',
    {
      props: { 'stonith-enabled': 'false', 'no-quorum-policy': 'bar' },
      propertySets:
        '<cluster_property_set id="zzz" score="100"><nvpair id="z1" name="no-quorum-policy" value="foo"/><nvpair id="z2" name="batch-limit" value="x"/></cluster_property_set>' +
        '<cluster_property_set id="aaa"><nvpair id="a1" name="batch-limit" value="y"/><nvpair id="a2" name="cluster-delay" value="q"/></cluster_property_set>' +
        '<cluster_property_set id="bbb"><nvpair id="b1" name="cluster-delay" value="later"/></cluster_property_set>' +
        '<cluster_property_set id="neg" score="-INFINITY"><nvpair id="n1" name="cluster-delay" value="r"/><nvpair id="n2" name="stop-all-resources" value="maybe"/></cluster_property_set>',
      resources: dummy('d'),
    },
  ],
  [
    'meta sets by score',
    {
      props: NO_STONITH,
      resources:
        '<primitive id="d" class="ocf" provider="pacemaker" type="Dummy"><meta_attributes id="m1"><nvpair id="m1a" name="target-role" value="one"/></meta_attributes>' +
        '<meta_attributes id="m2" score="10"><nvpair id="m2a" name="target-role" value="two"/><nvpair id="m2b" name="requires" value="r2"/></meta_attributes>' +
        '<meta_attributes id="m3" score="10"><nvpair id="m3a" name="requires" value="r3"/><nvpair id="m3b" name="priority" value="p3"/></meta_attributes></primitive>',
    },
  ],
  ['pacemaker-next', { validateWith: 'pacemaker-next', props: NO_STONITH, resources: dummy('d') }],
  ['validate-with none', { validateWith: 'none', props: NO_STONITH, resources: dummy('d') }],
  ['an unknown schema', { validateWith: 'foo', props: NO_STONITH, resources: dummy('d') }],
  ['a pacemaker-2.0 CIB', { validateWith: 'pacemaker-2.0', props: NO_STONITH, resources: dummy('d') }],
];

describe.skipIf(!haveCrmVerify)('crm_verify emulation matches crm_verify -VV -x', () => {
  it.each(CASES)('%s', (_name, parts) => {
    expectSame(cib(parts));
  });

  const VALUES = ['abc', '', '10', '5x', '1.5', '1.5s', '10secs', '1d', 'TRUE', 'no', 'PT5M', 'P', '-INFINITY', 'Stop', 'OFF'];
  const scheduler = clusterOptions().filter((o) => o.daemon === 'schedulerd' && o.name !== 'stonith-enabled');
  it.each(scheduler.map((o) => o.name))('every value kind for %s', async (name) => {
    const docs = VALUES.map((value) => cib({ props: { ...NO_STONITH, [name]: value }, resources: dummy('d') }));
    const real = await realCrmVerifyAll(docs.map(asCrmshSendsIt));
    docs.forEach((doc, i) => expect(emulated(doc), `${name}=${VALUES[i]}`).toEqual(real[i]));
  });

  it('random CIBs mixing options, containers and meta values', () => {
    let seed = Number(process.env.TCRM_GATE_SEED ?? 20261128);
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pick = <T,>(xs: T[]): T => xs[rand(xs.length)]!;
    const metaValues: Record<string, string[]> = {
      'target-role': ['Started', 'Stopped', 'Master', 'Promoted', 'Unpromoted', 'foo', 'started', 'Unknown'],
      requires: ['quorum', 'fencing', 'unfencing', 'nothing', 'bogus'],
      'multiple-active': ['block', 'stop_only', 'bad'],
      priority: ['10', 'x', 'INFINITY'],
      'resource-stickiness': ['100', 'INFINITY', 'abc', 'green'],
      'migration-threshold': ['3', '3x'],
      'failure-timeout': ['60s', '1d', 'PT1M'],
      promotable: ['true', 'false'],
      'clone-max': ['1', '3'],
    };
    const randomMeta = (id: string): string => {
      const pairs: Record<string, string> = {};
      for (let i = rand(3); i > 0; i--) {
        const name = pick(Object.keys(metaValues));
        pairs[name] = pick(metaValues[name]!);
      }
      return Object.keys(pairs).length > 0 ? meta(id, pairs) : '';
    };
    let n = 0;
    const seen = new Set<string>();
    const randomOps = (id: string): string => {
      if (rand(2) === 0) return '';
      const ops = Array.from({ length: 1 + rand(2) }, (_, i) => {
        const attrs = [`id="${id}-op${i}"`, `name="${pick(['monitor', 'start', 'stop', 'promote'])}"`, `interval="${pick(['0', '10s', '20'])}"`];
        if (rand(3) === 0) attrs.push(`role="${pick(['Promoted', 'Master', 'Started', 'bogus'])}"`);
        if (rand(3) === 0) attrs.push(`on-fail="${pick(['restart', 'block', 'fence', 'demote', 'bogus'])}"`);
        if (rand(4) === 0) attrs.push(`timeout="${pick(['20s', 'abc'])}"`);
        return `<op ${attrs.join(' ')}/>`;
      });
      return `<operations>${ops.join('')}</operations>`;
    };
    const primitive = (): string =>
      rand(8) === 0 ? fence(`f${++n}`) : dummy(`p${++n}`, randomMeta(`p${n}`) + randomOps(`p${n}`));
    const resource = (): string => {
      switch (rand(4)) {
        case 0: {
          const id = `g${++n}`;
          return `<group id="${id}">${randomMeta(id)}${primitive()}${primitive()}</group>`;
        }
        case 1: {
          const id = `c${++n}`;
          return `<clone id="${id}">${randomMeta(id)}${rand(2) ? primitive() : `<group id="cg${n}">${primitive()}</group>`}</clone>`;
        }
        default:
          return primitive();
      }
    };
    const scheduler = clusterOptions().filter((o) => o.daemon === 'schedulerd');
    for (let round = 0; round < 80; round++) {
      const props: Record<string, string> = rand(3) > 0 ? { ...NO_STONITH } : {};
      for (let i = rand(4); i > 0; i--) props[pick(scheduler).name] = pick(VALUES);
      if (rand(2)) props['stonith-enabled'] = pick(['false', 'true', 'no', 'maybe']);
      const first = n;
      const resources = Array.from({ length: rand(4) }, resource).join('');
      const ids = [...resources.matchAll(/<(?:primitive|group|clone) id="([^"]+)"/g)].map((m) => m[1]!);
      const ref = (): string => (ids.length === 0 || rand(6) === 0 ? `ghost${first}` : pick(ids));
      const constraints = Array.from({ length: rand(3) }, (_, i) =>
        pick([
          () => `<rsc_location id="loc${first}-${i}" rsc="${ref()}" node="Lubuntu" score="${pick(['100', '-INFINITY'])}"/>`,
          () => `<rsc_colocation id="col${first}-${i}" rsc="${ref()}" with-rsc="${ref()}" score="INFINITY"/>`,
          () => `<rsc_order id="ord${first}-${i}" first="${ref()}" then="${ref()}" kind="${pick(['Mandatory', 'Optional'])}"/>`,
        ])(),
      ).join('');
      const parts: CibParts = {
        props,
        resources,
        constraints,
        nodes: ['Lubuntu', 'Lubuntu1', 'Lubuntu2'].slice(0, 1 + rand(3)),
      };
      if (rand(3) === 0) parts.rscDefaults = { [pick(Object.keys(metaValues))]: pick(['foo', 'Stopped', 'abc', '5']) };
      const doc = cib(parts);
      const real = realCrmVerify(asCrmshSendsIt(doc));
      expect(emulated(doc), `round ${round}: ${serializeDocument(doc)}`).toEqual(real);
      seen.add(real.lines.find((l) => l.includes('did not pass')) ? 'schema' : real.rc === 78 ? 'config' : 'ok');
    }
    // The generator must reach all three outcomes, or it tests less than it seems.
    expect([...seen].sort()).toEqual(['config', 'ok', 'schema']);
  });
});
