import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { desktop, fieldOf, launchBrowser, okJson, pagesOf, screenshots } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * What people hit on first use: a member given only the 邀请码 types it on 我的报名, then sees the
 * team without the leader's buttons; the demo organiser signs in without a `next` and lands on
 * their contests, searches the registrations table and opens one, its contacts masked until revealed.
 */
describe('first use: a member with a code, an organiser after sign-in', () => {
  let server: RunningServer;
  let browser: Browser;
  let contestId: string;
  const title = `首次使用测试作品 ${Date.now()}`;
  let code = '';
  let registrationId = '';

  const { newPage, closeAll } = pagesOf(
    () => browser,
    () => server.url,
  );
  const ok = okJson;
  const signUp = (request: APIRequestContext, name: string) =>
    ok(request.post('/api/auth/register', { data: { email: `${name}.${Date.now()}@example.cn`, password: 'a-long-password-1', displayName: name } }));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { contests } = (await (await fetch(`${server.url}/api/contests`)).json()) as { contests: { id: string; editionOf: string | null }[] };
    const current = contests.find((c) => c.editionOf === 'jjj-social-security-card-2025');
    if (!current) throw new Error(`no current edition of seed 000 in ${contests.map((c) => c.id).join(', ')}`);
    contestId = current.id;

    // The leader registers a team of two through the API and invites its member by code.
    const leader = await newPage();
    await signUp(leader.request, 'leader');
    const created = await ok<{ registration: { id: string } }>(
      leader.request.post(`/api/contests/${contestId}/registrations`, {
        data: {
          trackId: 'app-dev',
          groupId: 'social',
          entrantKind: 'team',
          title,
          teamName: '首用小队',
          leader: { name: '钱小东', phone: '13500000001' },
          members: [{ name: '周小杰', phone: '13500000002', school: '河北大学' }],
          declarations: ['actual-participants', 'truthful-and-clear-ip', 'accept-rules'],
        },
      }),
    );
    registrationId = created.registration.id;
    code = (
      await ok<{ invitation: { code: string } }>(
        leader.request.post(`/api/registrations/${registrationId}/invitations`, { data: { role: 'member', person: { index: 0 } } }),
      )
    ).invitation.code;
  });

  afterAll(async () => {
    await closeAll();
    await browser?.close();
    await server?.stop();
  });

  it('lets a member type the 邀请码 on 我的报名, join, and see the team without the leader’s buttons', async () => {
    const page = await newPage();
    await signUp(page.request, 'member');
    await page.goto('/me');
    await page.getByTestId('invitation-code-input').fill('not-a-code');
    await page.getByTestId('invitation-code-go').click();
    await page.getByTestId('invitation-code-form').locator('[role="alert"]').waitFor();

    await page.getByTestId('invitation-code-input').fill(` ${code} `);
    await page.getByTestId('invitation-code-go').click();
    await page.waitForURL(`**/join/${code}`);
    await page.getByTestId('join-team').waitFor();
    expect(await page.getByTestId('join-team').textContent()).toContain(title);
    await fieldOf(page, 'person.name').fill('周小杰');
    await fieldOf(page, 'person.phone').fill('13500000002');
    await page.getByTestId('join-accept').click();
    await page.waitForURL('**/me');

    const card = page.getByTestId('registration-card').filter({ hasText: title });
    await card.waitFor();
    await screenshots(page, 'first-use-01-member');
    for (const leaderOnly of ['invite-member', 'invite-advisor', 'edit-registration', 'withdraw-registration', 'invite-person']) {
      expect([leaderOnly, await card.getByTestId(leaderOnly).count()]).toEqual([leaderOnly, 0]);
    }
    // The member's own phone is shown in full, so it is tap-to-call; the leader's is masked and is not.
    expect(await card.getByTestId('tel-link').allTextContents()).toEqual(['13500000002']);

    await card.getByTestId('works-link').click();
    await page.getByTestId('works-page').waitFor();
    expect(await page.getByTestId('works-read-only').count()).toBe(1);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
  });

  it('lands the organiser on their contests after signing in, and searches, sorts and opens a registration', async () => {
    const page = await newPage(desktop);
    await page.goto('/login');
    await fieldOf(page, 'email').fill(DEMO_ORGANISER.email);
    await fieldOf(page, 'password').fill(DEMO_ORGANISER.password);
    await page.getByTestId('login-form-submit').click();
    await page.waitForURL('**/organiser');
    await page.getByTestId(`managed-contest-${contestId}`).getByRole('link').first().click();
    await page.waitForURL(`**/organiser/contests/${contestId}`);

    const table = page.getByTestId('registrations-table');
    await table.waitFor();
    await page.getByTestId('sort-title').click();
    await page.waitForURL(/sort=title&order=asc/);
    await page.getByTestId('filter-q').fill(title);
    await page.getByTestId('filter-q').press('Enter');
    await page.waitForURL(/[?&]q=/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="registrations-table"] tbody tr').length === 1);
    expect(await page.getByTestId('pager-range').textContent()).toBe('第 1–1 条，共 1 条');
    await screenshots(page, 'first-use-02-organiser-search');

    await table.getByTestId('registration-open').click();
    await page.waitForURL(`**/organiser/registrations/${registrationId}`);
    await page.getByTestId('registration-detail').waitFor();
    expect(await page.getByTestId('registration-team').textContent()).toBe('首用小队');
    const people = page.getByTestId('detail-people');
    expect(await people.textContent()).toContain('河北大学');
    expect(await people.textContent()).toContain('135****0001');
    expect(await people.getByTestId('tel-link').count()).toBe(0);
    expect(await page.getByTestId('detail-works-item').count()).toBeGreaterThan(0);

    await page.getByTestId('reveal-open').click();
    await page.getByTestId('reveal-reason').fill('核对负责人联系方式以通知初赛结果');
    await page.getByTestId('confirm-yes').click();
    await page.getByTestId('revealed-people').waitFor();
    expect(await people.getByTestId('tel-link').allTextContents()).toEqual(['13500000001', '13500000002']);
    await screenshots(page, 'first-use-03-organiser-detail');
  });
});
