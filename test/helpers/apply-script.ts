/** Applies configure-level text to a document in-process, the way `load update` reads a file. */
import { splitLogicalLines } from '../../src/grammar/split-words.js';
import { parseConfigureStatement } from '../../src/grammar/parse-configure.js';
import { applyStatement } from '../../src/shadow-cib/lower.js';
import { IdAllocator } from '../../src/shadow-cib/ids.js';
import type { Document } from '../../src/shadow-cib/xml.js';

export function applyScript(doc: Document, text: string, file: string): { doc: Document; errors: string[] } {
  const ctx = { ids: IdAllocator.fromDocument(doc), changed: new Set<string>() };
  const errors: string[] = [];
  for (const line of splitLogicalLines(text, file)) {
    if (line.words.length === 0) continue;
    const { stmt, diagnostics } = parseConfigureStatement(line, line.words[0]!.text, { fromText: true });
    const all = stmt ? [...diagnostics, ...applyStatement(doc, stmt, ctx)] : diagnostics;
    for (const d of all) errors.push(`${d.severity}: ${d.message} (line ${line.at.line})`);
  }
  return { doc, errors };
}
