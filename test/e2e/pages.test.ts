import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phone, screenshots } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * What a phone gets: a loading screen in the HTML itself and while the first data loads, a tab title
 * and share card naming the contest, compressed and cached files, 004's shared rules read once, and
 * the time zone in words.
 */
describe('pages on a phone', () => {
  const contest = 'hebei-data-elements-2025';
  const contestName = '2025年“数据要素×”大赛河北分赛';
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: phone, locale: 'zh-CN', baseURL: server.url })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a contest page with its title, share card and a loading screen in the HTML, before any script runs', async () => {
    const html = await (await fetch(`${server.url}/contests/${contest}`)).text();
    expect(html).toContain(`<title>${contestName} · 擂台 Leitai</title>`);
    expect(html).toContain(`<meta property="og:title" content="${contestName} · 擂台 Leitai">`);
    expect(html).toContain(`<meta property="og:image" content="${server.url}/share.png">`);
    expect(html).toContain('<p class="boot-text" data-testid="boot-loading">加载中… <span lang="en">Loading…</span></p>');
    const image = await fetch(`${server.url}/share.png`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
  });

  it('sends the app’s script brotli-compressed and cached for good', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)">/.exec(html)?.[1];
    const reply = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect([reply.status, reply.headers.get('content-encoding'), reply.headers.get('cache-control')]).toEqual([
      200,
      'br',
      'public, max-age=31536000, immutable',
    ]);
  });

  it('shows the loading screen, not a blank page, while the contest is still on its way', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/contests/${contest}`, async (route) => {
      await released;
      await route.continue();
    });
    const asked = page.waitForRequest(`**/api/contests/${contest}`);
    const loaded = page.goto(`/contests/${contest}`);
    await asked;
    expect(await page.getByTestId('boot-loading').isVisible()).toBe(true);
    release();
    await loaded;
    await page.getByTestId('contest-page').waitFor();
    await page.unroute(`**/api/contests/${contest}`);
    expect(await page.getByTestId('boot-loading').count()).toBe(0);
  });

  it('names the contest in the tab title', async () => {
    await page.waitForFunction((title) => document.title === title, `${contestName} · 擂台 Leitai`);
    expect(await page.title()).toBe(`${contestName} · 擂台 Leitai`);
  });

  it('shows 004’s rules and works once for its fifteen tracks, and in a track only the rule it replaces', async () => {
    expect(await page.locator('[data-testid^="track-"]').count()).toBe(15);
    expect(await page.getByTestId('shared-rules').count()).toBe(1);
    expect(await page.locator('[data-rule="legalEntityOnly"]').count()).toBe(1);
    expect(await page.getByTestId('works').count()).toBe(1);
    expect(await page.locator('[data-rule="organisationTypes"]').count()).toBe(6);
    expect(await page.getByTestId('track-urban-governance').locator('[data-rule="organisationTypes"]').count()).toBe(1);
    expect(await page.getByTestId('track-transport').locator('.eligibility').count()).toBe(0);
    await screenshots(page, 'pages-004-contest');
  });

  it('says the time zone in words, with no identifier such as Asia/Shanghai', async () => {
    const text = await page.getByTestId('contest-page').textContent();
    expect(text).toContain('时间均为赛事所在时区（北京时间）');
    expect(text).not.toContain('Asia/Shanghai');
  });
});
