import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, pagesOf } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * The server and Chromium the tests of a describe block share, started before them and stopped
 * after; `newPage` opens a page of its own for a person of the test (`pagesOf`), closed first. Call
 * it in the describe block, before the block's own `beforeAll`, which may then open pages.
 */
export const servedInBrowser = (options: Parameters<typeof startServer>[0] = {}) => {
  let server: RunningServer;
  let browser: Browser;
  const pages = pagesOf(
    () => browser,
    () => server.url,
  );
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await pages.closeAll();
    await browser?.close();
    await server?.stop();
  });
  return { newPage: pages.newPage };
};
