import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { fieldOf, idNumber, launchBrowser, phone, screenshots, signInAs } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * An entrant registers in the current edition of seed 002 (平面设计类), opens 作品提交, uploads a JPEG
 * that passes (1200×800 with EXIF: the item turns green) and one that is too small (640×480: the
 * problem shows in red); the demo organiser then finds the division's zip download.
 */
describe('submitting works and downloading them as the organiser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let contestId: string;
  let mediaDir: string;
  let goodJpeg: string;
  let smallJpeg: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // No locale: the app must start in Chinese whatever the browser prefers (headless Chromium is en-US).
    context = await browser.newContext({ viewport: phone, baseURL: server.url });
    page = await context.newPage();
    const { contests } = (await (await fetch(`${server.url}/api/contests`)).json()) as { contests: { id: string; editionOf: string | null }[] };
    const current = contests.find((c) => c.editionOf === 'yangquan-medical-e-voucher-works-2022');
    if (!current) throw new Error(`no current edition of seed 002 in ${contests.map((c) => c.id).join(', ')}`);
    contestId = current.id;

    mediaDir = await mkdtemp(join(tmpdir(), 'leitai-e2e-media-'));
    goodJpeg = join(mediaDir, '海报-医保电子凭证.jpg');
    smallJpeg = join(mediaDir, '海报-小图.jpg');
    const jpeg = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: '#c33' } })
        .jpeg()
        .withExif({ IFD0: { Make: 'Canon' } })
        .toBuffer();
    await writeFile(goodJpeg, await jpeg(1200, 800));
    await writeFile(smallJpeg, await jpeg(640, 480));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  const title = '扫码就医一步到位';
  const field = (name: string) => fieldOf(page, name);
  const item = (id: string) => page.getByTestId(`works-item-${id}`);

  it('starts in Chinese although the browser prefers English', async () => {
    await page.goto('/');
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    await page.getByTestId(`contest-card-${contestId}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('nav-me').textContent()).toBe('我的报名');
  });

  it('signs up and registers an individual in 平面设计类', async () => {
    await page.goto(`/signup?next=${encodeURIComponent(`/contests/${contestId}/register`)}`);
    await field('displayName').fill('刘小芳');
    await field('email').fill(`liu.${Date.now()}@example.cn`);
    await field('password').fill('a-long-password-3');
    await page.getByTestId('signup-form-submit').click();
    await page.waitForURL(`**/contests/${contestId}/register`);

    await field('trackId').selectOption('works');
    await field('categoryId').selectOption('graphic-design');
    const individual = page.getByTestId('entrantKind-individual');
    if (await individual.count()) await individual.check();
    await field('title').fill(title);
    await field('leader.name').fill('刘小芳');
    await field('leader.phone').fill('13800000003');
    await field('leader.email').fill('liu@example.cn');
    await field('leader.idNumber').fill(idNumber('19920202', 456));
    for (const box of await page.locator('[data-testid^="declaration-"]').all()) await box.check();
    await page.getByTestId('register-submit').click();
    await page.waitForURL('**/me');
    await page.getByTestId('notice-works-link').waitFor();
    const card = page.getByTestId('registration-card').filter({ hasText: title });
    expect(await card.getByTestId('works-link').textContent()).toBe('提交作品');
  });

  it('shows the checklist with the rules in words', async () => {
    await page.getByTestId('notice-works-link').click();
    await page.getByTestId('works-page').waitFor();
    expect(await page.locator('h1').textContent()).toContain('作品提交');
    expect(await item('image').getAttribute('data-status')).toBe('missing');
    const rules = await item('image').getByTestId('works-rules').textContent();
    expect(rules).toContain('长边不少于 800 像素');
    expect(rules).toContain('EXIF');
    expect(await page.getByTestId('works-deadline').textContent()).toContain('截止前开始的上传可在截止后 2 小时内完成');
    expect(await page.getByTestId('works-complete').count()).toBe(0);
    await screenshots(page, '20-works-empty');
  });

  it('uploads a JPEG that passes: the item turns green and the works are complete', async () => {
    await page.getByTestId('upload-input-image').setInputFiles(goodJpeg);
    await page.waitForSelector('[data-testid="works-item-image"][data-status="done"]', { timeout: 60_000 });
    const file = item('image').getByTestId('submitted-file');
    expect(await file.count()).toBe(1);
    const facts = await file.getByTestId('file-facts').textContent();
    expect(facts).toContain('1200×800');
    expect(facts).toContain('EXIF 有');
    expect(await file.getByTestId('file-download').getAttribute('href')).toMatch(/^\/api\/works\/files\/[\w-]+\/content$/);
    await page.getByTestId('works-complete').waitFor();
    await screenshots(page, '21-works-done');
  });

  it('uploads a JPEG that is too small: the problem shows in red', async () => {
    await page.getByTestId('upload-input-image').setInputFiles(smallJpeg);
    await page.waitForSelector('[data-testid="works-item-image"][data-status="invalid"]', { timeout: 60_000 });
    const refused = item('image').locator('[data-testid="submitted-file"][data-accepted="false"]');
    const problem = refused.locator('[data-code="file.image.too_small"]');
    expect(await problem.textContent()).toBe('图片长边 640 像素，要求不少于 800 像素');
    expect(await problem.getAttribute('data-severity')).toBe('error');
    const colour = await problem.evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(180, 35, 42)');
    await screenshots(page, '22-works-problem');

    // Removing the refused version leaves the accepted one: green again.
    await refused.getByTestId('file-remove').click();
    await page.locator('dialog[open]').getByTestId('confirm-yes').click();
    await page.waitForSelector('[data-testid="works-item-image"][data-status="done"]');
  });

  it('shows the works page in English by the switch', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.getByText('Submit works', { exact: true }).first().waitFor();
    expect(await item('image').getByTestId('works-status').textContent()).toContain('Done');
    await screenshots(page, '23-works-en');
    await page.getByTestId('lang-toggle').click();
  });

  /** Another entrant in a fresh browser context: signs up, registers in a category, opens the works page. */
  const otherEntrant = async (who: { name: string; email: string; phone: string; id: string; title: string; categoryId: string }) => {
    const other = await browser.newContext({ viewport: phone, baseURL: server.url });
    const second = await other.newPage();
    const input = (name: string) => second.locator(`[name="${name}"]`);
    await second.goto(`/signup?next=${encodeURIComponent(`/contests/${contestId}/register`)}`);
    await input('displayName').fill(who.name);
    await input('email').fill(`${who.email}.${Date.now()}@example.cn`);
    await input('password').fill('a-long-password-4');
    await second.getByTestId('signup-form-submit').click();
    await second.waitForURL(`**/contests/${contestId}/register`);
    await input('trackId').selectOption('works');
    await input('categoryId').selectOption(who.categoryId);
    const individual = second.getByTestId('entrantKind-individual');
    if (await individual.count()) await individual.check();
    await input('title').fill(who.title);
    await input('leader.name').fill(who.name);
    await input('leader.phone').fill(who.phone);
    await input('leader.idNumber').fill(who.id);
    for (const box of await second.locator('[data-testid^="declaration-"]').all()) await box.check();
    await second.getByTestId('register-submit').click();
    await second.waitForURL('**/me');
    await second.getByTestId('notice-works-link').click();
    await second.getByTestId('works-page').waitFor();
    return { context: other, page: second };
  };

  it('counts a slogan in 字 as typed and saves it once it fits', async () => {
    const { context: other, page: second } = await otherEntrant({
      name: '周小文',
      email: 'zhou',
      phone: '13800000005',
      id: idNumber('19940404', 321),
      title: '医保口号',
      categoryId: 'copywriting',
    });
    const input = second.getByTestId('field-copy');
    const count = second.getByTestId('field-count-copy');
    await input.fill('医保电子凭证，看病买药一码通办，方便快捷又安全！');
    expect(await count.textContent()).toBe('24 / 20 字');
    expect(await count.getAttribute('class')).toContain('is-over');
    await second.getByTestId('field-save-copy').click();
    await second.getByTestId('field-problems-copy').locator('[data-code="field.too_long"]').waitFor();
    await screenshots(second, '25-works-field-over');

    await input.fill('  医保电子凭证，看病买药一码通办！  ');
    expect(await count.textContent()).toBe('16 / 20 字');
    await second.getByTestId('field-save-copy').click();
    await second.waitForSelector('[data-testid="works-item-copy"][data-status="done"]');
    await second.getByTestId('works-complete').waitFor();
    await screenshots(second, '26-works-field-saved');
    await other.close();
  });

  it('flags a second entry with the same image for the organiser', async () => {
    const { context: other, page: second } = await otherEntrant({
      name: '陈小军',
      email: 'chen',
      phone: '13800000004',
      id: idNumber('19930303', 789),
      title: '电子凭证随身带',
      categoryId: 'graphic-design',
    });
    await second.getByTestId('upload-input-image').setInputFiles(goodJpeg);
    await second.waitForSelector('[data-testid="works-item-image"][data-status="done"]', { timeout: 60_000 });
    await other.close();
  });

  it('shows the demo organiser the download of the division’s works', async () => {
    await signInAs(page, DEMO_ORGANISER, `/organiser/contests/${contestId}`);
    const link = page.getByTestId('download-division-works/graphic-design');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/api/contests/${contestId}/works.zip?division=works%2Fgraphic-design`);
    expect(await link.textContent()).toBe('下载作品 (zip)');
    const pair = page.getByTestId('originality-pair').first();
    await pair.waitFor();
    expect(await pair.getAttribute('data-kind')).toBe('image');
    expect(await pair.textContent()).toContain(title);
    expect(await pair.textContent()).toContain('电子凭证随身带');
    expect(await pair.locator('img').count()).toBe(2);
    const zip = await page.request.get(`/api/contests/${contestId}/works.zip?division=works%2Fgraphic-design`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toContain('application/zip');
    await page.getByTestId('organiser-works').scrollIntoViewIfNeeded();
    await screenshots(page, '24-organiser-works');
  });
});
