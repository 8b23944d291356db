/**
 * One group commit of votes: the one place votes are written. Effects, in one transaction of three
 * statements and the commit:
 * 1. the batch's voters locked (their rows, in id order) and the audit chains' heads of its contests;
 * 2. read as committed, other processes' included: the votes of each voter in its phase, only where
 *    they are not the votes the vote was checked against before it was queued (their count differs:
 *    votes are never deleted), and which of the batch's keys their voters used already;
 * 3. each vote checked in its turn: a key its voter already used in the phase answers with the vote
 *    first cast with it, one used in another phase is refused; otherwise the voter's limits are
 *    checked again (`admit`) where the votes read are not the ones it was checked against, so several
 *    server processes cannot together let a voter past a limit;
 * 4. in one statement, the admitted votes inserted, each entry's tally moved by the counted and held
 *    votes it gained, and one `votes.committed` audit event per contest and phase: how many votes,
 *    counted and held, and the SHA-256 of their ids (sorted, one a line) — ids are random, not
 *    personal data, so a plain digest that anyone holding the rows can recompute. (A second phase
 *    or contest in one batch adds a statement for its event.)
 * Each vote's outcome is known only when the transaction commits; a failure rolls back the batch.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAuditEventUnderHead } from '../../audit/service.ts';
import type { InFront } from '../../platform/data-modifying-cte.ts';
import { AppError } from '../../platform/errors.ts';
import { groupBy } from '../../platform/group-by.ts';
import type { Database } from '../../platform/db-types.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import type { Settled } from './group-commit.ts';
import {
  joinKey,
  lockVotersAndHeads,
  voterInPhase,
  votesToCheck,
  votesWithTalliesInFront,
  type CastVote,
  type KnownVotes,
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

/** What the batch knows of each voter's votes in its phase: the count it was checked against, -1 for none; by phase. */
function knownVotes(items: readonly VoteToCommit[]): { byVoter: Map<string, KnownVotes>; byPhase: PhaseVoters[] } {
  const byVoter = new Map<string, KnownVotes>();
  const byPhase = new Map<string, PhaseVoters>();
  for (const { vote, checkedAgainst } of items) {
    const phase = byPhase.get(phaseOf(vote)) ?? { contestId: vote.contestId, phaseId: vote.phaseId, voters: [], keys: [] };
    byPhase.set(phaseOf(vote), phase);
    phase.keys.push({ voterId: vote.voterId, idempotencyKey: vote.idempotencyKey });
    const known = checkedAgainst?.length ?? -1;
    const seen = byVoter.get(historyKey(vote));
    // Two votes of one voter checked against different votes: read them all.
    if (seen) seen.known = seen.known === known ? known : -1;
    else {
      const voter = { voterId: vote.voterId, known };
      byVoter.set(historyKey(vote), voter);
      phase.voters.push(voter);
    }
  }
  return { byVoter, byPhase: [...byPhase.values()] };
}

const sameVotes = (checked: readonly CastVote[] | undefined, history: readonly CastVote[]) =>
  checked !== undefined && checked.length === history.length && checked.every((cast, i) => cast.id === history[i].id);

type Decision = { kind: 'settled'; outcome: Settled<Committed> } | { kind: 'repeated'; vote: CastVote } | { kind: 'admitted' };

interface Read {
  /** The votes read: of each voter whose count was not the known one. */
  histories: Map<string, CastVote[]>;
  /** Keys the voters used already, in any phase, by `voterId key`. */
  usedKeys: ReadonlyMap<string, unknown>;
  known: ReadonlyMap<string, KnownVotes>;
}

/**
 * Each vote in turn against its voter's history (as read; else the votes it was checked against,
 * which the count showed are the votes committed; else none), which grows by the votes admitted before it.
 */
function decide(items: readonly VoteToCommit[], { histories, usedKeys, known }: Read): Decision[] {
  return items.map(({ vote, admit, checkedAgainst }) => {
    const unread = (known.get(historyKey(vote))?.known ?? -1) >= 0 ? [...checkedAgainst!] : [];
    const history = histories.get(historyKey(vote)) ?? unread;
    histories.set(historyKey(vote), history);
    const first = history.find((cast) => cast.idempotencyKey === vote.idempotencyKey);
    if (first)
      return first.registrationId === vote.registrationId ? { kind: 'repeated', vote: first } : { kind: 'settled', outcome: refused(idempotencyKeyReused()) };
    // Used, but not in this phase's votes: in another phase.
    if (usedKeys.has(joinKey(vote.voterId, vote.idempotencyKey))) return { kind: 'settled', outcome: refused(idempotencyKeyReused()) };
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
  return [...groupBy(votes, phaseOf).values()]
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
    const heads = await lockVotersAndHeads(trx, [...new Set(items.map((item) => item.vote.voterId))], [...new Set(items.map((item) => item.vote.contestId))]);
    const { byVoter, byPhase } = knownVotes(items);
    const read = await votesToCheck(trx, byPhase);
    const decisions = decide(items, { ...read, known: byVoter });
    const written = items.filter((_, i) => decisions[i].kind === 'admitted').map((item) => item.vote);
    await appendCommittedEvents(trx, heads, written, at);
    const historyOf = (vote: NewVote) => read.histories.get(historyKey(vote)) ?? [];
    const outcomes = decisions.map((decision, i): Settled<Committed> => {
      const { vote } = items[i];
      if (decision.kind === 'settled') return decision.outcome;
      if (decision.kind === 'repeated') return { ok: true, value: { vote: decision.vote, repeated: true, history: historyOf(vote) } };
      return { ok: true, value: { vote: castVoteOf(vote), repeated: false, history: historyOf(vote) } };
    });
    return { outcomes, tallies: tallyDeltas(written) };
  });
}

/** The batch's votes and tallies written in the statement of its first event; each event after the head the one before left. */
async function appendCommittedEvents(trx: Transaction<Database>, heads: Map<string, { seq: number; hash: string }>, written: readonly NewVote[], at: Date) {
  let votes: InFront | undefined = written.length > 0 ? votesWithTalliesInFront(written) : undefined;
  for (const event of committedEvents(written)) {
    const { contestId, payload } = event;
    const chained = await appendAuditEventUnderHead(trx, heads.get(contestId), { contestId, actor: 'system', type: 'votes.committed', payload, at }, votes);
    heads.set(contestId, { seq: chained.seq, hash: chained.hash });
    votes = undefined;
  }
}
