import { it } from 'vitest';
import { run, prim, set, op } from '/work/main/test/shadow-cib/lower-helpers.ts';
it('perf', () => {
  const stmts = [];
  for (let i = 0; i < 3000; i++) stmts.push(prim(`p${i}`, 'Dummy', { sets: [set('params', `a=${i} b=2`)], ops: [op('monitor', 'interval=10s')] }));
  const t = Date.now();
  run(stmts);
  console.log('ms', Date.now() - t);
});
