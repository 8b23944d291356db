import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { addJudge } from '../../../test/support/review-fixtures.ts';
import { assignPairs, hackathonTeams, registerAll, reviewClock, reviewServer, sessionOf } from '../../../test/support/scoring-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { newAccount, publishSeed, seeds } from '../../../test/support/test-fixtures.ts';
import { resultsSha256 } from './rules.ts';

const contestId = seeds['003'].id;
const contest = `/api/contests/${contestId}`;
const selection = `${contest}/rounds/application-selection`;
const online = `${contest}/rounds/online-stage`;
const selectionCriteria = ['qualification-level', 'qualification-mix', 'experience', 'concept-relevance', 'concept-feasibility', 'regional-representation'];
const all = (value: number) => Object.fromEntries(selectionCriteria.map((id) => [id, value]));

/** 003's selection sends two teams on here (its own count is 20), so the third stays behind. */
const twoGoOn = (definition: ContestDefinition) => {
  definition.review.rounds[0].advance = { total: 2 };
  return definition;
};

/** Three 003 teams (作品1–3) scored 8, 7 and 6 in the selection round by one judge. */
async function selectionScored(db: Kysely<Database>) {
  await publishSeed(db, '003', twoGoOn);
  const clock = reviewClock('003');
  const entries = await registerAll(db, '003', hackathonTeams(3), clock);
  const organiserAccount = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const judge = await addJudge(db, contestId, { name: '评委甲' });
  await assignPairs(
    db,
    contestId,
    'application-selection',
    entries.map((e) => ({ judgeId: judge.id, registrationId: e.row.id })),
    organiserAccount,
  );
  clock.set('2021-09-01T10:00:00+08:00');
  const server = await reviewServer(db, clock);
  const as = (account: Account) => sessionOf(db, account, clock);
  const judgeHeaders = await as(judge.account);
  for (const [i, entry] of entries.entries()) {
    await server.inject({ method: 'POST', url: `${selection}/judging/${entry.row.id}/submit`, headers: judgeHeaders, payload: { criteria: all(8 - i) } });
  }
  const organiser = await as(organiserAccount);
  const [a, b, c] = entries;
  return { server, clock, entries, a, b, c, judge, organiserAccount, organiser, as };
}

const publish = (server: Awaited<ReturnType<typeof selectionScored>>['server'], headers: { cookie: string }, payload?: object) =>
  server.inject({ method: 'POST', url: `${selection}/results/publish`, headers, ...(payload ? { payload } : {}) });

const eventsOf = (db: Kysely<Database>, type: string) =>
  db.selectFrom('audit_events').select('payload').where('contest_id', '=', contestId).where('type', '=', type).orderBy('seq').execute();

