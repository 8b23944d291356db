import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { newAccount } from '../../../test/support/test-fixtures.ts';
import { testServer } from '../../../test/support/test-server.ts';
import { contestWithEntries, newVoter } from '../../../test/support/vote-fixtures.ts';
import { openSession } from '../../platform/auth/service.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import { featureRoutes } from '../../server.ts';
import type { HoldReason } from '../hold-reason.ts';
import { votesDigest } from '../ingest/commit.ts';
import { addToTallies, insertVotes } from '../ingest/queries.ts';

/** Inside 000's public vote (2025-09-12 to 2025-09-16, Asia/Shanghai). */
const clock = fixedClock('2025-09-14T10:00:00+08:00');
const at = (local: string) => new Date(`2025-09-${local}+08:00`);

const burst: HoldReason = { signal: 'burst', detail: { zh: '10 分钟内有 15 个新号码', en: '15 fresh numbers within 10 min' } };
const block: HoldReason = { signal: 'number-block', detail: { zh: '5 个相近的号码', en: '5 numbers close together' } };

interface TestVote {
  entry: string;
  voter: string;
  castAt: Date;
  held?: HoldReason[];
}

/** Votes written as a group commit writes them: the rows and their entries' tallies. */
async function cast(db: Kysely<Database>, contestId: string, votes: TestVote[]) {
  const rows = votes.map((vote) => ({
    id: randomUUID(),
    contestId,
    phaseId: 'public-vote',
    registrationId: vote.entry,
    divisionId: 'app-dev/social',
    voterId: vote.voter,
    idempotencyKey: randomUUID(),
    castAt: vote.castAt,
    address: '36.1.2.3',
    subnet: '36.1.2.0/24',
    device: 'phone-model',
    status: vote.held ? ('held' as const) : ('counted' as const),
    holdReasons: vote.held ?? [],
  }));
  await insertVotes(db, rows);
  const deltas = new Map<string, { contestId: string; phaseId: string; registrationId: string; counted: number; held: number }>();
  for (const row of rows) {
    const delta = deltas.get(row.registrationId) ?? { contestId, phaseId: 'public-vote', registrationId: row.registrationId, counted: 0, held: 0 };
    delta[row.status] += 1;
    deltas.set(row.registrationId, delta);
  }
  await addToTallies(db, [...deltas.values()]);
  return rows.map((row) => row.id);
}

/** 000 with two entries, its organiser and an account of no role, and voters 13800000000 + n for each n. */
async function setUp(db: Kysely<Database>, voterNumbers: number[]) {
  const { contestId, entries } = await contestWithEntries(db, 2);
  const app = await testServer(db, { clock, registerRoutes: featureRoutes });
  const cookieOf = async (name: string, roles: Parameters<typeof newAccount>[2]) => ({
    cookie: `leitai_session=${(await openSession(db, (await newAccount(db, name, roles)).id, clock)).token}`,
  });
  const voters: string[] = [];
  for (const n of voterNumbers) voters.push(await newVoter(db, n));
  const phase = `/api/contests/${contestId}/phases/public-vote`;
  return {
    app,
    contestId,
    entries,
    voters,
    phase,
    organiser: await cookieOf('主办方', [{ role: 'organiser', contestId }]),
    stranger: await cookieOf('路人', [{ role: 'participant' }]),
  };
}

const tallies = (db: Kysely<Database>) => db.selectFrom('vote_tallies').select(['registration_id', 'counted', 'held']).orderBy('registration_id').execute();
const eventsOf = (db: Kysely<Database>, type: string) =>
  db.selectFrom('audit_events').select(['actor', 'payload']).where('type', '=', type).orderBy('seq').execute();

