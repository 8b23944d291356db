/**
 * One group commit of votes: the one place votes are written. Effects, in one transaction:
 * 1. the batch's voters locked (their rows, in id order), then their votes in each phase read as
 *    committed, other processes' included;
 * 2. each vote checked in its turn: a key its voter already used answers with the vote first cast
 *    with it; otherwise the voter's limits are checked again (`admit`) against that history, so
 *    several server processes cannot together let a voter past a limit (unless the votes are those
 *    the vote was checked against before it was queued: the same votes give the same answer);
 * 3. the admitted votes inserted, and each entry's tally moved by the counted and held votes it
 *    gained, in one statement;
 * 4. one `votes.committed` audit event per contest and phase: how many votes, counted and held, and
 *    the SHA-256 of their ids (sorted, one a line) — ids are random, not personal data, so a plain
 *    digest that anyone holding the rows can recompute.
 * Each vote's outcome is known only when the transaction commits; a failure rolls back the batch.
 */
import { createHash } from 'node:crypto';
import { appendAuditEvent } from '../../audit/service.ts';
import { AppError } from '../../platform/errors.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import type { Settled } from './group-commit.ts';
import {
  insertVotesWithTallies,
  joinKey,
  lockVoters,
  voterInPhase,
  votesOfVoters,
  type CastVote,
  type NewVote,
  type PhaseVoters,
  type TallyDelta,
} from './queries.ts';

export interface VoteToCommit {
  vote: NewVote;
  /** The voter's limits: the refusal, if any, of this vote after the voter's votes in its phase as committed. */
  admit(history: readonly CastVote[]): AppError | undefined;
  /** The voter's votes in the phase that `admit` already passed the vote against, if it did. */
  checkedAgainst?: readonly CastVote[];
}

export interface Committed {
  /** This request's vote: new, or the one first cast with its idempotency key. */
  vote: CastVote;
  /** A retry: the vote was cast before, by an earlier request with the same key. */
  repeated: boolean;
  /** The voter's votes in the phase once the batch committed, oldest first. */
  history: CastVote[];
}

export const idempotencyKeyReused = () =>
  new AppError(
    'vote.idempotency_key_reused',
    { zh: '该请求标识已用于另一张选票，请为新的投票生成新的标识', en: 'This idempotency key was used for another vote; send a new key for a new vote' },
    422,
  );

const refused = (error: AppError): Settled<Committed> => ({ ok: false, error });

const castVoteOf = (vote: NewVote): CastVote => ({
  id: vote.id,
  registrationId: vote.registrationId,
  divisionId: vote.divisionId,
  castAt: vote.castAt,
  idempotencyKey: vote.idempotencyKey,
  status: vote.status,
});

const phaseOf = (vote: NewVote) => joinKey(vote.contestId, vote.phaseId);
const historyKey = (vote: NewVote) => voterInPhase(vote.contestId, vote.phaseId, vote.voterId);

function phaseVoters(items: readonly VoteToCommit[]): PhaseVoters[] {
  const groups = new Map<string, PhaseVoters>();
  for (const { vote } of items) {
    const group = groups.get(phaseOf(vote)) ?? { contestId: vote.contestId, phaseId: vote.phaseId, voterIds: [] };
    if (!group.voterIds.includes(vote.voterId)) group.voterIds.push(vote.voterId);
    groups.set(phaseOf(vote), group);
  }
  return [...groups.values()];
}

const sameVotes = (checked: readonly CastVote[] | undefined, history: readonly CastVote[]) =>
  checked !== undefined && checked.length === history.length && checked.every((cast, i) => cast.id === history[i].id);

type Decision = { kind: 'settled'; outcome: Settled<Committed> } | { kind: 'repeated'; vote: CastVote } | { kind: 'admitted' };

