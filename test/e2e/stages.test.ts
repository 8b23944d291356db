import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { desktop, fieldOf, launchBrowser, okJson, pagesOf, screenshots } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * Works that differ by stage, and the applying school: in the current edition of 003 the leader
 * hands in the 初步概念提案 with the application while the online stage's and the workshop's works
 * read 未开始 with their windows, and take no upload; the organiser sees each stage of the division
 * with its window and its own download. In 000's 校园组 the organiser sees the 申报学校.
 */
describe('works by stage and the applying school', () => {
  let server: RunningServer;
  let browser: Browser;
  const ids = { hackathon: '', card: '', hackathonEntry: '', campusEntry: '' };

  const { newPage, closeAll } = pagesOf(
    () => browser,
    () => server.url,
  );
  const ok = okJson;
  const register = async (request: APIRequestContext, contestId: string, data: object) =>
    (await ok<{ registration: { id: string } }>(request.post(`/api/contests/${contestId}/registrations`, { data }))).registration.id;
  let leader: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { contests } = (await (await fetch(`${server.url}/api/contests`)).json()) as { contests: { id: string; editionOf: string | null }[] };
    const current = (seed: string) => {
      const found = contests.find((c) => c.editionOf === seed);
      if (!found) throw new Error(`no current edition of ${seed} in ${contests.map((c) => c.id).join(', ')}`);
      return found.id;
    };
    ids.hackathon = current('ilo-digital-social-security-hackathon-2021');
    ids.card = current('jjj-social-security-card-2025');

    leader = await newPage();
    await ok(
      leader.request.post('/api/auth/register', { data: { email: `stages.${Date.now()}@example.cn`, password: 'a-long-password-1', displayName: '吴佳' } }),
    );
    ids.hackathonEntry = await register(leader.request, ids.hackathon, {
      trackId: 'hackathon',
      entrantKind: 'team',
      title: '骑手社保闯关游戏',
      teamName: '分阶段测试队',
      leader: { name: '吴佳', phone: '13705710051', experienceYears: 5 },
      members: [{ name: '郑一', phone: '13705710052', experienceYears: 3 }],
      declarations: ['respect-existing-ip'],
    });
    ids.campusEntry = await register(leader.request, ids.card, {
      trackId: 'app-dev',
      groupId: 'campus',
      entrantKind: 'team',
      title: '校园社保卡助手',
      teamName: '跨校团队',
      leader: { name: '吴佳', phone: '13705710051', isFullTimeStudent: true, school: '河北师范大学' },
      members: [{ name: '王二', phone: '13705710053', isFullTimeStudent: true, school: '南开大学' }],
      declarations: ['actual-participants', 'truthful-and-clear-ip', 'accept-rules'],
    });
  });

  afterAll(async () => {
    await closeAll();
    await browser?.close();
    await server?.stop();
  });

  it('shows each requirement’s stage and window; only the application’s is open, the later ones 未开始 without an upload', async () => {
    await leader.goto(`/registrations/${ids.hackathonEntry}/works`);
    await leader.getByTestId('works-page').waitFor();
    const item = (id: string) => leader.getByTestId(`works-item-${id}`);
    // In the order they are handed in: the application's proposal first, though it is a field and the files come first in the definition.
    expect(await leader.locator('[data-testid^="works-item-"]').first().getAttribute('data-testid')).toBe('works-item-concept-proposal');
    expect(await item('concept-proposal').getAttribute('data-status')).toBe('missing');
    expect(await item('concept-proposal').getByTestId('works-stage').getAttribute('data-state')).toBe('open');
    expect(await item('concept-proposal').getByTestId('works-stage').textContent()).toContain('申请报名提交');
    expect(await item('presentation').getAttribute('data-status')).toBe('upcoming');
    expect(await item('presentation').getByTestId('works-status').textContent()).toContain('未开始');
    const online = await item('presentation').getByTestId('works-stage').textContent();
    expect(online).toContain('线上阶段提交');
    expect(online).toContain('北京时间');
    expect(await leader.getByTestId('upload-input-presentation').count()).toBe(0);
    expect(await leader.getByTestId('field-save-app-url').count()).toBe(0);

    await fieldOf(leader, 'concept-proposal').fill('用闯关游戏向外卖骑手讲解工伤保险的参保与理赔。');
    await leader.getByTestId('field-save-concept-proposal').click();
    await leader.getByTestId('works-complete').waitFor();
    expect(await leader.getByTestId('works-complete').textContent()).toContain('另有 7 项在以后的阶段提交');
    expect(await item('concept-proposal').getAttribute('data-status')).toBe('done');
    await screenshots(leader, '60-works-by-stage');
  });

  it('shows the organiser each stage of the division with its window and its own download', async () => {
    const page = await newPage(desktop);
    await page.goto(`/login?next=${encodeURIComponent(`/organiser/contests/${ids.hackathon}`)}`);
    await fieldOf(page, 'email').fill(DEMO_ORGANISER.email);
    await fieldOf(page, 'password').fill(DEMO_ORGANISER.password);
    await page.getByTestId('login-form-submit').click();
    await page.getByTestId('organiser-works').waitFor();
    const stages = page.getByTestId('division-stage');
    expect(await stages.count()).toBe(3);
    expect(await stages.nth(0).textContent()).toContain('申请报名提交');
    expect(await stages.nth(0).textContent()).toContain('初步概念提案');
    expect(await page.getByTestId('download-stage-hackathon-workshop').getAttribute('href')).toContain('stage=workshop');
    await screenshots(page, '61-organiser-works-by-stage');

    await page.goto(`/organiser/registrations/${ids.hackathonEntry}`);
    await page.getByTestId('detail-works').waitFor();
    expect(await page.getByTestId('detail-works').getByTestId('works-stage').count()).toBe(8);

    await page.goto(`/organiser/registrations/${ids.campusEntry}`);
    await page.getByTestId('registration-entry-school').waitFor();
    expect(await page.getByTestId('registration-entry-school').textContent()).toBe('河北师范大学');
    await page.goto(`/organiser/contests/${ids.card}`);
    await page.getByTestId('registrations-table').waitFor();
    const row = page.locator('[data-testid^="registration-row-"]').filter({ hasText: '校园社保卡助手' });
    expect(await row.getByTestId('entry-school').textContent()).toBe('河北师范大学');
  });
});
