import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { newAccount } from '../../test/support/test-fixtures.ts';
import { sessionCookieOf, testServer } from '../../test/support/test-server.ts';
import { contestWithEntries, signedInVoter, solvedFrom } from '../../test/support/vote-fixtures.ts';
import { capturingSms } from '../../test/support/voting.ts';
import { openSession } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import type { Database } from '../platform/db-types.ts';
import { featureRoutes } from '../server.ts';
import { withVotingContext } from './context.ts';

/** Inside 000's public vote (2025-09-12 to 2025-09-16, Asia/Shanghai). */
const duringVote = fixedClock('2025-09-13T10:00:00+08:00');

/** 000's vote with two votes a day, one a day for any entry, and counts shown as they come. */
const twoADayLive = (definition: ContestDefinition) => ({
  ...definition,
  voting: definition.voting.map((vote) => ({ ...vote, limits: { perDay: 2, perEntryPerDay: 1 }, showCounts: 'live' as const })),
});

const setUp = async (db: Kysely<Database>, options: { entries?: number; clock?: Clock; change?: (d: ContestDefinition) => ContestDefinition } = {}) => {
  const { contestId, entries } = await contestWithEntries(db, options.entries ?? 3, options.change);
  const sms = capturingSms();
  const app = await testServer(db, { clock: options.clock ?? duringVote, registerRoutes: [withVotingContext({ sms }), ...featureRoutes] });
  const votesUrl = `/api/contests/${contestId}/phases/public-vote/votes`;
  const vote = async (
    cookie: string | undefined,
    registrationId: string,
    extra: { challenge?: string; idempotencyKey?: string; remoteAddress?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: votesUrl,
      headers: cookie ? { cookie } : {},
      remoteAddress: extra.remoteAddress,
      payload: { registrationId, challenge: extra.challenge ?? (await solvedFrom(app)), idempotencyKey: extra.idempotencyKey ?? crypto.randomUUID() },
    });
  return { app, sms, contestId, entries, votesUrl, vote, voter: (phone = '13812345678') => signedInVoter(app, sms, phone) };
};

const organiserCookie = async (db: Kysely<Database>, contestId: string) => {
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  return sessionCookieOf({ cookies: [{ name: 'leitai_session', value: (await openSession(db, organiser.id, duringVote)).token }] });
};

