import { readFileSync, readdirSync } from 'node:fs';
import { checkText } from '../../src/check/check-file.js';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
const dir = 'fixtures/answers';
const only = process.argv[2];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.crm')).sort()) {
  if (only && !name.includes(only)) continue;
  const r = checkText(readFileSync(`${dir}/${name}`), `${dir}/${name}`, { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' });
  console.log(`== ${name} (${r.mode})`);
  for (const f of r.findings) console.log(`  ${f.line}:${f.column}-${f.endColumn} ${f.severity} ${f.code} ${f.message.slice(0, 110)} | ${f.suggestion ?? ''}`);
}
