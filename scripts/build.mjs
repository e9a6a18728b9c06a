// Bundles bin/tcrm.ts into dist/tcrm.js (ESM, Node 20), the file package.json's `bin` points at.
import { build } from 'esbuild';

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
    js: "#!/usr/bin/env node\nimport { createRequire as __tcrmRequire } from 'node:module'; const require = __tcrmRequire(import.meta.url);",
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
