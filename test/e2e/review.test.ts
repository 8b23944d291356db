import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER, DEMO_PARTICIPANT } from '../../src/demo/service.ts';
import { registrationInputSchema } from '../../src/registration/schema.ts';
import { desktop, okJson, screenshots, signIn } from './browser.ts';
import { prepareEditionToday } from './edition.ts';
import { servedInBrowser } from './served.ts';

const HACKATHON = 'ilo-digital-social-security-hackathon-2021';
const ROUND = 'application-selection';

/** The rubric of 003's 申请和选拔 (1–10 each): each criterion's id and label, and what the judge gives the first team. */
const scores: [id: string, label: string, value: number][] = [
  ['qualification-level', '成员的资格水平', 8],
  ['qualification-mix', '成员资格的属性和组合', 7.5],
  ['experience', '成员的经验', 9],
  ['concept-relevance', '初步概念提案的相关性和创新性', 8],
  ['concept-feasibility', '初步概念提案的适用性和可行性', 7],
  ['regional-representation', '地域代表性', 6],
];

const team = (title: string, n: number) => ({
  trackId: 'hackathon',
  entrantKind: 'team',
  title,
  teamName: `评审测试队${n}`,
  leader: { name: `吴${n}`, phone: `1370571${String(n).padStart(4, '0')}`, experienceYears: 5 },
  members: [{ name: `郑${n}`, phone: `1370572${String(n).padStart(4, '0')}`, experienceYears: 3 }],
  declarations: ['respect-existing-ip'],
});

/**
 * An edition of 003 whose 申请和选拔 runs today: registration opened 85 days ago and closed five
 * days ago, so the selection's window (the day after it, for 16 days) holds today. The demo
 * participant's two teams entered while registration was open.
 */
const prepareOpenSelection = async (dataDir: string, made: { contestId: string }) => {
  made.contestId = await prepareEditionToday(dataDir, {
    contest: HACKATHON,
    openedDaysAgo: 85,
    enteredDaysAgo: 80,
    entries: [registrationInputSchema.parse(team('骑手工伤保险闯关游戏', 1)), registrationInputSchema.parse(team('灵活就业参保助手', 2))],
  });
};

/**
 * Review end to end: the organiser invites a judge and assigns the round; the judge, on a phone,
 * scores a team by the rubric (autosaved, kept over a reload) and submits; the organiser closes the
 * round and publishes it from the board; the participant sees the team's result.
 */
