/**
 * The vote ingest of one server process: votes queued and written in group commits (commit.ts), the
 * phases' counts kept in memory (counts.ts), each voter's votes in a phase kept in memory for the
 * checks before a vote is queued, and one voter's requests taken one at a time.
 *
 * Why one voter at a time: the limits count the voter's votes, and two requests checked side by
 * side would both see room for one more. In one process, `asVoter` runs a voter's checks and vote
 * one after the other; across processes the batch checks the limits again under a lock on the voter
 * (commit.ts), so the first answer may be a refusal the batch gives.
 *
 * A voter's votes are kept as each of the voter's batches read them under its lock (or as read for
 * votes left): a voter's first vote here costs no read, as its batch reads them anyway. With several processes, give `cacheTtlMs`: votes
 * another process wrote count in this one's checks (and votes left) once the cached copy is that old,
 * and in the batch's check at once; counts likewise (counts.ts).
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/transaction.ts';
import { commitVotes, type Committed, type VoteToCommit } from './commit.ts';
import { createCountsCache, type EntryCounts } from './counts.ts';
import { createGroupCommit, type GroupCommitOptions } from './group-commit.ts';
import { analyzeVotes, voterInPhase, votesOfVoter, type CastVote } from './queries.ts';

export interface VoteIngestOptions extends GroupCommitOptions {
  /** How long cached counts and voters' votes are trusted; default: until this process changes them (one process). */
  cacheTtlMs?: number;
  /** Voters whose votes are kept in memory at once (default 100,000; the least recent go first). */
  maxVoters?: number;
  /** Told of a batch that failed as a whole, once, before its requests are refused. */
  onBatchFailed?: (error: unknown) => void;
  /** Told when the votes table's statistics could not be gathered (nothing else depends on them). */
  onAnalyzeFailed?: (error: unknown) => void;
  /** Votes written before the first analyzeVotes, then ten times as many before each next (default 1,000). */
  analyzeAt?: number;
  /** A monotonic clock in ms for the caches' ages (default performance.now). */
  now?: () => number;
}

export interface VoterInPhase {
  contestId: string;
  phaseId: string;
  voterId: string;
}

export interface VoteIngest {
  /** Queues the vote; resolves once its batch committed. Refusals are AppErrors; a failed batch is `vote.not_recorded`. */
  cast(item: VoteToCommit): Promise<Committed>;
  /**
   * Runs `work` once the voter's earlier work in this process has ended, with the voter's votes in the
   * phase (oldest first) when this process knows them, else undefined: a vote needs no read first, as
   * its batch checks the limits against the votes as committed. A vote the work casts is in the votes
   * the next work gets.
   */
  asVoter<T>(phase: VoterInPhase, work: (known: readonly CastVote[] | undefined) => Promise<T>): Promise<T>;
  /** The voter's votes in the phase, oldest first, read once and then kept (one voter's work at a time, as asVoter). */
  votesOf(phase: VoterInPhase): Promise<readonly CastVote[]>;
  /** The phase's counts by entry. */
  counts(contestId: string, phaseId: string): Promise<ReadonlyMap<string, EntryCounts>>;
  /** Writes what is queued and refuses new votes. */
  close(): Promise<void>;
}

export const voteNotRecorded = (cause?: unknown) =>
  Object.assign(
    new AppError(
      'vote.not_recorded',
      { zh: '投票未能保存，请稍后重试（本次未计票）', en: 'Your vote could not be recorded; please try again (it was not counted)' },
      503,
    ),
    { cause },
  );

export function createVoteIngest(db: Executor, clock: Clock, options: VoteIngestOptions = {}): VoteIngest {
  const now = options.now ?? (() => performance.now());
  const counts = createCountsCache(db, { ttlMs: options.cacheTtlMs, now });
  const histories = new LRUCache<string, CastVote[]>({
    max: options.maxVoters ?? 100_000,
    ...(options.cacheTtlMs !== undefined && { ttl: options.cacheTtlMs, ttlAutopurge: false, perf: { now } }),
  });
  const lanes = new Map<string, Promise<unknown>>();

  /** A voter's work after the one before; a read beside a cast could put back votes older than the cast's. */
  function asVoter<T>({ contestId, phaseId, voterId }: VoterInPhase, work: (known: readonly CastVote[] | undefined) => Promise<T>): Promise<T> {
    const run = (lanes.get(voterId) ?? Promise.resolve()).then(() => work(histories.get(voterInPhase(contestId, phaseId, voterId))));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    lanes.set(voterId, settled);
    void settled.then(() => {
      if (lanes.get(voterId) === settled) lanes.delete(voterId);
    });
    return run;
  }

  /** Votes this process wrote, and when next to give the planner statistics (analyzeVotes): at 1,000, 10,000, 100,000… */
  let written = 0;
  let analyzeAt = options.analyzeAt ?? 1000;
  const wrote = (votes: number) => {
    written += votes;
    if (written < analyzeAt) return;
    analyzeAt *= 10;
    analyzeVotes(db).catch((error: unknown) => options.onAnalyzeFailed?.(error));
  };

  const batches = createGroupCommit<VoteToCommit, Committed>(
    (items) =>
      counts
        .whileCommitting(async () => {
          const { outcomes, tallies } = await commitVotes(db, items, clock.now());
          wrote(outcomes.filter((outcome) => outcome.ok && !outcome.value.repeated).length);
          return { result: outcomes, deltas: tallies };
        })
        .catch((error: unknown) => {
          options.onBatchFailed?.(error);
          throw voteNotRecorded(error);
        }),
    { maxBatch: options.maxBatch, maxDelayMs: options.maxDelayMs, closedError: () => voteNotRecorded() },
  );

  return {
    async cast(item) {
      const key = voterInPhase(item.vote.contestId, item.vote.phaseId, item.vote.voterId);
      try {
        const committed = await batches.submit(item);
        histories.set(key, committed.history);
        return committed;
      } catch (error) {
        // The batch may have read votes this copy lacks (another process's): read them again next time.
        histories.delete(key);
        throw error;
      }
    },
    asVoter,
    votesOf: (phase) =>
      asVoter(phase, async (known) => {
        if (known) return known;
        const votes = await votesOfVoter(db, phase.contestId, phase.phaseId, phase.voterId);
        histories.set(voterInPhase(phase.contestId, phase.phaseId, phase.voterId), votes);
        return votes;
      }),
    counts: (contestId, phaseId) => counts.of(contestId, phaseId),
    async close() {
      await batches.close();
      counts.close();
    },
  };
}
