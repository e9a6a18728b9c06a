import { defineConfig } from 'vitest/config';

// Hermetic tests: no Pacemaker, no sshd, no root needed.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/system/**', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
  },
});
