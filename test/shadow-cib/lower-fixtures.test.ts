/**
 * Text-level fixtures: each fixtures/lower/NAME/input.crm was run through crmsh 4.4.1 (see
 * fixtures/lower/README.md); here it goes through our grammar and lowering, and the resulting
 * configuration and crmsh's creation-time messages must match.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { parseConfigureStatement } from '../../src/grammar/parse-configure.js';
import { INTERNAL_ERROR_CODE } from '../../src/grammar/syntax-error.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { applyStatement } from '../../src/shadow-cib/lower.js';
import { TCRM_XML_PARSE } from '../../src/shadow-cib/lower/common.js';
import { canonicalConfiguration, parseXml } from '../../src/shadow-cib/xml.js';
import { baseDoc, expectedConfiguration, FIXTURES, lines, newContext } from './lower-helpers.js';

/** Lines crmsh prints at commit/verify time or from agent metadata: not the lowering's business. */
const NOT_LOWERING = [
  /got no meta-data|no such resource agent/,
  /^(ERROR|WARNING): \(/,
  /crm_verify|validity error|did not pass schema validation|schema-invalid CIB|commit forced|^exit |^Call failed|^Traceback|^NameError|^\s*\d+\s*$/,
  // libxml2's wording after `Cannot parse XML data:`; ours is TCRM2001 with xmldom's message.
  /^ERROR: syntax in xml: .*\(<string>, line \d+\) parsing/,
  /parameter ".*" (is not known|not defined)|interval in monitor must be unique|unknown attribute|not a stonith resource|attribute '.*' value '.*' not recognized|than the advised|violate uniqueness for parameter|is smaller than/,
  /^WARNING: \S+: resource .* does not exist/,
  // command aliases are announced by the configure level's dispatcher
  /is deprecated, please use|is accepted as/,
  /^ERROR:\s+\S+ \(\d+\):/,
];

function crmshLines(name: string): string[] {
  const seen: string[] = [];
  for (const line of readFileSync(join(FIXTURES, name, 'expected.out'), 'utf8').split('\n')) {
    if (!line.trim() || NOT_LOWERING.some((re) => re.test(line))) continue;
    seen.push(line);
  }
  return seen;
}

/** The dispatcher's alias table, for the few aliases the fixtures use. */
const ALIASES: Record<string, string> = { resource: 'primitive', master: 'ms', collocation: 'colocation', 'fencing-topology': 'fencing_topology' };

function runText(name: string): { xml: string; diags: Diagnostic[] } {
  const base = existsSync(join(FIXTURES, name, 'base.xml'))
    ? parseXml(readFileSync(join(FIXTURES, name, 'base.xml'), 'utf8'))
    : baseDoc();
  const ctx = newContext(base);
  const diags: Diagnostic[] = [];
  const text = readFileSync(join(FIXTURES, name, 'input.crm'), 'utf8');
  for (const line of splitLogicalLines(text, 'input.crm')) {
    if (line.words.length === 0) continue;
    const word = line.words[0]!.text;
    const parsed = parseConfigureStatement(line, ALIASES[word] ?? word);
    diags.push(...parsed.diagnostics);
    if (parsed.stmt) diags.push(...applyStatement(base, parsed.stmt, ctx).filter((d) => d.code !== TCRM_XML_PARSE));
  }
  return { xml: canonicalConfiguration(base), diags };
}

/**
 * Fixtures that fail because of the grammar, not the lowering (reported to the grammar's
 * owner). `it.fails` keeps the suite green and turns red once the grammar is fixed: then
 * delete the entry.
 */
const GRAMMAR_GAPS: Record<string, string> = {};

const names = readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'input.crm')));

describe('lowering matches crmsh on text fixtures', () => {
  for (const name of names) {
    (GRAMMAR_GAPS[name] ? it.fails : it)(name, (t) => {
      const { xml, diags } = runText(name);
      // The grammar is being written alongside: its internal errors are not lowering's to judge.
      if (diags.some((d) => d.code === INTERNAL_ERROR_CODE)) t.skip();
      expect(lines(diags)).toEqual(crmshLines(name));
      expect(xml).toBe(expectedConfiguration(name));
    });
  }
});
