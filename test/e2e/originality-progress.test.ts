import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { desktop, fieldOf, launchBrowser, screenshots } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

describe('the organiser’s originality report while it is computed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: desktop, baseURL: server.url })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows how many candidate pairs are checked, then the report', async () => {
    const { contests } = (await (await fetch(`${server.url}/api/contests`)).json()) as { contests: { id: string; editionOf: string | null }[] };
    const contestId = contests.find((c) => c.editionOf === 'yangquan-medical-e-voucher-works-2022')!.id;
    // The report held back, and the server's progress made up, as they stand a few seconds into a large contest's report.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/contests/${contestId}/originality`, async (route: Route) => {
      await held;
      await route.continue();
    });
    await page.route(`**/api/contests/${contestId}/originality/progress`, (route: Route) =>
      route.fulfill({ json: { progress: { state: 'comparing', checked: 3, candidates: 10 } } }),
    );

    const next = `/organiser/contests/${contestId}`;
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await fieldOf(page, 'email').fill(DEMO_ORGANISER.email);
    await fieldOf(page, 'password').fill(DEMO_ORGANISER.password);
    await page.getByTestId('login-form-submit').click();
    await page.waitForURL(`**${next}`);

    const progress = page.getByTestId('originality-progress');
    await progress.getByText('正在比对… 已核对 3 / 10 对相近图片').waitFor();
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('30');
    await progress.scrollIntoViewIfNeeded();
    await screenshots(page, '25-organiser-originality-progress');

    release();
    await page.getByTestId('originality-none').or(page.getByTestId('originality-pair').first()).waitFor();
    expect(await progress.count()).toBe(0);
  });
});
