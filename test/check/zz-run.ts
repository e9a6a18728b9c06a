import { readFileSync } from 'node:fs';
import { checkText } from '../../src/check/check-file.js';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
const [file, mode, nodes] = process.argv.slice(2);
const r = checkText(readFileSync(file!), file!, { mode: (mode || undefined) as never, nodes: (nodes ?? 'Lubuntu,Lubuntu1').split(',').filter(Boolean), catalog: bundledCatalog(), lang: 'en' });
console.log(r.mode);
for (const f of r.findings) console.log(`${f.line}:${f.column}-${f.endColumn} ${f.severity} ${f.code} ${f.message} | ${f.suggestion ?? ''} | ${f.note ?? ''}`);
