import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER } from '../../src/demo/service.ts';
import { entryOf, person, socialTeam } from '../support/test-fixtures.ts';
import { desktop, okJson, screenshots, signIn } from './browser.ts';
import { prepareEditionToday } from './edition.ts';
import { servedInBrowser } from './served.ts';

const CARD_CONTEST = 'jjj-social-security-card-2025';
const VOTE = 'public-vote';
const VOTER_PHONE = '13800138000';

/**
 * An edition of 000 whose 网上大众投票 runs today: registration opened 124 days ago (the vote opens on
 * its 123rd day, for five days), so the vote began yesterday. Three entries registered while
 * registration was open: a poster in 社保卡宣传赛道 and two teams in 应用开发赛道（社会组）.
 */
const prepareOpenVote = async (dataDir: string, made: { contestId: string }) => {
  made.contestId = await prepareEditionToday(dataDir, {
    contest: CARD_CONTEST,
    openedDaysAgo: 124,
    enteredDaysAgo: 118,
    entries: [
      entryOf('000', { trackId: 'publicity', entrantKind: 'individual', title: '一卡通走遍京津冀海报', leader: person(71) }),
      socialTeam(1, 73, { title: '社保卡就医一码通', leader: person(72) }),
      socialTeam(1, 75, { title: '异地待遇资格认证助手', leader: person(74) }),
    ],
  });
};

interface OutboxReply {
  messages: { kind: string; recipientAddress: string | null; body: string }[];
}

/** The newest code texted to a phone, read from the contest's outbox (where the SMS goes by default) by its organiser. */
const codeTextedTo = async (organiser: Page, contestId: string, phone: string) => {
  const { messages } = await okJson<OutboxReply>(organiser.request.get(`/api/contests/${contestId}/outbox`));
  const sms = messages.find((m) => m.kind === 'sms' && m.recipientAddress === phone);
  const code = sms && /\d{6}/.exec(sms.body)?.[0];
  if (!code) throw new Error(`no code texted to ${phone}: ${JSON.stringify(messages)}`);
  return code;
};

/** Votes on a card or the detail page and waits for the answer: 已投票 with the votes left, in words. */
const voteOn = async (box: Locator) => {
  await box.getByTestId('vote-button').click();
  await box.getByTestId('vote-done').waitFor({ timeout: 60_000 });
  return box.getByTestId('votes-left').textContent();
};

/**
 * Public voting on a phone, end to end: the voter opens the vote from the contest's page, proves a
 * number with the code texted to it (read from the outbox), votes — the proof-of-work solved in the
 * page — and sees the votes left go down, on the showcase and on a work's own page; the organiser sees
 * the votes over time.
 */
describe('a public vote on a phone', () => {
  const made = { contestId: '' };
  const pages = servedInBrowser({ prepare: (dataDir) => prepareOpenVote(dataDir, made) });
  let organiser: Page;
  let voter: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    organiser = await pages.newPage(desktop);
    await signIn(organiser, DEMO_ORGANISER, `/organiser/contests/${made.contestId}`);
    voter = await pages.newPage({ width: 375, height: 812 });
    // The challenge widget runs under the site's Content-Security-Policy: any violation is caught.
    await voter.context().addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`));
    });
    voter.on('console', (message) => {
      if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
  });

  it('lets a voter prove a number and vote on a phone-sized page, the votes left going down', async () => {
    await voter.goto(`/contests/${made.contestId}`);
    await voter.getByTestId(`vote-link-${VOTE}`).click();
    await voter.getByTestId('showcase').waitFor();
    expect(await voter.getByTestId('vote-state').textContent()).toBe('投票进行中');
    expect(await voter.getByTestId('showcase-entry').locator('.vote-card-title').allTextContents()).toEqual(['一卡通走遍京津冀海报']);

    const poster = voter.getByTestId('showcase-entry').first();
    await poster.getByTestId('vote-button').click();
    const dialog = voter.getByTestId('vote-phone-dialog');
    await dialog.getByTestId('vote-phone').fill('138 0013 8000');
    await dialog.getByTestId('vote-send-code').click();
    await dialog.getByTestId('vote-code-sent').waitFor();
    expect(await dialog.getByTestId('vote-resend').textContent()).toMatch(/^\d{1,2} 秒后可重新发送$/);
    expect(await dialog.getByTestId('vote-resend').isDisabled()).toBe(true);

    await dialog.getByTestId('vote-code').fill('000000');
    await dialog.getByTestId('vote-verify').click();
    expect(await dialog.getByTestId('vote-phone-problem').textContent()).not.toBe('');

    await dialog.getByTestId('vote-code').fill(await codeTextedTo(organiser, made.contestId, VOTER_PHONE));
    await dialog.getByTestId('vote-verify').click();
    // Proven, the vote asked for goes on by itself: challenge solved, vote sent.
    await poster.getByTestId('vote-done').waitFor({ timeout: 60_000 });
    expect(await poster.getByTestId('votes-left').textContent()).toBe('今天还可投 9 票');
    expect([await poster.getByTestId('vote-button').textContent(), await poster.getByTestId('vote-button').isDisabled()]).toEqual(['已投票', true]);
    expect(await voter.getByTestId('voter-bar').textContent()).toContain('投票手机号 138****8000');
    await screenshots(voter, '80-vote-showcase');

    await voter.getByTestId('division-tab-app-dev/social').click();
    await voter.waitForURL('**division=app-dev%2Fsocial');
    const teams = voter.getByTestId('showcase-entry');
    expect(await teams.locator('.vote-card-title').allTextContents()).toEqual(['社保卡就医一码通', '异地待遇资格认证助手']);
    expect(await voteOn(teams.first())).toBe('今天还可投 8 票');

    await teams.nth(1).locator('.vote-card-link').click();
    await voter.getByTestId('showcase-detail').waitFor();
    expect(await voter.getByTestId('entry-title').textContent()).toBe('异地待遇资格认证助手');
    expect(await voteOn(voter.getByTestId('vote-box'))).toBe('今天还可投 7 票');
    await screenshots(voter, '81-vote-entry');

    // What is left is the server's: after a reload the voter is still signed in with seven votes today.
    await voter.reload();
    await voter.getByTestId('voter-bar').waitFor();
    expect(await voter.getByTestId('voter-bar').getByTestId('votes-left').textContent()).toBe('今天还可投 7 票');
    expect(await voter.getByTestId('vote-button').textContent()).toBe('已投票');
    expect(violations).toEqual([]);
  });

  it('shows the organiser the three votes over time, counted or held, with why any was held', async () => {
    await organiser.goto(`/organiser/contests/${made.contestId}`);
    await organiser.getByTestId('open-voting').click();
    await organiser.getByTestId('voting-board').waitFor();
    const summary = await organiser.getByTestId('chart-summary').textContent();
    const [, counted, held] = /^已计入 (\d+) 票，待审核 (\d+) 票/.exec(summary ?? '') ?? [];
    expect(Number(counted) + Number(held)).toBe(3);
    expect(await organiser.getByTestId('held-votes').isVisible()).toBe(true);
    await screenshots(organiser, '82-voting-board');
  });
});
