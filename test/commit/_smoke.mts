import { readFileSync } from 'node:fs';
import { parseXml } from '../../src/shadow-cib/xml.ts';
import { emulateCrmVerify, checkAtCommit } from '../../src/commit/cluster-checks.ts';
for (const f of process.argv.slice(2)) {
  const doc = parseXml(readFileSync(f, 'utf8'));
  const t0 = performance.now();
  const r = emulateCrmVerify(doc);
  console.log(`== ${f} rc=${r.rc} (${(performance.now()-t0).toFixed(0)} ms)`);
  for (const l of r.lines) console.log(l.text);
  for (const n of r.notes) console.log('NOTE', n.message);
  const c = checkAtCommit(doc);
  console.log('-- commit blocking', c.blocking); for (const d of c.lines) console.log(d.severity.toUpperCase()+': '+d.message);
}
