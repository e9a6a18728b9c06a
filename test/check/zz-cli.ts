import { run } from '../../src/cli/run.js';
const code = await run(process.argv.slice(2), { stdinIsTTY: false, stdoutIsTTY: false, env: { ...process.env }, cwd: process.cwd(), stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
console.log('exit', code);
