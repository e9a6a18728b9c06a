import { defineConfig } from 'vitest/config';

// System tests: need Debian packages (crmsh, pacemaker-cli-utils, …) installed by .ci/run.
export default defineConfig({
  test: {
    include: ['test/system/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
});
