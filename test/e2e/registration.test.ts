import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { fieldOf, idNumber, launchBrowser, phone, screenshots, signInAs } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * A participant signs up on a phone, registers a team of three in the current edition of seed 000
 * (应用开发赛道 · 社会组) through the form, sees it under 我的报名; the demo organiser then finds the
 * team in the registrations table and in the counts.
 */
describe('registering a team and seeing it as the organiser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let contestId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: phone, locale: 'zh-CN', baseURL: server.url });
    page = await context.newPage();
    const { contests } = (await (await fetch(`${server.url}/api/contests`)).json()) as {
      contests: { id: string; editionOf: string | null }[];
    };
    const current = contests.find((c) => c.editionOf === 'jjj-social-security-card-2025');
    if (!current) throw new Error(`no current edition of seed 000 in ${contests.map((c) => c.id).join(', ')}`);
    contestId = current.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const title = '社保卡一码通办助手';
  const field = (name: string) => fieldOf(page, name);
  let ref = '';
  let invitationUrl = '';

  it('lists the current edition with its badges', async () => {
    await page.goto('/');
    const card = page.getByTestId(`contest-card-${contestId}`);
    await card.waitFor();
    expect(await card.getByTestId('registration-state').textContent()).toBe('报名中');
    expect(await card.getByTestId('edition-note').textContent()).toBe('新一届赛事，基于往届：京津冀社保卡"一卡通"应用创新大赛');
    expect(await card.textContent()).toContain('¥156,000');
    await screenshots(page, '01-contests');
  });

  it('shows the contest page and sends a visitor to sign up before registering', async () => {
    await page.getByTestId(`contest-card-${contestId}`).getByRole('link').first().click();
    await page.getByTestId('contest-page').waitFor();
    expect(await page.getByTestId('timeline').locator('[aria-current="step"]').count()).toBeGreaterThan(0);
    await screenshots(page, '02-contest');

    await page.getByTestId('register-button').click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByRole('link', { name: '注册账号' }).click();
    await page.waitForURL(/\/signup\?next=/);
    await field('displayName').fill('王小明');
    await field('email').fill(`wang.${Date.now()}@example.cn`);
    await field('password').fill('a-long-password-1');
    await screenshots(page, '03-signup');
    await page.getByTestId('signup-form-submit').click();
    await page.waitForURL(`**/contests/${contestId}/register`);
  });

  it('registers a team of three, showing a server problem beside its field first', async () => {
    await field('trackId').selectOption('app-dev');
    await field('groupId').selectOption('social');
    await page.getByTestId('entrantKind-team').check();
    await field('title').fill(title);
    await field('teamName').fill('一卡通小队');
    await field('leader.name').fill('王小明');
    await field('leader.phone').fill('12345');
    await field('leader.email').fill('wang@example.cn');
    await field('leader.idNumber').fill(idNumber('19900101', 123));
    await page.getByTestId('members-add').click();
    await page.getByTestId('members-add').click();
    await field('members.0.name').fill('李小红');
    await field('members.0.phone').fill('13900000001');
    await field('members.1.name').fill('赵小刚');
    await field('members.1.email').fill('zhao@example.cn');
    for (const box of await page.locator('[data-testid^="declaration-"]').all()) await box.check();

    await page.getByTestId('register-submit').click();
    const leaderPhone = page.locator('.field.has-error', { has: field('leader.phone') });
    await leaderPhone.waitFor();
    expect(await leaderPhone.locator('.field-problems').textContent()).toContain('12345');
    await screenshots(page, '04-register-problem');

    await field('leader.phone').fill('13800000000');
    await page.getByTestId('register-submit').click();
    await page.waitForURL('**/me');
    expect(await page.getByTestId('success-notice').textContent()).toContain(title);
    const card = page.getByTestId('registration-card').filter({ hasText: title });
    ref = (await card.getByTestId('registration-ref').textContent()) ?? '';
    expect(ref).not.toBe('');
    expect(await card.getByTestId('registration-division').textContent()).toContain('社会组');
    expect(await card.getByTestId('registration-people').locator('li').count()).toBe(3);
    await card.getByTestId('invite-member').click();
    await card.getByTestId('invitation-url').waitFor();
    invitationUrl = await card.getByTestId('invitation-url').inputValue();
    expect(invitationUrl).toMatch(/\/join\/\w+$/);
    await screenshots(page, '05-me');
  });

  it('shows the team to the demo organiser, in the table and in the counts', async () => {
    await signInAs(page, DEMO_ORGANISER, `/organiser/contests/${contestId}`);

    const table = page.getByTestId('registrations-table');
    await table.waitFor();
    const row = table.getByTestId(`registration-row-${ref}`);
    expect(await row.textContent()).toContain(title);
    expect(await row.getByTestId('people-count').textContent()).toBe('3');
    const total = Number(await page.getByTestId('count-total').textContent());
    expect(total).toBe(await table.locator('tbody tr').count());
    await screenshots(page, '06-organiser');

    await page.getByTestId('filter-division').selectOption('app-dev/social');
    await page.waitForURL(/division=app-dev%2Fsocial/);
    await page.waitForFunction(
      (expected) => document.querySelectorAll('[data-testid="registrations-table"] tbody tr').length === expected,
      Number(await page.getByTestId('count-division-app-dev/social').textContent()),
    );
    expect(await table.getByTestId(`registration-row-${ref}`).count()).toBe(1);
  });

  it('lets an invited member join the team through the link', async () => {
    await page.getByTestId('nav-logout').click();
    await page.getByTestId('nav-login').waitFor();
    await page.setViewportSize(phone);
    await page.goto(`/signup?next=${encodeURIComponent(new URL(invitationUrl).pathname)}`);
    await field('displayName').fill('孙小燕');
    await field('email').fill(`sun.${Date.now()}@example.cn`);
    await field('password').fill('a-long-password-2');
    await page.getByTestId('signup-form-submit').click();
    await page.getByTestId('join-team').waitFor();
    expect(await page.getByTestId('join-team').textContent()).toContain(title);
    await field('person.phone').fill('13700000002');
    await screenshots(page, '08-join');
    await page.getByTestId('join-accept').click();
    await page.waitForURL('**/me');
    expect(await page.getByTestId('success-notice').textContent()).toContain(ref);
    expect(await page.getByTestId('registration-card').filter({ hasText: title }).getAttribute('data-ref')).toBe(ref);
  });

  it('switches the contest page to English and remembers it', async () => {
    await page.goto(`/contests/${contestId}`);
    await page.getByTestId('lang-toggle').click();
    await page.getByText('Register now').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByText('Register now').waitFor();
    await screenshots(page, '07-contest-en');
  });
});
