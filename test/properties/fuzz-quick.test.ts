/** A short fuzz run in the hermetic suite (the 100,000-input run is in test:system). */
import { expect, it } from 'vitest';
import { fuzzOne, fuzzRun } from '../helpers/fuzz.js';

it('3,000 mutated inputs: nothing throws, every error has a position', () => {
  expect(fuzzRun(3000, 7).failures).toEqual([]);
}, 120_000);

it('the fuzz check notices an error', () => {
  // Binary junk and unbalanced quotes are reported, never thrown.
  expect(fuzzOne('configure\nprimitive "x\n\u0000\u0001 \\')).toBeNull();
  expect(fuzzOne('configure\nprimitive vip ocf:heartbeat:IPaddr2 params ip=1 op monitor interval=\n')).toBeNull();
});

it('an option name with regex characters in a location does not throw (found by the 100,000 run)', () => {
  expect(fuzzOne('configure\nclone c1 s1\nlocation ticketA: c1 r)ole=Master 100: Lubuntu')).toBeNull();
});

it('a 2 MB word where a command is expected is no command, not a crash', () => {
  expect(fuzzOne('x'.repeat(2_000_000) + '[')).toBeNull();
  expect(fuzzOne('configure\n' + 'a('.repeat(500_000))).toBeNull();
});
