import { defineConfig } from 'vitest/config';

/** Browser tests: a real server (demo mode, fresh data directory) driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/build-web.ts'],
    // One server and one browser at a time: PGlite and Chromium are both heavy.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
