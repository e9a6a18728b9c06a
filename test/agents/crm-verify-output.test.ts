/**
 * Real crm_verify output (Pacemaker 2.1.5, captured from `crm_verify -VV --xml-pipe`) read back
 * with its levels, and merged with the lines tcrm's emulation already showed: each once.
 */
import { describe, expect, it } from 'vitest';
import { diag } from '../../src/diagnostic.js';
import { findingKey, mergeCrmVerifyLines, parseCrmVerifyOutput, prettifySchemaLine } from '../../src/verify/crm-verify-output.js';
import { memberNames } from '../../src/session/live-nodes.js';

const BOGUS_ROLE = [
  '(cluster_status) \twarning: Fencing and resource management disabled due to lack of quorum',
  '(text2role) \terror: Unknown role: Bogus',
  "(get_target_role) \terror: Ignoring 'target-role' for d because 'Bogus' is not valid",
  '(unpack_resources) \terror: Resource start-up disabled since no STONITH resources have been defined',
  'crm_verify: Errors found during check: config not valid',
  '',
].join('\n');

const SCHEMA = [
  'Entity: line 8: element primitive: Relax-NG validity error : Invalid attribute bogus for element primitive',
  '(main) \terror: CIB did not pass schema validation',
  'crm_verify: Errors found during check: config not valid',
  '-V may provide more details',
].join('\n');

describe('crm_verify output', () => {
  it('keeps each line with its own level; drops notices and the -V hint', () => {
    expect(parseCrmVerifyOutput(BOGUS_ROLE + '(unpack_config) \tnotice: On loss of quorum: Stop ALL resources\n')).toEqual([
      { text: '(cluster_status) \twarning: Fencing and resource management disabled due to lack of quorum', level: 'warning' },
      { text: '(text2role) \terror: Unknown role: Bogus', level: 'error' },
      { text: "(get_target_role) \terror: Ignoring 'target-role' for d because 'Bogus' is not valid", level: 'error' },
      { text: '(unpack_resources) \terror: Resource start-up disabled since no STONITH resources have been defined', level: 'error' },
      { text: 'crm_verify: Errors found during check: config not valid', level: 'error' },
    ]);
    expect(parseCrmVerifyOutput('crm_verify: Warnings found during check: config may not be valid\n')[0]!.level).toBe('warning');
    expect(parseCrmVerifyOutput(SCHEMA).map((l) => l.level)).toEqual(['error', 'error', 'error']);
  });

  it('a line the emulation showed (crmsh-labelled, any level word) is not shown again', () => {
    const shown = [
      diag('CRM', 'error', '(text2role) \terror: Unknown role: Bogus'),
      diag('CRM', 'error', "(get_target_role) \terror: Ignoring 'target-role' for d because 'Bogus' is not valid"),
      diag('CRM', 'error', '(unpack_resources) \terror: Resource start-up disabled since no STONITH resources have been defined'),
      diag('CRM', 'error', 'crm_verify: Errors found during check: config not valid'),
    ];
    const merged = mergeCrmVerifyLines(parseCrmVerifyOutput(BOGUS_ROLE), shown);
    expect(merged).toEqual([diag('CRM', 'warning', '(cluster_status) \twarning: Fencing and resource management disabled due to lack of quorum')]);
  });

  it('nothing shown before: every line once, even when crm_verify repeats one', () => {
    const twice = BOGUS_ROLE + '(text2role) \terror: Unknown role: Bogus\n';
    const merged = mergeCrmVerifyLines(parseCrmVerifyOutput(twice), []);
    expect(merged.filter((d) => d.message.includes('Unknown role'))).toHaveLength(1);
    expect(merged).toHaveLength(5);
  });

  it('schema lines: prettified as crmsh does, and matched by element and text', () => {
    expect(prettifySchemaLine('Entity: line 24: element op: Relax-NG validity error : Expecting an element nvpair')).toBe(
      'op (4): Expecting an element nvpair',
    );
    expect(findingKey('op (d-monitor-10s): Expecting an element nvpair')).toBe(findingKey('Entity: line 24: element op: Relax-NG validity error : Expecting an element nvpair'));
    const shown = [diag('CRM', 'error', 'primitive (d): Invalid attribute bogus for element primitive'), diag('CRM', 'error', '(main) \terror: CIB did not pass schema validation')];
    expect(mergeCrmVerifyLines(parseCrmVerifyOutput(SCHEMA), shown).map((d) => d.message)).toEqual(['crm_verify: Errors found during check: config not valid']);
  });
});

describe('crm_node -l', () => {
  it('names are the second column', () => {
    expect(memberNames('1 Lubuntu member\n2 Lubuntu1 lost\n\n')).toEqual(['Lubuntu', 'Lubuntu1']);
  });
});
