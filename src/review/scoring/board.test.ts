import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../../platform/db-types.ts';
import { outboxOf } from '../../platform/outbox.ts';
import { addJudge, type TestJudge } from '../../../test/support/review-fixtures.ts';
import { assignPairs, hackathonTeams, registerAll, reviewClock, reviewServer, sessionOf } from '../../../test/support/scoring-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { newAccount, publishSeed, seeds } from '../../../test/support/test-fixtures.ts';

const contestId = seeds['003'].id;
const round = 'application-selection';
const base = `/api/contests/${contestId}/rounds/${round}`;
const criteria = ['qualification-level', 'qualification-mix', 'experience', 'concept-relevance', 'concept-feasibility', 'regional-representation'];
const all = (value: number) => Object.fromEntries(criteria.map((id) => [id, value]));

/**
 * Three 003 teams scored by four judges: 评委1–3 give 7 to each, 评委4 gives 9 to each (two points,
 * more than 003's 0.9 threshold, above the others over three entries); 评委5 has a draft of the third.
 */
async function scoredRound(db: Kysely<Database>) {
  await publishSeed(db, '003');
  const clock = reviewClock('003');
  const entries = (await registerAll(db, '003', hackathonTeams(3), clock)).map((e) => e.row.id);
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const judges: TestJudge[] = [];
  for (const name of ['评委1', '评委2', '评委3', '评委4', '评委5']) judges.push(await addJudge(db, contestId, { name }));
  const pairs = judges.slice(0, 4).flatMap((judge) => entries.map((registrationId) => ({ judgeId: judge.id, registrationId })));
  await assignPairs(db, contestId, round, [...pairs, { judgeId: judges[4].id, registrationId: entries[2] }], organiser);
  clock.set('2021-09-01T10:00:00+08:00');
  const server = await reviewServer(db, clock);
  for (const [i, judge] of judges.slice(0, 4).entries()) {
    const headers = await sessionOf(db, judge.account, clock);
    for (const entry of entries) {
      const reply = await server.inject({ method: 'POST', url: `${base}/judging/${entry}/submit`, headers, payload: { criteria: all(i === 3 ? 9 : 7) } });
      expect(reply.statusCode).toBe(200);
    }
  }
  await server.inject({
    method: 'PUT',
    url: `${base}/judging/${entries[2]}`,
    headers: await sessionOf(db, judges[4].account, clock),
    payload: { criteria: { experience: 3 } },
  });
  return { server, judges, organiser: await sessionOf(db, organiser, clock), clock };
}

describeOnDatabases('the review board and reminders', (database) => {
  it('shows each judge’s progress, mean and deviation, flags the one who stands apart, and counts the entries scored', async () => {
    const { server, judges, organiser } = await scoredRound(database.db);
    const board = await server.inject({ method: 'GET', url: `${base}/review-board`, headers: organiser });
    expect(board.statusCode).toBe(200);
    const usual = { assigned: 3, submitted: 3, drafts: 0, mean: 7, compared: 3, standsApart: false };
    expect(board.json()).toEqual({
      round: { id: round, name: '申请和选拔', state: 'open', scale: { min: 1, max: 10 }, standsApartAt: 0.9 },
      judges: [
        // 7 − (7 + 7 + 9) / 3 on each entry
        { id: judges[0].id, name: '评委1', ...usual, deviation: -0.67 },
        { id: judges[1].id, name: '评委2', ...usual, deviation: -0.67 },
        { id: judges[2].id, name: '评委3', ...usual, deviation: -0.67 },
        { id: judges[3].id, name: '评委4', assigned: 3, submitted: 3, drafts: 0, mean: 9, deviation: 2, compared: 3, standsApart: true },
        { id: judges[4].id, name: '评委5', assigned: 1, submitted: 0, drafts: 1, mean: null, deviation: null, compared: 0, standsApart: false },
      ],
      entries: { total: 3, fullyScored: 2, partlyScored: 1, unscored: 0 },
    });
  });

  it('reminds only the judges with entries left to submit: one outbox message each, audited', async () => {
    const { server, judges, organiser } = await scoredRound(database.db);
    const named = await server.inject({ method: 'POST', url: `${base}/reminders`, headers: organiser, payload: { judgeIds: [judges[0].id] } });
    expect(named.json()).toEqual({ messages: 0 });
    const reminded = await server.inject({ method: 'POST', url: `${base}/reminders`, headers: organiser });
    expect(reminded.json()).toEqual({ messages: 1 });
    expect(await outboxOf(database.db, contestId)).toEqual([
      {
        id: expect.any(String),
        kind: 'review.reminder',
        recipientName: '评委5',
        recipientAddress: null,
        subject: '请完成「申请和选拔」评审',
        body: '评委5，您在「申请和选拔」中还有 1 个作品尚未提交评分（共 1 个）。',
        link: `/judge/contests/${contestId}/rounds/${round}`,
        createdAt: '2021-09-01T02:00:00.000Z',
        sentAt: null,
      },
    ]);
    const events = await database.db
      .selectFrom('audit_events')
      .select('payload')
      .where('contest_id', '=', contestId)
      .where('type', '=', 'reminder.sent')
      .execute();
    expect(events.map((e) => e.payload)).toEqual([{ round, judges: [{ judge: judges[4].id, unsubmitted: 1 }] }]);
  });

  it('shows the board and sends reminders to the contest’s organisers only', async () => {
    const { server, judges, clock } = await scoredRound(database.db);
    const headers = await sessionOf(database.db, judges[0].account, clock);
    const board = await server.inject({ method: 'GET', url: `${base}/review-board`, headers });
    const remind = await server.inject({ method: 'POST', url: `${base}/reminders`, headers });
    expect([board.statusCode, board.json().error.code, remind.statusCode]).toEqual([403, 'review.forbidden', 403]);
  });
});
