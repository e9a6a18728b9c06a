/** The `tcrm` executable: hands process state to `run()` and exits with its status. */

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// `tcrm … | head`: a closed pipe ends the run quietly, as for any Unix filter.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const argv = process.argv.slice(2);
const stdinIsTTY = Boolean(process.stdin.isTTY);
const needsStdin = !stdinIsTTY && (argv.length === 0 || argv.includes('-') || argv.some((a, i) => (a === '-f' || a === '--file') && argv[i + 1] === '-'));
const stdin = needsStdin ? await readStdin() : undefined;

// A bare `tcrm` on a terminal shows its prompt before the rest of the program loads
// (notes/ink-repl.md "First prompt fast"); the REPL then takes that prompt over.
// The REPL itself then takes keys while the rest loads; lines typed meanwhile wait for it.
const earlyRepl = argv.length === 0 && stdinIsTTY && process.stdout.isTTY && process.env.TCRM_SIMPLE_PROMPT !== '1';
if (earlyRepl) {
  const { showEarlyPrompt } = await import('../src/repl/early-prompt.js');
  showEarlyPrompt(process.env);
  const { preloadRepl } = await import('../src/repl/preload.js');
  await preloadRepl(process.env);
}
const { run } = await import('../src/cli/run.js');
const code = await run(argv, {
  stdin,
  // `load update -` in a script given with -f: stdin is read only when a command asks for it.
  readStdin: stdin === undefined && !stdinIsTTY ? readStdin : undefined,
  stdinIsTTY,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
if (earlyRepl) (await import('../src/repl/preload.js')).releasePreloaded();
process.exitCode = code;
