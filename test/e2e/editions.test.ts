import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { desktop, fieldOf, launchBrowser, phone, screenshots } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * The organiser makes the next edition of 001 (河北省首届…): the form refuses a day in the past, shows
 * the proposed id, year and days with 首届 flagged, takes an edited name, asks for confirmation, and
 * the new edition's page marks the summary and announcement as the previous edition's and names that
 * edition instead of showing its id. The organiser then deletes the copy nobody has entered.
 */
describe('a new edition from the organiser page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let source: { id: string; name: string };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { contests } = (await (await fetch(`${server.url}/api/contests`)).json()) as { contests: { id: string; name: string; editionOf: string | null }[] };
    const current = contests.find((c) => c.editionOf === 'hebei-smart-government-data-2022');
    if (!current) throw new Error(`no current edition of seed 001 in ${contests.map((c) => c.id).join(', ')}`);
    source = current;
    context = await browser.newContext({ viewport: phone, locale: 'zh-CN', baseURL: server.url });
    page = await context.newPage();
    await page.goto('/login');
    await fieldOf(page, 'email').fill(DEMO_ORGANISER.email);
    await fieldOf(page, 'password').fill(DEMO_ORGANISER.password);
    await page.getByTestId('login-form-submit').click();
    await page.waitForURL('**/organiser');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('refuses a past day, proposes the edition with 首届 flagged, and makes it under the edited name after confirmation', async () => {
    await page.goto(`/organiser/contests/${source.id}`);
    const opens = page.locator('#edition-opens');
    await opens.waitFor();
    const today = await opens.inputValue();
    expect(await opens.getAttribute('min')).toBe(today);

    // A day before `min` never reaches the server from the browser: the date input refuses it.
    await opens.fill('2020-01-01');
    await page.getByTestId('new-edition-review').click();
    expect(await opens.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
    expect(await page.getByTestId('edition-facts').count()).toBe(0);

    // The demo's edition of 001 holds its final next year; this one opens in December of that year, its final the year after.
    await opens.fill(`${Number(today.slice(0, 4)) + 1}-12-01`);
    await page.getByTestId('new-edition-review').click();
    await page.getByTestId('edition-facts').waitFor();
    const id = (await page.getByTestId('edition-fact-id').textContent())!;
    expect(id).toMatch(/^hebei-smart-government-data-\d{4}$/);
    const year = id.slice(-4);
    expect(await page.getByTestId('edition-fact-year').textContent()).toContain(`${year} 年`);
    expect(await page.getByTestId('edition-flagged').textContent()).toContain('“首届”');
    const nameInput = page.locator('#edition-name');
    expect(await nameInput.inputValue()).toContain('首届');
    await screenshots(page, 'editions-01-review');

    const edited = (await nameInput.inputValue()).replace('首届', '');
    await nameInput.fill(edited);
    await page.locator('#edition-name-en').fill(`${year} Hebei "Smart Government, Imagine the Future" Data Application Contest`);
    await page.getByTestId('new-edition-submit').click();
    const dialog = page.getByTestId('confirm-dialog').filter({ has: page.getByTestId('edition-facts') });
    await dialog.getByTestId('edition-fact-name').waitFor();
    expect([await dialog.getByTestId('edition-fact-name').textContent(), await dialog.getByTestId('edition-fact-id').textContent()]).toEqual([edited, id]);
    expect(await dialog.getByTestId('edition-flagged').count()).toBe(0);
    await screenshots(page, 'editions-02-confirm');
    await dialog.getByTestId('confirm-yes').click();

    await page.waitForURL(`**/contests/${id}`);
    expect(await page.getByTestId('contest-name').textContent()).toBe(edited);
    expect(await page.getByTestId('carried-over').textContent()).toContain('以下简介与公告链接来自上一届');
    const editionOf = page.getByTestId('edition-of');
    expect(await editionOf.textContent()).toContain(source.name);
    expect(await editionOf.textContent()).not.toContain(source.id);
    await screenshots(page, 'editions-03-new-edition');
  });

  it('takes the new edition’s own summary, then deletes the edition nobody has entered after confirmation, landing on the one it came from', async () => {
    const { contests } = (await (await page.request.get('/api/contests')).json()) as { contests: { id: string; editionOf: string | null }[] };
    const copy = contests.find((c) => c.editionOf === source.id)!;
    await page.setViewportSize(desktop);
    await page.goto(`/organiser/contests/${copy.id}`);
    await page.getByTestId('carried-over').waitFor();

    // The organiser writes this edition's summary (and keeps the announcement): the mark goes.
    await page.locator('#edition-summary').fill('本届大赛简介：面向全省征集数据应用。');
    await page.getByTestId('edition-texts-save').click();
    await page.getByTestId('carried-over').waitFor({ state: 'detached' });
    expect(await page.getByTestId('edition-texts-form').count()).toBe(0);

    await page.getByTestId('delete-edition').click();
    // Only the open dialog has the dialog role; the new-edition form's closed one is still in the page.
    await page.getByRole('dialog').getByTestId('confirm-yes').click();
    await page.waitForURL(`**/organiser/contests/${source.id}`);
    expect((await page.request.get(`/api/contests/${copy.id}`)).status()).toBe(404);
    // The edition it came from has registrations (the demo's samples): no delete button there.
    expect(await page.getByTestId('delete-edition').count()).toBe(0);
  });
});
