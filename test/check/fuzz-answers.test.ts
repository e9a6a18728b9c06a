/**
 * Mutated answers (seeded): every fixture in fixtures/answers with random cuts, insertions of
 * the characters students get wrong (quotes, `\`, `:`, `=`, curly quotes, non-breaking spaces,
 * `crm `, prompts, here-documents) and duplicated or swapped lines. The properties: checkText
 * never throws, never reports an internal error, and every finding points inside the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';

const DIR = join(import.meta.dirname, '../../fixtures/answers');
const INSERTS = [
  '\\', '"', "'", ':', '=', ' ', '\n', '\r\n', '#', '\t', '“', '”', '\u00a0', '–', 'crm ', 'sudo crm ', 'op ', 'params ',
  '\\\n', ' \\ ', 'crm(live)configure# ', 'root@Lubuntu:~# crm ', '   > ', 'crm configure <<EOF\n', '\nEOF\n', 'inf:', 'Infinity:',
  '-inf:', 'node ', 'resource ', 'end\n', 'commit\n', '(y/n)? y\n', ' = ', ' : ', '$id=', '@', '(', ')',
];

it('never throws, never an internal error, positions inside the file (400 mutated answers)', () => {
  const catalog = bundledCatalog();
  const files = readdirSync(DIR).filter((f) => f.endsWith('.crm')).sort();
  let seed = 20261129;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const problems: string[] = [];
  for (let n = 0; n < 400; n++) {
    const name = files[n % files.length]!;
    let s = readFileSync(join(DIR, name), 'latin1');
    for (let k = 1 + rnd(4); k > 0; k--) {
      const p = rnd(s.length + 1);
      const op = rnd(4);
      const lines = s.split('\n');
      if (op === 0) s = s.slice(0, p) + s.slice(p + 1 + rnd(5));
      else if (op === 1) s = s.slice(0, p) + INSERTS[rnd(INSERTS.length)]! + s.slice(p);
      else if (op === 2) {
        lines.splice(rnd(lines.length), 0, lines[rnd(lines.length)]!);
        s = lines.join('\n');
      } else {
        const a = rnd(lines.length);
        const b = rnd(lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join('\n');
      }
    }
    let r;
    try {
      r = checkText(Buffer.from(s, 'utf8'), name, { nodes: ['Lubuntu', 'Lubuntu1'], catalog, lang: n % 2 ? 'en' : 'fr' });
    } catch (e) {
      problems.push(`${name} #${n}: threw ${String(e)}`);
      continue;
    }
    for (const f of r.findings) {
      const inside = f.line >= 1 && f.column >= 1 && (r.lines.length === 0 || f.line <= r.lines.length) && (f.endLine !== f.line || f.endColumn > f.column);
      if (f.code === 'TCRM0006' || !inside) problems.push(`${name} #${n}: ${f.line}:${f.column} ${f.code} ${f.message}`);
    }
  }
  expect(problems).toEqual([]);
});
