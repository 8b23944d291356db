import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../../audit/service.ts';
import { AppError } from '../../platform/errors.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { contestWithEntries, newVoter } from '../../../test/support/vote-fixtures.ts';
import { commitVotes, votesDigest, type VoteToCommit } from './commit.ts';
import type { CastVote, NewVote } from './queries.ts';

const at = new Date('2025-09-12T02:00:00Z');

const vote = (contestId: string, registrationId: string, voterId: string, extra: Partial<NewVote> = {}): NewVote => ({
  id: randomUUID(),
  contestId,
  phaseId: 'public-vote',
  registrationId,
  divisionId: 'app-dev/social',
  voterId,
  idempotencyKey: randomUUID(),
  castAt: at,
  address: '203.0.113.7',
  subnet: '203.0.113.0/24',
  device: 'd1',
  status: 'counted',
  holdReasons: [],
  ...extra,
});

const admitAll = (v: NewVote): VoteToCommit => ({ vote: v, admit: () => undefined });

const oneVoteOnly = new AppError('vote.limit_reached', { zh: '已投过票', en: 'Already voted' }, 409);
/** A voter may vote once in the phase. */
const admitOnce = (v: NewVote): VoteToCommit => ({ vote: v, admit: (history: readonly CastVote[]) => (history.length > 0 ? oneVoteOnly : undefined) });

const outcomeOf = (settled: Awaited<ReturnType<typeof commitVotes>>['outcomes'][number]) => (settled.ok ? settled.value : (settled.error as AppError).code);

