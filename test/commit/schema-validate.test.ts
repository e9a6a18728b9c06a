import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateCibSchema, checkSchema } from '../../src/commit/schema-validate.js';
import { cib, cibXml, dummy, NO_STONITH } from './cib-builder.js';
import { parseXml } from '../../src/shadow-cib/xml.js';

const here = dirname(fileURLToPath(import.meta.url));
const FAILED = '(main) \terror: CIB did not pass schema validation';
const ERRORS = 'crm_verify: Errors found during check: config not valid';
const messages = (doc: ReturnType<typeof cib>): string[] => validateCibSchema(doc).map((d) => d.message);
const monitored = (extra = ''): string =>
  dummy('d', `<operations><op name="monitor" interval="10s" id="d-monitor-10s"${extra}/></operations>`);

describe('validateCibSchema', () => {
  it('accepts a valid CIB', () => {
    expect(validateCibSchema(cib({ props: NO_STONITH, resources: monitored() }))).toEqual([]);
  });

  it('reports dangling references in libxml2 words, then crm_verify closing lines', () => {
    const doc = cib({
      resources: dummy('d'),
      constraints:
        '<rsc_location id="l1" rsc="x99" node="Lubuntu" score="100"/><rsc_colocation id="c1" rsc="d" with-rsc="x98" score="INFINITY"/>',
    });
    const diags = validateCibSchema(doc);
    expect(diags.map((d) => d.message)).toEqual([
      'element rsc_location: validity error : IDREF attribute rsc references an unknown ID "x99"',
      'element rsc_colocation: validity error : IDREF attribute with-rsc references an unknown ID "x98"',
      FAILED,
      ERRORS,
    ]);
    expect(diags.every((d) => d.code === 'CRM' && d.severity === 'error')).toBe(true);
  });

  it('does not echo libxml2 output to stderr (outside vitest, whose console libxml2 binds)', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'validate-child.ts')], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)[0]).toBe('element rsc_location: validity error : IDREF attribute rsc references an unknown ID "x99"');
  });

  it('names element and id for a bad on-fail', () => {
    expect(messages(cib({ resources: monitored(' on-fail="bogus"') }))).toEqual([
      'op (d-monitor-10s): Expecting an element meta_attributes, got nothing',
      'Relax-NG validity error : Extra element operations in interleave',
      'operations (in d): Element primitive failed to validate content',
      'primitive (d): Element resources has extra content: primitive',
      FAILED,
      ERRORS,
    ]);
  });

  it('reports a duplicate id', () => {
    const doc = cib({ resources: dummy('d', '<operations><op name="monitor" interval="10s" id="d"/></operations>') });
    expect(messages(doc)[0]).toBe('op (d): ID d redefined');
    expect(messages(doc).slice(-2)).toEqual([FAILED, ERRORS]);
  });

  it('reports an unknown element', () => {
    expect(messages(cib({ extra: '    <frobnicate id="z"/>\n' }))).toEqual([
      'frobnicate (z): Element configuration has extra content: frobnicate',
      FAILED,
      ERRORS,
    ]);
  });

  it('uses the schema named by validate-with', () => {
    // rsc_expression appeared in pacemaker-3.4's rules: fine for 3.9, invalid for 3.0.
    const rule =
      '<rsc_defaults><meta_attributes id="rd"><rule id="r" score="INFINITY"><rsc_expression id="re" class="ocf"/></rule>' +
      '<nvpair id="rd-x" name="target-role" value="Started"/></meta_attributes></rsc_defaults>\n';
    expect(validateCibSchema(cib({ extra: rule }))).toEqual([]);
    expect(messages(cib({ extra: rule, validateWith: 'pacemaker-3.0' })).slice(-2)).toEqual([FAILED, ERRORS]);
    expect(validateCibSchema(cib({ validateWith: 'pacemaker-2.0', resources: dummy('d') }))).toEqual([]);
  });

  it('says so for pacemaker-next, none, old and unknown schemas', () => {
    expect(messages(cib({ validateWith: 'pacemaker-next' }))).toEqual([
      '(validate_with) \twarning: The pacemaker-next schema is deprecated and will be removed in a future release.',
    ]);
    expect(messages(cib({ validateWith: 'none' }))).toEqual([
      'Schema validation of configuration is disabled (enabling is encouraged and prevents common misconfigurations)',
    ]);
    const none = cib();
    none.documentElement!.removeAttribute('validate-with');
    expect(validateCibSchema(none).map((d) => [d.message, d.hint])).toEqual([
      [
        'Schema validation of configuration is disabled (enabling is encouraged and prevents common misconfigurations)',
        'the CIB has no validate-with attribute',
      ],
    ]);
    const old = validateCibSchema(cib({ validateWith: 'pacemaker-1.2' }));
    expect(old.map((d) => [d.code, d.severity])).toEqual([['TCRM3010', 'warning']]);
    const unknown = checkSchema(cib({ validateWith: 'foo' }));
    expect(unknown.valid).toBe(false);
    expect(unknown.lines.map((l) => l.text)).toEqual([FAILED, ERRORS]);
    expect(unknown.lines[0]!.hint).toContain('foo');
  });

  it('validates a 5,000-primitive CIB (time printed, not asserted)', () => {
    const resources = Array.from({ length: 5000 }, (_, i) =>
      dummy(`r${i}`, `<operations><op name="monitor" interval="10s" id="r${i}-monitor-10s"/></operations>`),
    ).join('\n');
    const constraints = Array.from({ length: 500 }, (_, i) => `<rsc_location id="l${i}" rsc="r${i}" node="Lubuntu" score="100"/>`).join('\n');
    const text = cibXml({ props: NO_STONITH, resources, constraints });
    const doc = parseXml(text);
    validateCibSchema(doc); // schema already loaded by earlier tests; warm the path once
    const t0 = performance.now();
    const result = validateCibSchema(doc);
    const ms = performance.now() - t0;
    console.log(`schema validation of a 5,000-primitive CIB (${(text.length / 1024).toFixed(0)} KB): ${ms.toFixed(1)} ms`);
    expect(result).toEqual([]);
  });
});
