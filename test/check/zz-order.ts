import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';
const opts = { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' as const };
checkText(readFileSync('fixtures/answers/clean-configure.crm'), 'w', opts);
for (const round of [1, 2]) for (const n of readdirSync('fixtures/answers').filter((f) => f.endsWith('.crm')).sort()) {
  const t = performance.now();
  checkText(readFileSync('fixtures/answers/' + n), n, opts);
  const ms = performance.now() - t;
  if (ms > 15) console.log(round, n, ms.toFixed(1), 'ms');
}
