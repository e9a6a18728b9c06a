/**
 * 100,000 mutated real scripts through the whole input pipeline (issue 10): no exception, no
 * internal error, a position on every error. Seeded, so a failure here reproduces with
 * `node --import tsx scripts/fuzz.ts 100000 20261128`.
 */
import { expect, it } from 'vitest';
import { fuzzRun } from '../helpers/fuzz.js';

it('100,000 mutated inputs: nothing throws, every error has a position', () => {
  const { runs, failures } = fuzzRun(100_000, 20261128);
  console.log(`fuzz: ${runs} inputs, ${failures.length} failures`);
  expect(failures).toEqual([]);
}, 20 * 60_000);
