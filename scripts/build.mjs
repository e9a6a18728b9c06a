// Bundles bin/tcrm.ts into dist/tcrm.js (ESM, Node 20), the file package.json's `bin` points at.
// Code splitting keeps what is imported dynamically (the Ink REPL, `check`) in chunks of its
// own, so the batch path never loads Ink and the first prompt loads only what it needs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: without a clean start, old chunks would pile up in dist/.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { tcrm: 'bin/tcrm.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: false,
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __tcrmRequire } from 'node:module'; const require = __tcrmRequire(import.meta.url);" +
      // ssh2 (CommonJS) reads __dirname when it looks for its optional native parts.
      " import { fileURLToPath as __tcrmPath } from 'node:url'; const __filename = __tcrmPath(import.meta.url); const __dirname = __tcrmPath(new URL('.', import.meta.url));",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports react-devtools-core behind a DEV check; marking it external fails at start.
  alias: { 'react-devtools-core': './scripts/stubs/empty.mjs' },
  jsx: 'automatic',
  // ssh2's optional native parts, required inside try/catch: absent at run time, ssh2 falls back.
  external: ['cpu-features', '*.node'],
  logLevel: 'warning',
});
