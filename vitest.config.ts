import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
    setupFiles: ['test/support/audit-key.ts'],
    // The CLI tests run bin/leitai.mjs: they test the sources, never a build from `npm run build`.
    env: { LEITAI_FROM_SOURCE: '1' },
    // PGlite costs ~300 MB and seconds to open: one per worker, two workers on a 2-core machine.
    maxWorkers: 2,
    // Test files of a worker share one PGlite instance (test/support/test-database.ts): opening one costs seconds.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
