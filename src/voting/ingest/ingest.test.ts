import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { contestWithEntries, newVoter } from '../../../test/support/vote-fixtures.ts';
import type { VoteToCommit } from './commit.ts';
import { talliesMoved } from './counts.ts';
import { createVoteIngest, type VoteIngestOptions } from './ingest.ts';
import type { CastVote } from './queries.ts';

const clock = fixedClock('2025-09-12T10:00:00+08:00');

const onceOnly = new AppError('vote.limit_reached', { zh: '已投过票', en: 'Already voted' }, 409);

const voteFor = (contestId: string, registrationId: string, voterId: string, status: 'counted' | 'held' = 'counted'): VoteToCommit => ({
  vote: {
    id: randomUUID(),
    contestId,
    phaseId: 'public-vote',
    registrationId,
    divisionId: 'app-dev/social',
    voterId,
    idempotencyKey: randomUUID(),
    castAt: clock.now(),
    address: '203.0.113.7',
    subnet: '203.0.113.0/24',
    device: '',
    status,
    holdReasons: [],
  },
  admit: (history: readonly CastVote[]) => (history.length > 0 ? onceOnly : undefined),
});

const countsOf = async (ingest: ReturnType<typeof createVoteIngest>, contestId: string) => Object.fromEntries(await ingest.counts(contestId, 'public-vote'));

describeOnDatabases('vote ingest', (database) => {
  const ingestOf = (options: VoteIngestOptions = {}) => createVoteIngest(database.db, clock, options);

  it('writes the votes cast side by side in one batch, and answers each once it committed', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voters = await Promise.all(Array.from({ length: 12 }, (_, n) => newVoter(db, n)));
    const ingest = ingestOf({ maxDelayMs: 50 });
    const committed = await Promise.all(voters.map((voter, n) => ingest.cast(voteFor(contestId, entries[n % 2], voter))));
    expect(committed.map((c) => c.repeated)).toEqual(new Array(12).fill(false));
    expect(
      await db
        .selectFrom('audit_events')
        .select(sql<number>`(payload->>'count')::int`.as('count'))
        .where('type', '=', 'votes.committed')
        .execute(),
    ).toEqual([{ count: 12 }]);
    expect(await db.selectFrom('votes').select('id').execute()).toHaveLength(12);
    await ingest.close();
  });

  it('gives the planner the votes table’s statistics once this process has written its first votes, not waiting for autovacuum', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const voters = await Promise.all(Array.from({ length: 7 }, (_, n) => newVoter(db, n)));
    // The planner's row count, exact once analysed: the table holds just these seven votes.
    const plannedRows = async () => (await sql<{ rows: number }>`select reltuples::int as rows from pg_class where relname = 'votes'`.execute(db)).rows[0].rows;
    const ingest = ingestOf({ analyzeAt: 7 });
    for (const voter of voters) await ingest.cast(voteFor(contestId, entries[0], voter));
    await expect.poll(plannedRows).toBe(7);
    await ingest.close();
  });

  it('takes one voter’s work one at a time: the second knows the vote the first cast, without a read', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voter = await newVoter(db, 1);
    const ingest = ingestOf();
    const phase = { contestId, phaseId: 'public-vote', voterId: voter };
    const seen: (number | undefined)[] = [];
    const attempt = (entry: string) =>
      ingest.asVoter(phase, async (known) => {
        seen.push(known?.length);
        return known?.length ? 'refused here' : (await ingest.cast(voteFor(contestId, entry, voter))).vote.registrationId;
      });
    expect(await Promise.all([attempt(entries[0]), attempt(entries[1])])).toEqual([entries[0], 'refused here']);
    expect(seen).toEqual([undefined, 1]);
    await ingest.close();
  });

  it("reads a voter's votes once for votes left, then keeps them as the voter's batches leave them", async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voter = await newVoter(db, 1);
    const phase = { contestId, phaseId: 'public-vote', voterId: voter };
    const elsewhere = ingestOf();
    const cast = await elsewhere.cast(voteFor(contestId, entries[0], voter));
    await elsewhere.close();
    const ingest = ingestOf();
    expect((await ingest.votesOf(phase)).map((v) => v.id)).toEqual([cast.vote.id]);
    await db.deleteFrom('votes').execute();
    expect((await ingest.votesOf(phase)).map((v) => v.id)).toEqual([cast.vote.id]);
    await ingest.close();
  });

  it('serves counts from memory once read, moved by each batch it commits, and read again when tallies move elsewhere', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    const ingest = ingestOf();
    expect(await countsOf(ingest, contestId)).toEqual({});
    await ingest.cast(voteFor(contestId, entries[0], ann));
    await ingest.cast(voteFor(contestId, entries[1], bo, 'held'));
    expect(await countsOf(ingest, contestId)).toEqual({ [entries[0]]: { counted: 1, held: 0 }, [entries[1]]: { counted: 0, held: 1 } });

    // A change that bypasses the ingest is not seen until it says so (as the organiser's decisions on held votes do).
    await db.updateTable('vote_tallies').set({ counted: 1, held: 0 }).where('registration_id', '=', entries[1]).execute();
    expect((await countsOf(ingest, contestId))[entries[1]]).toEqual({ counted: 0, held: 1 });
    talliesMoved(contestId, 'public-vote');
    expect((await countsOf(ingest, contestId))[entries[1]]).toEqual({ counted: 1, held: 0 });
    await ingest.close();
  });

  it('with a time to live, reads the counts again once they are that old (several processes)', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    let now = 0;
    const ingest = ingestOf({ cacheTtlMs: 1000, now: () => now });
    expect(await countsOf(ingest, contestId)).toEqual({});
    await db.insertInto('vote_tallies').values({ contest_id: contestId, phase_id: 'public-vote', registration_id: entries[0], counted: 5 }).execute();
    now = 999;
    expect(await countsOf(ingest, contestId)).toEqual({});
    now = 1000;
    expect(await countsOf(ingest, contestId)).toEqual({ [entries[0]]: { counted: 5, held: 0 } });
    await ingest.close();
  });

  it('refuses every vote of a batch that failed with vote.not_recorded, tells of the failure once, and counts none', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    const failures: unknown[] = [];
    const ingest = ingestOf({ maxDelayMs: 50, onBatchFailed: (error) => failures.push(error) });
    expect(await countsOf(ingest, contestId)).toEqual({});
    const settled = await Promise.allSettled([ingest.cast(voteFor(contestId, entries[0], ann)), ingest.cast(voteFor(contestId, 'no-such-entry', bo))]);
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as AppError).code)).toEqual(['vote.not_recorded', 'vote.not_recorded']);
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as AppError).status)).toEqual([503, 503]);
    expect(failures).toHaveLength(1);
    expect(await countsOf(ingest, contestId)).toEqual({});
    expect(await db.selectFrom('votes').select('id').execute()).toEqual([]);
    await ingest.close();
  });

  it('on close, writes the votes queued and refuses later ones with vote.not_recorded', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    const ingest = ingestOf({ maxDelayMs: 60_000 });
    const queued = ingest.cast(voteFor(contestId, entries[0], ann));
    await ingest.close();
    expect((await queued).repeated).toBe(false);
    await expect(ingest.cast(voteFor(contestId, entries[0], bo))).rejects.toMatchObject({ code: 'vote.not_recorded' });
    expect(await db.selectFrom('votes').select('voter_id').execute()).toEqual([{ voter_id: ann }]);
  });
});
