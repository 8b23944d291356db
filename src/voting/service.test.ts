import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestWithEntries, newVoter } from '../../test/support/vote-fixtures.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import { fixedClock } from '../platform/clock.ts';
import { memoryCounters } from '../platform/counters.ts';
import type { AppError } from '../platform/errors.ts';
import type { Executor } from '../platform/transaction.ts';
import type { HoldReason } from './hold-reason.ts';
import { createVoteIngest } from './ingest/ingest.ts';
import { castVote, type VotePath } from './service.ts';
import { createVotePhases } from './vote-phase.ts';

const clock = fixedClock('2025-09-13T10:00:00+08:00');
const client = { address: '203.0.113.7', subnet: '203.0.113.0/24', device: 'd' };
const burst: HoldReason = { signal: 'burst', detail: { zh: '60 秒内 42 票', en: '42 votes in 60 s' } };

/** A vote path as a server process makes it, with every challenge solved and the signals given. */
const votePath = (db: Executor, reasons: HoldReason[] = []): VotePath => ({
  clock,
  ingest: createVoteIngest(db, clock),
  phases: createVotePhases(db),
  counters: memoryCounters(clock),
  challenges: { verifyChallenge: async () => true },
  signals: { assess: () => reasons },
});

const oneVoteInAll = (definition: ContestDefinition) => ({ ...definition, voting: definition.voting.map((vote) => ({ ...vote, limits: { total: 1 } })) });

const request = (registrationId: string) => ({ registrationId, challenge: 'solved', idempotencyKey: randomUUID() });

describeOnDatabases('casting a vote', (database) => {
  it('holds a vote the signals flag apart from the counts, with their reasons, and answers the voter as for any vote', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const voter = { id: await newVoter(db, 1), phone: '13800000001' };
    const path = votePath(db, [burst]);
    const cast = await castVote(path, contestId, 'public-vote', request(entries[0]), voter, client);
    expect(cast).toEqual({ vote: { id: expect.any(String) }, votesLeft: { today: 9, total: null, entriesAtLimit: [entries[0]] } });
    expect(await db.selectFrom('votes').select(['id', 'status', 'hold_reasons']).execute()).toEqual([
      { id: cast.vote.id, status: 'held', hold_reasons: [burst] },
    ]);
    expect(Object.fromEntries(await path.ingest.counts(contestId, 'public-vote'))).toEqual({ [entries[0]]: { counted: 0, held: 1 } });
    await path.ingest.close();
  });

  it('keeps a limit across two server processes voting for one voter at once: the second is refused by its batch', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2, oneVoteInAll);
    const voter = { id: await newVoter(db, 1), phone: '13800000001' };
    const [first, second] = [votePath(db), votePath(db)];
    const settled = await Promise.allSettled([
      castVote(first, contestId, 'public-vote', request(entries[0]), voter, client),
      castVote(second, contestId, 'public-vote', request(entries[1]), voter, client),
    ]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? 'cast' : (s.reason as AppError).code)).sort()).toEqual(['cast', 'vote.total_reached']);
    expect(await db.selectFrom('votes').select('id').execute()).toHaveLength(1);
    await Promise.all([first.ingest.close(), second.ingest.close()]);
  });
});