describeOnDatabases('held votes', (database) => {
  it('lists the held votes with their reasons and masked numbers, by reason or entry, with totals per signal; to organisers only', async () => {
    const { db } = database;
    const { app, contestId, entries, voters, phase, organiser, stranger } = await setUp(db, [1, 2, 3]);
    const [first, second, third] = await cast(db, contestId, [
      { entry: entries[0], voter: voters[0], castAt: at('13T09:00:00'), held: [burst, block] },
      { entry: entries[1], voter: voters[1], castAt: at('13T09:05:00'), held: [block] },
      { entry: entries[0], voter: voters[2], castAt: at('13T09:10:00'), held: [burst] },
      { entry: entries[1], voter: voters[2], castAt: at('13T09:11:00') },
    ]);
    const list = await app.inject({ method: 'GET', url: `${phase}/held-votes`, headers: organiser });
    const entry = (i: number) => ({ id: entries[i], ref: expect.stringMatching(/-/), title: `社保卡智慧应用 ${i + 1}` });
    expect(list.json()).toEqual({
      votes: [
        { id: first, entry: entry(0), phone: '138****0001', castAt: '2025-09-13T01:00:00.000Z', address: '36.1.2.3', reasons: [burst, block] },
        { id: second, entry: entry(1), phone: '138****0002', castAt: '2025-09-13T01:05:00.000Z', address: '36.1.2.3', reasons: [block] },
        { id: third, entry: entry(0), phone: '138****0003', castAt: '2025-09-13T01:10:00.000Z', address: '36.1.2.3', reasons: [burst] },
      ],
      total: 3,
      signals: [
        { signal: 'burst', count: 2 },
        { signal: 'number-block', count: 2 },
      ],
    });
    const ids = async (query: string) =>
      (await app.inject({ method: 'GET', url: `${phase}/held-votes?${query}`, headers: organiser })).json().votes.map((v: { id: string }) => v.id);
    expect(await ids('reason=number-block')).toEqual([first, second]);
    expect(await ids(`entry=${entries[0]}&reason=burst`)).toEqual([first, third]);
    expect(await ids('limit=1&offset=1')).toEqual([second]);

    const refusals = await Promise.all([
      app.inject({ method: 'GET', url: `${phase}/held-votes` }),
      app.inject({ method: 'GET', url: `${phase}/held-votes`, headers: stranger }),
      app.inject({ method: 'GET', url: `/api/contests/${contestId}/phases/registration/held-votes`, headers: organiser }),
      app.inject({ method: 'GET', url: `${phase}/held-votes?reason=DROP TABLE`, headers: organiser }),
    ]);
    expect(refusals.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [401, 'auth.required'],
      [403, 'held_votes.forbidden'],
      [404, 'vote.phase_not_found'],
      [400, 'request.invalid'],
    ]);
    await app.close();
  });

  it('rejects and counts held votes one by one, moving the tallies and the counts served, audited with a digest; a vote is decided once', async () => {
    const { db } = database;
    const { app, contestId, entries, voters, phase, organiser } = await setUp(db, [1, 2]);
    const [bad, good] = await cast(db, contestId, [
      { entry: entries[0], voter: voters[0], castAt: at('13T09:00:00'), held: [burst] },
      { entry: entries[0], voter: voters[1], castAt: at('13T09:01:00'), held: [burst] },
    ]);
    const served = async () =>
      (await app.inject({ method: 'GET', url: `${phase}/tallies`, headers: organiser }))
        .json()
        .entries.map((e: { counted: number; held?: number }) => [e.counted, e.held]);
    expect(await served()).toEqual([
      [0, 2],
      [0, 0],
    ]);

    const decide = (payload: object) => app.inject({ method: 'POST', url: `${phase}/held-votes/decisions`, headers: organiser, payload });
    expect((await decide({ voteIds: [bad], decision: 'reject', reason: '接码平台号码' })).json()).toEqual({ decided: 1 });
    expect((await decide({ voteIds: [good, bad], decision: 'count' })).json()).toEqual({ decided: 1 });
    expect((await decide({ voteIds: [good], decision: 'reject' })).json()).toEqual({ decided: 0 });

    const stored = await db.selectFrom('votes').select(['id', 'status', 'decided_at']).orderBy('cast_at').execute();
    expect(stored).toEqual([
      { id: bad, status: 'rejected', decided_at: clock.now() },
      { id: good, status: 'counted', decided_at: clock.now() },
    ]);
    expect(await tallies(db)).toEqual([{ registration_id: entries[0], counted: 1, held: 0 }]);
    expect(await served()).toEqual([
      [1, 0],
      [0, 0],
    ]);
    const organiserId = (await db.selectFrom('votes').select('decided_by').where('id', '=', bad).executeTakeFirstOrThrow()).decided_by;
    expect([...(await eventsOf(db, 'votes.rejected')), ...(await eventsOf(db, 'votes.released'))]).toEqual([
      {
        actor: organiserId,
        payload: { phaseId: 'public-vote', count: 1, entries: 1, digest: votesDigest([bad]), selection: { voteIds: 1 }, reason: '接码平台号码' },
      },
      { actor: organiserId, payload: { phaseId: 'public-vote', count: 1, entries: 1, digest: votesDigest([good]), selection: { voteIds: 2 }, reason: null } },
    ]);
    await app.close();
  });

  it('decides in bulk every held vote a filter matches, in one transaction, and refuses a decision that names both ids and a filter, or neither', async () => {
    const { db } = database;
    const { app, contestId, entries, voters, phase, organiser } = await setUp(db, [1, 2, 3]);
    const [a, b, c] = await cast(db, contestId, [
      { entry: entries[0], voter: voters[0], castAt: at('13T09:00:00'), held: [block] },
      { entry: entries[1], voter: voters[1], castAt: at('13T09:01:00'), held: [block, burst] },
      { entry: entries[1], voter: voters[2], castAt: at('13T09:02:00'), held: [burst] },
    ]);
    const decide = (payload: object) => app.inject({ method: 'POST', url: `${phase}/held-votes/decisions`, headers: organiser, payload });
    expect((await decide({ filter: { reason: 'number-block' }, decision: 'reject' })).json()).toEqual({ decided: 2 });
    expect(await tallies(db)).toEqual(
      [
        { registration_id: entries[0], counted: 0, held: 0 },
        { registration_id: entries[1], counted: 0, held: 1 },
      ].sort((x, y) => x.registration_id.localeCompare(y.registration_id)),
    );
    const [event] = await eventsOf(db, 'votes.rejected');
    expect(event.payload).toEqual({
      phaseId: 'public-vote',
      count: 2,
      entries: 2,
      digest: votesDigest([a, b]),
      selection: { filter: { reason: 'number-block' } },
      reason: null,
    });
    expect((await decide({ filter: {}, decision: 'count' })).json()).toEqual({ decided: 1 });
    expect((await db.selectFrom('votes').select('status').where('id', '=', c).executeTakeFirstOrThrow()).status).toBe('counted');

    const refused = await Promise.all([
      decide({ voteIds: [a], filter: {}, decision: 'count' }),
      decide({ decision: 'count' }),
      decide({ voteIds: [], decision: 'count' }),
    ]);
    expect(refused.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'request.invalid'],
      [400, 'request.invalid'],
      [400, 'request.invalid'],
    ]);
    await app.close();
  });

  it('rescans the stream and holds, with hindsight, a block of five close numbers counted before the signal fired; never a vote an organiser counted', async () => {
    const { db } = database;
    const { app, contestId, entries, voters, phase, organiser } = await setUp(db, [10, 11, 12, 13, 14, 5000, 900_000]);
    const ids = await cast(
      db,
      contestId,
      voters.map((voter, i) => ({ entry: i < 5 ? entries[0] : entries[1], voter, castAt: at(`13T1${i}:00:00`) })),
    );
    await db.updateTable('votes').set({ decided_at: clock.now() }).where('id', '=', ids[4]).execute();
    const rescan = await app.inject({ method: 'POST', url: `${phase}/held-votes/rescan`, headers: organiser });
    expect(rescan.json()).toEqual({ held: 4, signals: { 'number-block': 4 } });
    const stored = await db.selectFrom('votes').select(['id', 'status', 'hold_reasons']).orderBy('cast_at').execute();
    expect(stored.map((vote) => [vote.status, vote.hold_reasons.map((r) => r.signal)])).toEqual([
      ['held', ['number-block']],
      ['held', ['number-block']],
      ['held', ['number-block']],
      ['held', ['number-block']],
      ['counted', []],
      ['counted', []],
      ['counted', []],
    ]);
    expect(stored[0].hold_reasons[0].detail.en).toBe('5 numbers less than 300 apart voted for this entry within 6 h');
    expect(await tallies(db)).toEqual(
      [
        { registration_id: entries[0], counted: 1, held: 4 },
        { registration_id: entries[1], counted: 2, held: 0 },
      ].sort((x, y) => x.registration_id.localeCompare(y.registration_id)),
    );
    const events = await eventsOf(db, 'votes.held');
    expect(events.map((e) => e.payload)).toEqual([{ phaseId: 'public-vote', count: 4, digest: votesDigest(ids.slice(0, 4)), signals: { 'number-block': 4 } }]);
    const again = await app.inject({ method: 'POST', url: `${phase}/held-votes/rescan`, headers: organiser });
    expect([again.json(), (await eventsOf(db, 'votes.held')).length]).toEqual([{ held: 0, signals: {} }, 1]);
    await app.close();
  });

  it('gives the timeline of counted, held and rejected votes per entry by the hour in Beijing time, and by the minute for one entry', async () => {
    const { db } = database;
    const { app, contestId, entries, voters, phase, organiser } = await setUp(db, [1, 2, 3]);
    const [, , rejected] = await cast(db, contestId, [
      { entry: entries[0], voter: voters[0], castAt: at('13T09:10:00') },
      { entry: entries[0], voter: voters[1], castAt: at('13T09:50:00'), held: [burst] },
      { entry: entries[0], voter: voters[2], castAt: at('13T09:55:00'), held: [burst] },
      { entry: entries[1], voter: voters[2], castAt: at('13T23:59:00') },
    ]);
    await app.inject({ method: 'POST', url: `${phase}/held-votes/decisions`, headers: organiser, payload: { voteIds: [rejected], decision: 'reject' } });
    const hours = await app.inject({ method: 'GET', url: `${phase}/timeline`, headers: organiser });
    const named = (i: number) => ({ id: entries[i], ref: expect.any(String), title: `社保卡智慧应用 ${i + 1}` });
    const series = [
      { entry: named(0), points: [{ at: '2025-09-13T01:00:00.000Z', counted: 1, held: 1, rejected: 1 }] },
      { entry: named(1), points: [{ at: '2025-09-13T15:00:00.000Z', counted: 1, held: 0, rejected: 0 }] },
    ].sort((x, y) => x.entry.id.localeCompare(y.entry.id));
    expect(hours.json()).toEqual({ bucket: 'hour', timeZone: 'Asia/Shanghai', entries: series });

    const minutes = await app.inject({ method: 'GET', url: `${phase}/timeline?bucket=minute&entry=${entries[0]}`, headers: organiser });
    expect(minutes.json().entries[0].points).toEqual([
      { at: '2025-09-13T01:10:00.000Z', counted: 1, held: 0, rejected: 0 },
      { at: '2025-09-13T01:50:00.000Z', counted: 0, held: 1, rejected: 0 },
      { at: '2025-09-13T01:55:00.000Z', counted: 0, held: 0, rejected: 1 },
    ]);
    const everyMinute = await app.inject({ method: 'GET', url: `${phase}/timeline?bucket=minute`, headers: organiser });
    expect([everyMinute.statusCode, everyMinute.json().error.code]).toEqual([422, 'timeline.entry_required']);
    await app.close();
  });
});