/** Each vote in turn against its voter's history, which grows by the votes admitted before it. */
function decide(items: readonly VoteToCommit[], histories: Map<string, CastVote[]>): Decision[] {
  return items.map(({ vote, admit, checkedAgainst }) => {
    const history = histories.get(historyKey(vote)) ?? [];
    histories.set(historyKey(vote), history);
    const first = history.find((cast) => cast.idempotencyKey === vote.idempotencyKey);
    if (first)
      return first.registrationId === vote.registrationId ? { kind: 'repeated', vote: first } : { kind: 'settled', outcome: refused(idempotencyKeyReused()) };
    const refusal = sameVotes(checkedAgainst, history) ? undefined : admit(history);
    if (refusal) return { kind: 'settled', outcome: refused(refusal) };
    history.push(castVoteOf(vote));
    return { kind: 'admitted' };
  });
}

function tallyDeltas(votes: readonly NewVote[]): TallyDelta[] {
  const deltas = new Map<string, TallyDelta>();
  for (const vote of votes) {
    const key = joinKey(vote.contestId, vote.phaseId, vote.registrationId);
    const delta = deltas.get(key) ?? { contestId: vote.contestId, phaseId: vote.phaseId, registrationId: vote.registrationId, counted: 0, held: 0 };
    delta[vote.status] += 1;
    deltas.set(key, delta);
  }
  return [...deltas.values()];
}

/** The `votes.committed` events of the batch, one per contest and phase, in contest order (the order chains are locked in). */
function committedEvents(votes: readonly NewVote[]) {
  const byPhase = new Map<string, NewVote[]>();
  for (const vote of votes) byPhase.set(phaseOf(vote), [...(byPhase.get(phaseOf(vote)) ?? []), vote]);
  return [...byPhase.values()]
    .map((phaseVotes) => ({
      contestId: phaseVotes[0].contestId,
      payload: {
        phaseId: phaseVotes[0].phaseId,
        count: phaseVotes.length,
        counted: phaseVotes.filter((vote) => vote.status === 'counted').length,
        held: phaseVotes.filter((vote) => vote.status === 'held').length,
        digest: votesDigest(phaseVotes.map((vote) => vote.id)),
      },
    }))
    .sort((a, b) => a.contestId.localeCompare(b.contestId) || a.payload.phaseId.localeCompare(b.payload.phaseId));
}

/** The SHA-256 (hex) of vote ids, sorted, one a line: what `votes.committed` records of the votes it wrote. */
export const votesDigest = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');

export interface CommittedBatch {
  /** One per item, in order. */
  outcomes: Settled<Committed>[];
  /** What the batch added to each entry's tally. */
  tallies: TallyDelta[];
}

/** Writes a batch of votes (see the file's comment). */
export async function commitVotes(db: Executor, items: readonly VoteToCommit[], at: Date): Promise<CommittedBatch> {
  if (items.length === 0) return { outcomes: [], tallies: [] };
  return inTransaction(db, async (trx) => {
    await lockVoters(trx, [...new Set(items.map((item) => item.vote.voterId))]);
    const histories = await votesOfVoters(trx, phaseVoters(items));
    const decisions = decide(items, histories);
    const admitted = items.filter((_, i) => decisions[i].kind === 'admitted').map((item) => item.vote);
    const inserted = await insertVotesWithTallies(trx, admitted);
    const written = admitted.filter((vote) => inserted.has(vote.id));
    for (const event of committedEvents(written))
      await appendAuditEvent(trx, { contestId: event.contestId, actor: 'system', type: 'votes.committed', payload: event.payload, at });
    // A key the voter used in another phase is not in this phase's history: its insert was left out.
    const lost = new Set(admitted.filter((vote) => !inserted.has(vote.id)).map((vote) => vote.id));
    const historyOf = (vote: NewVote) => (histories.get(historyKey(vote)) ?? []).filter((cast) => !lost.has(cast.id));
    const outcomes = decisions.map((decision, i): Settled<Committed> => {
      const { vote } = items[i];
      if (decision.kind === 'settled') return decision.outcome;
      if (decision.kind === 'repeated') return { ok: true, value: { vote: decision.vote, repeated: true, history: historyOf(vote) } };
      if (lost.has(vote.id)) return refused(idempotencyKeyReused());
      return { ok: true, value: { vote: castVoteOf(vote), repeated: false, history: historyOf(vote) } };
    });
    return { outcomes, tallies: tallyDeltas(written) };
  });
}