describeOnDatabases('the vote routes', (database) => {
  it('casts a vote once it is committed: counted, in its tally and the audit log, with the votes left', async () => {
    const { db } = database;
    const { app, contestId, entries, vote, voter } = await setUp(db);
    const reply = await vote(await voter(), entries[0]);
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toEqual({ vote: { id: expect.any(String), status: 'received' }, votesLeft: { today: 9, total: null, entriesAtLimit: [entries[0]] } });
    const stored = await db.selectFrom('votes').select(['id', 'registration_id', 'division_id', 'status', 'address', 'subnet', 'cast_at']).execute();
    expect(stored).toEqual([
      {
        id: reply.json().vote.id,
        registration_id: entries[0],
        division_id: 'app-dev/social',
        status: 'counted',
        address: '127.0.0.1',
        subnet: '127.0.0.0/24',
        cast_at: duringVote.now(),
      },
    ]);
    expect(await db.selectFrom('vote_tallies').select(['registration_id', 'counted', 'held']).execute()).toEqual([
      { registration_id: entries[0], counted: 1, held: 0 },
    ]);
    const events = await db.selectFrom('audit_events').select(['payload']).where('contest_id', '=', contestId).where('type', '=', 'votes.committed').execute();
    expect(events.map((e) => (e.payload as { count: number }).count)).toEqual([1]);
    await app.close();
  });

  it('answers a retry with the same key with the first vote, without a new challenge, and counts it once', async () => {
    const { db } = database;
    const { app, entries, vote, voter } = await setUp(db);
    const cookie = await voter();
    const challenge = await solvedFrom(app);
    const first = await vote(cookie, entries[0], { challenge, idempotencyKey: 'retry-key-0001' });
    const again = await vote(cookie, entries[0], { challenge, idempotencyKey: 'retry-key-0001' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const elsewhere = await vote(cookie, entries[1], { idempotencyKey: 'retry-key-0001' });
    expect([elsewhere.statusCode, elsewhere.json().error.code]).toEqual([422, 'vote.idempotency_key_reused']);
    expect(await db.selectFrom('vote_tallies').select('counted').execute()).toEqual([{ counted: 1 }]);
    await app.close();
  });

  it('refuses a vote without a signed-in voter (401 vote.voter_required)', async () => {
    const { app, entries, vote } = await setUp(database.db);
    const reply = await vote(undefined, entries[0]);
    expect([reply.statusCode, reply.json().error.code]).toEqual([401, 'vote.voter_required']);
    await app.close();
  });

  it('refuses a challenge made up or used before (403 vote.challenge_failed)', async () => {
    const { app, entries, vote, voter } = await setUp(database.db);
    const cookie = await voter();
    const challenge = await solvedFrom(app);
    expect((await vote(cookie, entries[0], { challenge })).statusCode).toBe(201);
    for (const used of [challenge, Buffer.from('{"challenge":{}}').toString('base64')]) {
      const reply = await vote(cookie, entries[1], { challenge: used });
      expect([reply.statusCode, reply.json().error.code]).toEqual([403, 'vote.challenge_failed']);
    }
    await app.close();
  });

  it("refuses what the definition's limits do not allow, naming the limit, and counts nothing for it", async () => {
    const { db } = database;
    const { app, entries, vote, voter } = await setUp(db, { change: twoADayLive });
    const cookie = await voter();
    expect((await vote(cookie, entries[0])).statusCode).toBe(201);
    const sameEntry = await vote(cookie, entries[0]);
    expect([sameEntry.statusCode, sameEntry.json().error.code, sameEntry.json().error.problems[0].rule]).toEqual([
      409,
      'vote.entry_limit_reached',
      'voting[0].limits.perEntryPerDay',
    ]);
    expect((await vote(cookie, entries[1])).json().votesLeft).toEqual({ today: 0, total: null, entriesAtLimit: [entries[0], entries[1]] });
    const third = await vote(cookie, entries[2]);
    expect([third.statusCode, third.json().error.code]).toEqual([409, 'vote.limit_reached']);
    expect(third.json().error.message.zh).toBe('每人每天最多投 2 票，您今天的票已投完，2025-09-14T00:00:00+08:00 起可再投');
    expect(await db.selectFrom('votes').select('id').execute()).toHaveLength(2);
    await app.close();
  });

  it('refuses a vote outside the window (409 vote.window_closed)', async () => {
    const { app, entries, vote, voter } = await setUp(database.db, { clock: fixedClock('2025-09-17T00:00:00+08:00') });
    const late = await vote(await voter(), entries[0]);
    expect([late.statusCode, late.json().error.code, late.json().error.message.zh]).toEqual([
      409,
      'vote.window_closed',
      '「网上大众投票」已于 2025-09-16T23:59:59+08:00 结束',
    ]);
    await app.close();
  });

  it('refuses a vote for an entry not voted on, in a phase or contest Leitai runs no vote in, and a malformed key', async () => {
    const { app, contestId, vote, voter } = await setUp(database.db);
    const cookie = await voter();
    const other = await vote(cookie, 'no-such-entry');
    expect([other.statusCode, other.json().error.code]).toEqual([422, 'vote.entry_not_in_vote']);
    const payload = { registrationId: 'x', challenge: 'x', idempotencyKey: 'some-key-0001' };
    const post = (url: string, body: object) => app.inject({ method: 'POST', url, headers: { cookie }, payload: body });
    const noPhase = await post(`/api/contests/${contestId}/phases/final/votes`, payload);
    expect([noPhase.statusCode, noPhase.json().error.code]).toEqual([404, 'vote.phase_not_found']);
    const noContest = await post('/api/contests/no-such-contest/phases/public-vote/votes', payload);
    expect([noContest.statusCode, noContest.json().error.code]).toEqual([404, 'contest.not_found']);
    const badKey = await post(`/api/contests/${contestId}/phases/public-vote/votes`, { ...payload, idempotencyKey: 'short' });
    expect([badKey.statusCode, badKey.json().error.code, badKey.json().error.problems[0].path]).toEqual([400, 'request.invalid', 'idempotencyKey']);
    await app.close();
  });

  it('refuses a voter past 30 attempts a minute (429 vote.rate_limited) before reading the challenge', async () => {
    const { app, entries, vote, voter } = await setUp(database.db);
    const cookie = await voter();
    for (let i = 0; i < 30; i++) expect((await vote(cookie, entries[0], { challenge: 'made-up' })).statusCode).toBe(403);
    const reply = await vote(cookie, entries[0], { challenge: 'made-up' });
    expect([reply.statusCode, reply.json().error.code, reply.json().error.message.zh]).toEqual([429, 'vote.rate_limited', '投票过于频繁，请 60 秒后再试']);
    await app.close();
  });

  it("lists the contest's vote phases with their rules, and the signed-in voter's votes left", async () => {
    const { app, contestId, entries, vote, voter } = await setUp(database.db);
    const cookie = await voter();
    await vote(cookie, entries[0]);
    const url = `/api/contests/${contestId}/voting`;
    const phase = {
      id: 'public-vote',
      name: '网上大众投票',
      nameEn: 'Online public vote',
      window: { start: '2025-09-12T00:00:00+08:00', end: '2025-09-16T23:59:59+08:00' },
      open: true,
      rules: {
        words: [
          { zh: '每人每天最多投 10 票', en: 'At most 10 votes a day' },
          { zh: '每件作品每天最多投 1 票', en: 'At most 1 vote a day for any one entry' },
          { zh: '票数随评审结果公布', en: 'Counts are shown with the published results' },
        ],
        limits: { perDay: 10, perEntryPerDay: 1 },
      },
      showCounts: 'hidden',
      countsShown: false,
      divisions: expect.any(Array),
    };
    expect((await app.inject({ method: 'GET', url })).json()).toEqual({ phases: [{ ...phase, votesLeft: null }] });
    expect((await app.inject({ method: 'GET', url, headers: { cookie } })).json()).toEqual({
      phases: [{ ...phase, votesLeft: { today: 9, total: null, entriesAtLimit: [entries[0]] } }],
    });
    await app.close();
  });

  it('shows counts to the public only as the definition says, and to organisers always with the held votes', async () => {
    const { db } = database;
    const hidden = await setUp(db);
    await hidden.vote(await hidden.voter(), hidden.entries[0]);
    const talliesUrl = `/api/contests/${hidden.contestId}/phases/public-vote/tallies`;
    const refused = await hidden.app.inject({ method: 'GET', url: talliesUrl });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'vote.counts_hidden']);
    const organiser = await hidden.app.inject({ method: 'GET', url: talliesUrl, headers: { cookie: await organiserCookie(db, hidden.contestId) } });
    expect(organiser.json()).toEqual({
      phaseId: 'public-vote',
      entries: hidden.entries.map((id, n) => ({
        id,
        ref: expect.any(String),
        title: `社保卡智慧应用 ${n + 1}`,
        division: 'app-dev/social',
        counted: n === 0 ? 1 : 0,
        held: 0,
      })),
      counted: 1,
      held: 0,
    });
    await hidden.app.close();
  });

  it('shows live counts to anyone, without the held votes', async () => {
    const { app, contestId, entries, vote, voter } = await setUp(database.db, { change: twoADayLive });
    await vote(await voter(), entries[1]);
    const reply = await app.inject({ method: 'GET', url: `/api/contests/${contestId}/phases/public-vote/tallies` });
    expect(reply.json()).toEqual({
      phaseId: 'public-vote',
      entries: entries.map((id, n) => ({
        id,
        ref: expect.any(String),
        title: `社保卡智慧应用 ${n + 1}`,
        division: 'app-dev/social',
        counted: n === 1 ? 1 : 0,
      })),
      counted: 1,
    });
    await app.close();
  });
});