describeOnDatabases('group commit of votes', (database) => {
  it('writes the votes, moves each entry’s counted and held tallies, and appends one votes.committed event with their digest', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    const votes = [
      vote(contestId, entries[0], ann),
      vote(contestId, entries[0], bo),
      vote(contestId, entries[1], ann, { status: 'held', holdReasons: [{ signal: 'burst', detail: { zh: '突增', en: 'burst' } }] }),
    ];
    const { outcomes, tallies: moved } = await commitVotes(db, votes.map(admitAll), at);
    expect(outcomes.map((o) => o.ok && o.value.repeated)).toEqual([false, false, false]);
    expect(outcomes.map((o) => o.ok && o.value.history.map((cast) => cast.id))).toEqual([
      [votes[0].id, votes[2].id],
      [votes[1].id],
      [votes[0].id, votes[2].id],
    ]);

    const stored = await db.selectFrom('votes').select(['id', 'status', 'hold_reasons', 'cast_at']).orderBy('status').orderBy('id').execute();
    expect(stored).toHaveLength(3);
    expect(stored.find((row) => row.id === votes[2].id)).toEqual({ id: votes[2].id, status: 'held', hold_reasons: votes[2].holdReasons, cast_at: at });
    const tallies = await db.selectFrom('vote_tallies').select(['registration_id', 'counted', 'held']).orderBy('counted', 'desc').execute();
    expect(tallies).toEqual([
      { registration_id: entries[0], counted: 2, held: 0 },
      { registration_id: entries[1], counted: 0, held: 1 },
    ]);
    expect(moved).toEqual([
      { contestId, phaseId: 'public-vote', registrationId: entries[0], counted: 2, held: 0 },
      { contestId, phaseId: 'public-vote', registrationId: entries[1], counted: 0, held: 1 },
    ]);
    const events = await db.selectFrom('audit_events').select(['actor', 'payload', 'at']).where('type', '=', 'votes.committed').execute();
    expect(events).toEqual([
      { actor: 'system', at, payload: { phaseId: 'public-vote', count: 3, counted: 2, held: 1, digest: votesDigest(votes.map((v) => v.id)) } },
    ]);
  });

  it('writes a batch of two phases in one chain: one event each, the second after the first, the chain intact', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    const votes = [vote(contestId, entries[0], ann), vote(contestId, entries[0], bo, { phaseId: 'second-vote' }), vote(contestId, entries[0], bo)];
    const { outcomes } = await commitVotes(db, votes.map(admitAll), at);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const events = await db.selectFrom('audit_events').select(['seq', 'payload']).where('type', '=', 'votes.committed').orderBy('seq').execute();
    expect(events.map((e) => e.payload)).toEqual([
      { phaseId: 'public-vote', count: 2, counted: 2, held: 0, digest: votesDigest([votes[0].id, votes[2].id]) },
      { phaseId: 'second-vote', count: 1, counted: 1, held: 0, digest: votesDigest([votes[1].id]) },
    ]);
    expect(Number(events[1].seq)).toBe(Number(events[0].seq) + 1);
    expect(await db.selectFrom('votes').select('id').execute()).toHaveLength(3);
    expect((await verifyAuditLog(db, contestId)).map((report) => report.ok)).toEqual([true]);
  });

  it('answers a retried idempotency key with the vote first cast with it, writing and counting nothing more', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const voter = await newVoter(db, 1);
    const first = vote(contestId, entries[0], voter);
    await commitVotes(db, [admitOnce(first)], at);
    const retry = vote(contestId, entries[0], voter, { idempotencyKey: first.idempotencyKey, castAt: new Date(at.getTime() + 5000) });
    const {
      outcomes: [outcome],
      tallies,
    } = await commitVotes(db, [admitOnce(retry)], at);
    expect(tallies).toEqual([]);
    expect(outcomeOf(outcome)).toEqual({
      vote: { id: first.id, registrationId: entries[0], divisionId: 'app-dev/social', castAt: at, idempotencyKey: first.idempotencyKey, status: 'counted' },
      repeated: true,
      history: [
        { id: first.id, registrationId: entries[0], divisionId: 'app-dev/social', castAt: at, idempotencyKey: first.idempotencyKey, status: 'counted' },
      ],
    });
    expect(await db.selectFrom('votes').select('id').execute()).toEqual([{ id: first.id }]);
    expect(await db.selectFrom('vote_tallies').select('counted').execute()).toEqual([{ counted: 1 }]);
    expect(await db.selectFrom('audit_events').select('seq').where('type', '=', 'votes.committed').execute()).toHaveLength(1);
  });

  it('refuses a key its voter used for another entry or in another phase (vote.idempotency_key_reused)', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voter = await newVoter(db, 1);
    const first = vote(contestId, entries[0], voter);
    await commitVotes(db, [admitAll(first)], at);
    const { outcomes } = await commitVotes(
      db,
      [
        admitAll(vote(contestId, entries[1], voter, { idempotencyKey: first.idempotencyKey })),
        admitAll(vote(contestId, entries[0], voter, { idempotencyKey: first.idempotencyKey, phaseId: 'another-vote' })),
      ],
      at,
    );
    expect(outcomes.map(outcomeOf)).toEqual(['vote.idempotency_key_reused', 'vote.idempotency_key_reused']);
    expect(await db.selectFrom('votes').select('id').execute()).toEqual([{ id: first.id }]);
    expect(await db.selectFrom('audit_events').select('seq').where('type', '=', 'votes.committed').execute()).toHaveLength(1);
  });

  it('checks each vote’s limits against the voter’s committed votes and those admitted before it in the batch, leaving a refused vote out', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    await commitVotes(db, [admitOnce(vote(contestId, entries[0], ann))], at);
    const { outcomes } = await commitVotes(
      db,
      [admitOnce(vote(contestId, entries[1], ann)), admitOnce(vote(contestId, entries[1], bo)), admitOnce(vote(contestId, entries[0], bo))],
      at,
    );
    expect(outcomes.map((o) => (o.ok ? 'committed' : (o.error as AppError).code))).toEqual(['vote.limit_reached', 'committed', 'vote.limit_reached']);
    expect(await db.selectFrom('vote_tallies').select(['registration_id', 'counted']).orderBy('registration_id').execute()).toEqual(
      [
        { registration_id: entries[0], counted: 1 },
        { registration_id: entries[1], counted: 1 },
      ].sort((a, b) => a.registration_id.localeCompare(b.registration_id)),
    );
  });

  it('checks a vote again only when the voter’s committed votes are not those it was checked against before', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const [ann, bo] = [await newVoter(db, 1), await newVoter(db, 2)];
    const elsewhere = vote(contestId, entries[0], bo);
    await commitVotes(db, [admitAll(elsewhere)], at);
    const checks: string[] = [];
    const checkedAgainstNothing = (v: NewVote): VoteToCommit => ({
      vote: v,
      admit: () => {
        checks.push(v.voterId);
        return oneVoteOnly;
      },
      checkedAgainst: [],
    });
    const { outcomes } = await commitVotes(
      db,
      [checkedAgainstNothing(vote(contestId, entries[1], ann)), checkedAgainstNothing(vote(contestId, entries[1], bo))],
      at,
    );
    expect(outcomes.map((o) => (o.ok ? 'committed' : (o.error as AppError).code))).toEqual(['committed', 'vote.limit_reached']);
    expect(checks).toEqual([bo]);
  });

  it('lets one of two batches racing for the same voter past a once-only limit: the second waits for the first and sees its vote', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 2);
    const voter = await newVoter(db, 1);
    const batches = await Promise.all([
      commitVotes(db, [admitOnce(vote(contestId, entries[0], voter))], at),
      commitVotes(db, [admitOnce(vote(contestId, entries[1], voter))], at),
    ]);
    expect(
      batches
        .flatMap((batch) => batch.outcomes)
        .map((o) => (o.ok ? 'committed' : (o.error as AppError).code))
        .sort(),
    ).toEqual(['committed', 'vote.limit_reached']);
    expect(await db.selectFrom('votes').select('id').execute()).toHaveLength(1);
  });

  it('writes nothing of a batch that fails: no vote, no tally, no event', async () => {
    const { db } = database;
    const { contestId, entries } = await contestWithEntries(db, 1);
    const voter = await newVoter(db, 1);
    const batch = [admitAll(vote(contestId, entries[0], voter)), admitAll(vote(contestId, 'no-such-entry', voter))];
    await expect(commitVotes(db, batch, at)).rejects.toThrow();
    expect(await db.selectFrom('votes').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('vote_tallies').select('counted').execute()).toEqual([]);
    expect(await db.selectFrom('audit_events').select('seq').where('type', '=', 'votes.committed').execute()).toEqual([]);
  });
});
