import { parseConfigureStatement, type ParseConfigureResult } from '../../src/grammar/parse-configure.js';
import { splitLogicalLines } from '../../src/grammar/split-words.js';

/** What the dispatcher would hand over for the command words used in tests. */
const CANONICAL: Record<string, string> = {
  prim: 'primitive',
  resource: 'primitive',
  master: 'ms',
  collocation: 'colocation',
  'fencing-topology': 'fencing_topology',
};

export function parseLine(text: string): ParseConfigureResult {
  const [line] = splitLogicalLines(text, 'test.crm');
  const word = line.words[0].text.toLowerCase();
  return parseConfigureStatement(line, CANONICAL[word] ?? word);
}

/** Parses a line that must be valid and returns its statement, with positions stripped. */
export function ast(text: string): unknown {
  const r = parseLine(text);
  if (r.diagnostics.length > 0) throw new Error(`unexpected diagnostic: ${r.diagnostics[0].message}`);
  const plain = JSON.parse(JSON.stringify(r.stmt, (k, v) => (k === 'at' ? undefined : v))) as Record<string, unknown>;
  delete plain.text;
  return plain;
}
