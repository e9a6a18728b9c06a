/**
 * The long fuzz run (issue 10): `node --import tsx scripts/fuzz.ts [COUNT] [SEED]` (default
 * 100,000 inputs). Prints the count, the time and each failure with the input that caused it;
 * exits 1 when anything failed. test/system/fuzz.test.ts runs the same with the default count.
 */
import { fuzzRun } from '../test/helpers/fuzz.js';

const count = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 20261128);
const started = performance.now();
const { runs, failures } = fuzzRun(count, seed);
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${runs} mutated inputs (seed ${seed}) in ${seconds.toFixed(1)} s, ${failures.length} failure(s)`);
for (const f of failures) console.log(`--- input ${JSON.stringify(f.input)}\n    ${f.problem.split('\n').slice(0, 6).join('\n    ')}`);
process.exit(failures.length > 0 ? 1 : 0);
