import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { bundledCatalog } from '../../src/agents/choose-catalog.js';
import { checkText } from '../../src/check/check-file.js';
import * as cc from '../../src/commit/cluster-checks.js';
const opts = { nodes: ['Lubuntu', 'Lubuntu1'], catalog: bundledCatalog(), lang: 'en' as const };
checkText(readFileSync('fixtures/answers/clean-configure.crm'), 'w', opts);
for (const n of ['clean-configure.crm', 'clean-script.crm', 'handout-seed.crm', 'misspelt-op.crm']) {
  const t = performance.now();
  for (let i = 0; i < 30; i++) checkText(readFileSync('fixtures/answers/' + n), n, opts);
  console.log(n, ((performance.now() - t) / 30).toFixed(1), 'ms');
}