describeOnDatabases('publishing a round', (database) => {
  it('publishes a closed round once, freezing its results with the hash the audit event records; a correction needs a reason and keeps version 1', async () => {
    const { server, organiser, a, b, c } = await selectionScored(database.db);
    const none = await server.inject({ method: 'GET', url: `${selection}/results` });
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'results.not_published']);
    const open = await publish(server, organiser);
    expect([open.statusCode, open.json().error.code]).toEqual([409, 'round.not_closed']);

    await server.inject({ method: 'POST', url: `${selection}/close`, headers: organiser, payload: {} });
    const first = await publish(server, organiser);
    expect(first.json()).toEqual({ publication: { version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), publishedAt: '2021-09-01T02:00:00.000Z' } });
    const [stored] = await database.db.selectFrom('round_publications').selectAll().where('contest_id', '=', contestId).execute();
    expect([stored.sha256, resultsSha256(stored.results)]).toEqual([first.json().publication.sha256, first.json().publication.sha256]);
    expect((await eventsOf(database.db, 'round.results_published')).map((e) => e.payload)).toEqual([
      {
        round: 'application-selection',
        version: 1,
        sha256: stored.sha256,
        advancing: 2,
        awards: 0,
        definitionVersion: 1,
        reason: null,
        state: { 'publication:application-selection:1': expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    ]);
    const schedule = (await server.inject({ method: 'GET', url: `${contest}/schedule` })).json().schedule;
    expect(schedule.rounds[0]).toMatchObject({ id: 'application-selection', state: 'published' });

    const unexplained = await publish(server, organiser);
    expect([unexplained.statusCode, unexplained.json().error.code]).toEqual([422, 'publish.reason_required']);
    const correction = await publish(server, organiser, { reason: '更正一处录入错误' });
    expect(correction.json().publication.version).toBe(2);

    const asOrganiser = (await server.inject({ method: 'GET', url: `${selection}/results`, headers: organiser })).json();
    expect(asOrganiser.publications.map((p: { version: number; reason: string | null; sha256: string }) => [p.version, p.reason, p.sha256])).toEqual([
      [1, null, stored.sha256],
      [2, '更正一处录入错误', correction.json().publication.sha256],
    ]);
    const asAnyone = (await server.inject({ method: 'GET', url: `${selection}/results` })).json();
    expect(asAnyone).toEqual({
      round: { id: 'application-selection', name: '申请和选拔', nameEn: 'Application selection' },
      version: 2,
      sha256: correction.json().publication.sha256,
      publishedAt: '2021-09-01T02:00:00.000Z',
      divisions: [
        {
          id: 'hackathon',
          name: '数字化社会保障',
          entries: [
            { ref: a.row.ref, title: '作品1', rank: 1, tied: false, score: 8, advances: true, awards: [] },
            { ref: b.row.ref, title: '作品2', rank: 2, tied: false, score: 7, advances: true, awards: [] },
            { ref: c.row.ref, title: '作品3', rank: 3, tied: false, score: 6, advances: false, awards: [] },
          ],
        },
      ],
    });
  });

  it('previews 003’s online stage for the teams the selection sent on, where the weights put the team with the lower plain mean first; drafts never count', async () => {
    const { server, clock, organiser, organiserAccount, a, b, judge, as } = await selectionScored(database.db);
    const waiting = (await server.inject({ method: 'GET', url: `${online}/results/preview`, headers: organiser })).json();
    expect([waiting.waitingFor, waiting.results.divisions[0].entries]).toEqual(['application-selection', []]);
    await server.inject({ method: 'POST', url: `${selection}/close`, headers: organiser, payload: {} });
    await publish(server, organiser);

    const second = await addJudge(database.db, contestId, { name: '评委乙' });
    await assignPairs(
      database.db,
      contestId,
      'online-stage',
      [a, b].flatMap((e) => [judge, second].map((j) => ({ judgeId: j.id, registrationId: e.row.id }))),
      organiserAccount,
    );
    clock.set('2021-09-20T10:00:00+08:00');
    const rest = (value: number) => ({
      'practical-value': value,
      'growth-potential': value,
      'social-benefit': value,
      'prototype-usability': value,
      'written-presentation': value,
    });
    const headers = await as(judge.account);
    // 作品1: 30% × 90 + 70% × 50 = 62 (plain mean 56.67); 作品2: 30% × 40 + 70% × 70 = 61 (plain mean 65).
    for (const [entry, criteria] of [
      [a, { innovation: 90, ...rest(50) }],
      [b, { innovation: 40, ...rest(70) }],
    ] as const) {
      const reply = await server.inject({ method: 'POST', url: `${online}/judging/${entry.row.id}/submit`, headers, payload: { criteria } });
      expect(reply.json().score.total).toBe(entry === a ? 62 : 61);
    }
    await server.inject({
      method: 'PUT',
      url: `${online}/judging/${b.row.id}`,
      headers: await as(second.account),
      payload: { criteria: { innovation: 100, ...rest(100) } },
    });

    const preview = (await server.inject({ method: 'GET', url: `${online}/results/preview`, headers: organiser })).json();
    expect(
      preview.results.divisions[0].entries.map((e: { id: string; rank: number; score: number; judges: number }) => [e.id, e.rank, e.score, e.judges]),
    ).toEqual([
      [a.row.id, 1, 62, 1],
      [b.row.id, 2, 61, 1],
    ]);
    expect(preview.entries).toEqual({ [a.row.id]: { ref: a.row.ref, title: '作品1' }, [b.row.id]: { ref: b.row.ref, title: '作品2' } });
    expect(preview.waitingFor).toBeUndefined();
  });

  it('leaves out, and reports, the score of a judge who declares a conflict with the entry after submitting it', async () => {
    const { server, organiser, a, judge, as } = await selectionScored(database.db);
    const declared = await server.inject({
      method: 'POST',
      url: `${contest}/judging/me/conflicts`,
      headers: await as(judge.account),
      payload: { kind: 'entry', registrationId: a.row.id, note: '作品1 的负责人是我的学生' },
    });
    expect(declared.statusCode).toBe(201);
    const { results } = (await server.inject({ method: 'GET', url: `${selection}/results/preview`, headers: organiser })).json();
    const first = results.divisions[0].entries.find((e: { id: string }) => e.id === a.row.id);
    expect([first.judges, first.score, first.rank]).toEqual([0, null, null]);
    expect(results.problems.find((p: { code: string }) => p.code === 'score.pair_removed')).toEqual({
      code: 'score.pair_removed',
      message: {
        zh: `评委 ${judge.id} 已不再评审 ${a.row.id}（如事后申报回避），其评分未计入`,
        en: `${judge.id} no longer judges ${a.row.id} (e.g. a conflict declared after scoring): that score is left out`,
      },
      judge: judge.id,
      entries: [a.row.id],
    });
  });

  it('shows each participant their own entry’s results and no one else’s', async () => {
    const { server, organiser, a, c, as } = await selectionScored(database.db);
    await server.inject({ method: 'POST', url: `${selection}/close`, headers: organiser, payload: {} });
    await publish(server, organiser);
    const own = (await server.inject({ method: 'GET', url: `/api/registrations/${a.row.id}/results`, headers: await as(a.owner) })).json();
    expect(own.rounds).toEqual([
      {
        roundId: 'application-selection',
        name: '申请和选拔',
        nameEn: 'Application selection',
        published: true,
        division: 'hackathon',
        rank: 1,
        tied: false,
        score: 8,
        advances: true,
        awards: [],
        publishedAt: '2021-09-01T02:00:00.000Z',
      },
      expect.objectContaining({ roundId: 'online-stage', published: false, rank: null }),
    ]);
    const behind = (await server.inject({ method: 'GET', url: `/api/registrations/${c.row.id}/results`, headers: await as(c.owner) })).json();
    expect(behind.rounds.map((r: { roundId: string; rank: number; advances: boolean }) => [r.roundId, r.rank, r.advances])).toEqual([
      ['application-selection', 3, false],
    ]);

    const other = await server.inject({ method: 'GET', url: `/api/registrations/${a.row.id}/results`, headers: await as(c.owner) });
    const signedOut = await server.inject({ method: 'GET', url: `/api/registrations/${a.row.id}/results` });
    const unknown = await server.inject({ method: 'GET', url: `/api/registrations/${randomUUID()}/results`, headers: await as(c.owner) });
    expect([other.statusCode, other.json().error.code, signedOut.statusCode, unknown.statusCode, unknown.json().error.code]).toEqual([
      403,
      'results.forbidden',
      401,
      404,
      'registration.not_found',
    ]);
  });

  it('lets only the contest’s organisers preview and publish', async () => {
    const { server, judge, a, as } = await selectionScored(database.db);
    for (const account of [judge.account, a.owner]) {
      const headers = await as(account);
      const preview = await server.inject({ method: 'GET', url: `${selection}/results/preview`, headers });
      const published = await publish(server, headers, {});
      expect([preview.statusCode, preview.json().error.code, published.statusCode]).toEqual([403, 'results.forbidden', 403]);
    }
  });
});