describe('expert review from invitation to published result', () => {
  const made = { contestId: '' };
  const pages = servedInBrowser({ prepare: (dataDir) => prepareOpenSelection(dataDir, made) });
  let organiser: Page;
  let judge: Page;
  const board = () => `/organiser/contests/${made.contestId}/review`;

  beforeAll(async () => {
    organiser = await pages.newPage(desktop);
    judge = await pages.newPage({ width: 375, height: 812 });
  });

  it('lets the organiser invite a judge by a single-use link, which the judge accepts', async () => {
    await signIn(organiser, DEMO_ORGANISER, board());
    const form = organiser.getByTestId('judge-invite-form');
    await form.locator('[name="name"]').fill('周立');
    await form.locator('[name="title"]').fill('研究员');
    await form.locator('[name="organisation"]').fill('中国社会保障学会');
    await form.getByTestId('judge-invite-form-submit').click();
    const link = await organiser.getByTestId('judge-link-value').inputValue();
    expect(link).toMatch(/\/judge-invitations\/[\w-]+$/);
    expect(await organiser.getByTestId('judges-table').textContent()).toContain('已邀请');
    await organiser.getByTestId('outbox').getByTestId('outbox-message').first().waitFor();
    await screenshots(organiser, '70-review-judges');

    await okJson(
      judge.request.post('/api/auth/register', { data: { email: `judge.${Date.now()}@example.cn`, password: 'a-long-password-1', displayName: '周立' } }),
    );
    await judge.goto(new URL(link).pathname);
    await judge.getByTestId('accept-judge-invitation').click();
    await judge.waitForURL(`**/judge/contests/${made.contestId}`);
  });

  it('lists the judges on the contest’s page once the organiser publishes them, and not before', async () => {
    const reader = await pages.newPage();
    await reader.goto(`/contests/${made.contestId}`);
    await reader.getByTestId('contest-page').waitFor();
    expect(await reader.getByTestId('public-judges').count()).toBe(0);

    await organiser.reload();
    expect(await organiser.getByTestId('judges-table').textContent()).toContain('已加入');
    await organiser.getByTestId('judges-publish').click();
    await organiser.getByTestId('judges-unpublish').waitFor();
    await reader.reload();
    await reader.getByTestId('public-judges').waitFor();
    expect(await reader.getByTestId('public-judge').allTextContents()).toEqual(['周立研究员中国社会保障学会']);
  });

  it('runs the assignment with its progress and shows each team’s judge', async () => {
    await organiser.goto(`${board()}?round=${ROUND}`);
    await organiser.getByTestId('run-start').click();
    await organiser.locator('[data-testid="run-summary"][data-status="done"]').waitFor();
    const rows = organiser.getByTestId('entries-table').getByTestId('pair');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('周立');
    // One judge where the round asks for three: both teams are short, for want of judges covering them.
    expect(await organiser.getByTestId('shortfalls').locator('[data-reason="coverage"]').count()).toBe(2);
    await screenshots(organiser, '71-review-assignment');
  });

  it('lets the judge score a team on a phone: autosaved, kept over a reload, then submitted once', async () => {
    await judge.goto(`/judge/contests/${made.contestId}/rounds/${ROUND}`);
    await judge.getByTestId('assigned-entry').filter({ hasText: '骑手工伤保险闯关游戏' }).click();
    await judge.waitForURL(/\/entries\/[\w-]+$/);
    const entryPath = `/api/contests/${made.contestId}/rounds/${ROUND}/judging/${judge.url().split('/').pop()}`;
    for (const [, label, value] of scores) await judge.getByLabel(label, { exact: true }).fill(String(value));
    // Autosaved: the server holds every value without a button pressed, and the page says so.
    const saved = async () => (await okJson<{ score: { criteria: Record<string, number> } | null }>(judge.request.get(entryPath))).score?.criteria;
    await expect.poll(saved, { timeout: 15_000 }).toEqual(Object.fromEntries(scores.map(([id, , value]) => [id, value])));
    await judge.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await judge.reload();
    for (const [, label, value] of scores) expect(await judge.getByLabel(label, { exact: true }).inputValue()).toBe(String(value));
    await screenshots(judge, '72-review-judge-scoring');
    await judge.getByTestId('submit-score').click();
    await judge.locator('dialog[open]').getByTestId('confirm-yes').click();
    await judge.getByTestId('score-submitted').waitFor();
  });

  it('lets the organiser see the score, close the round, publish it and correct it with a reason', async () => {
    await organiser.goto(`${board()}?round=${ROUND}`);
    const progress = organiser.getByTestId('board-table');
    expect(await progress.textContent()).toContain('1 / 2');
    expect(await organiser.locator('[data-testid="pair"][data-score="submitted"]').count()).toBe(1);
    const first = organiser.locator('[data-testid="ranking-row"]').first();
    expect(await first.textContent()).toContain('骑手工伤保险闯关游戏');

    await organiser.getByTestId('round-close').click();
    await organiser.locator('dialog[open]').getByTestId('confirm-yes').click();
    await organiser.locator('[data-testid="publish-controls"][data-state="closed"]').waitFor();
    await organiser.getByTestId('round-publish').click();
    await organiser.locator('dialog[open]').getByTestId('confirm-yes').click();
    await organiser.getByTestId('publication-row').waitFor();
    expect(await organiser.getByTestId('round-state').textContent()).toBe('已公布');
    expect(await organiser.getByTestId('publication-row').textContent()).toMatch(/^1.*[0-9a-f]{64}/);
    await screenshots(organiser, '73-review-published');

    // A correction keeps version 1 and says why; without a reason the server refuses it.
    await organiser.getByTestId('round-publish').click();
    const dialog = organiser.locator('dialog[open]');
    await dialog.getByTestId('confirm-yes').click();
    await dialog.getByTestId('review-error').waitFor();
    await dialog.getByTestId('publish-reason').fill('更正第 2 名作品的编号');
    await dialog.getByTestId('confirm-yes').click();
    await organiser.getByTestId('publication-row').nth(1).waitFor();
    expect(await organiser.getByTestId('publication-row').allTextContents()).toEqual([
      expect.stringMatching(/^1.*—$/),
      expect.stringMatching(/^2.*[0-9a-f]{64}更正第 2 名作品的编号$/),
    ]);
  });

  it('shows the participant the team’s published result', async () => {
    const participant = await pages.newPage();
    await signIn(participant, DEMO_PARTICIPANT, '/me');
    const card = participant.locator('[data-testid^="registration-card"]').filter({ hasText: '骑手工伤保险闯关游戏' });
    const result = card.getByTestId('round-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('申请和选拔');
    expect(await result.textContent()).toContain('第 1 名');
    await screenshots(participant, '74-review-participant-result');
  });
});
