import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { contestWithEntries, newVoter } from '../../../test/support/vote-fixtures.ts';
import type { Database } from '../../platform/db-types.ts';
import { insertVotes } from '../ingest/queries.ts';
import { readPhaseStream } from './phase-stream.ts';
import { phaseStreamExtent, phaseStreamPage } from './queries.ts';
import { inTimeOrder, votesOf } from './stream-columns.ts';

/** One voter's votes for the entries at these minutes of 2025-09-13 01:00 UTC; their ids. */
async function cast(db: Kysely<Database>, contestId: string, voterId: string, votes: [entry: string, minute: number][]) {
  const ids = votes.map(() => randomUUID());
  await insertVotes(
    db,
    votes.map(([entry, minute], i) => ({
      id: ids[i],
      contestId,
      phaseId: 'public-vote',
      registrationId: entry,
      divisionId: 'app-dev/social',
      voterId,
      idempotencyKey: randomUUID(),
      castAt: new Date(Date.UTC(2025, 8, 13, 1, minute)),
      address: '36.1.2.3',
      subnet: '36.1.2.0/24',
      device: 'phone-model',
      status: 'counted' as const,
      holdReasons: [],
    })),
  );
  return ids;
}

describeOnDatabases('the rescan reading a phase', (database) => {
  it('reads every vote once, a page at a time, votes of one entry in one instant or between milliseconds too, and puts them in time order', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voter = await newVoter(db, 7);
    const [a, b] = entries;
    const ids = await cast(db, contestId, voter, [
      [a, 0],
      [a, 5],
      [a, 5],
      [a, 5],
      [b, 5],
      [a, 9],
      [b, 12],
      [b, 12],
      [a, 14],
    ]);
    // A vote stored to the microsecond: the page after it must start after it, not at its millisecond.
    await sql`update votes set cast_at = cast_at + interval '400 microseconds' where id = ${ids[5]}`.execute(db);
    const inTime = await db.selectFrom('votes').select('id').orderBy('cast_at').orderBy('id').execute();
    for (const pageSize of [1, 2, 3, 100]) {
      const stream = inTimeOrder(await readPhaseStream(db, contestId, 'public-vote', pageSize));
      expect(Array.from({ length: stream.length }, (_, i) => votesOf(stream).idOf(i))).toEqual(inTime.map((row) => row.id));
    }
    expect((await readPhaseStream(db, contestId, 'other-phase')).length).toBe(0);
  });

  it('reads the votes cast up to the rescan, entry by entry, as the signals read them, times in milliseconds', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voter = await newVoter(db, 7);
    const [early, late] = await cast(db, contestId, voter, [
      [entries[1], 0],
      [entries[0], 30],
    ]);
    const extent = await phaseStreamExtent(db, contestId, 'public-vote');
    expect(extent).toEqual({ count: 2, lastCastMs: Date.UTC(2025, 8, 13, 1, 30) });
    await cast(db, contestId, voter, [[entries[0], 45]]);
    const page = await phaseStreamPage(db, contestId, 'public-vote', { untilMs: extent.lastCastMs!, limit: 10 });
    expect(page.map((vote) => vote.id)).toEqual(entries[0] < entries[1] ? [late, early] : [early, late]);
    expect(page.find((vote) => vote.id === early)).toEqual({
      id: early,
      registrationId: entries[1],
      voterId: voter,
      phone: '13800000007',
      voterSinceMs: Date.parse('2025-09-01T00:00:00Z'),
      address: '36.1.2.3',
      subnet: '36.1.2.0/24',
      device: 'phone-model',
      castMs: Date.UTC(2025, 8, 13, 1, 0),
    });
    expect(await phaseStreamExtent(db, contestId, 'other-phase')).toEqual({ count: 0, lastCastMs: null });
  });
});
