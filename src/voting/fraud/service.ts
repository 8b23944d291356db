/**
 * Held votes, for the organiser: what the fraud signals held and why, the decision on each (count it
 * or reject it), the rescan that holds what only the stream over time shows, and the timeline of a
 * phase's votes. Every change moves the tallies of the entries it touches and appends its audit
 * event in one transaction, then tells the counts caches of this process (ingest/counts.ts).
 */
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest } from '../../contest/service.ts';
import { requireAccount } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { votesDigest } from '../ingest/commit.ts';
import { talliesMoved } from '../ingest/counts.ts';
import { addToTallies, type TallyDelta } from '../ingest/queries.ts';
import { votingRulesOf } from '../rules.ts';
import { phaseNotVoted } from '../vote-phase.ts';
import { canReviewHeldVotes } from './policy.ts';
import * as queries from './queries.ts';
import { readPhaseStream } from './phase-stream.ts';
import { suspectVotesInWorker } from './rescan-pool.ts';

export interface HeldVotesActor {
  account: Account | null;
  clock: Clock;
}

const requireOrganiser = (actor: HeldVotesActor, contestId: string) => {
  const account = requireAccount(actor.account);
  if (!canReviewHeldVotes(account, contestId)) throw forbidden('held_votes.forbidden');
  return account;
};

/** The contest's definition, when Leitai runs the phase's vote; vote.phase_not_found otherwise. */
async function requireVotePhase(db: Executor, contestId: string, phaseId: string) {
  const { definition } = await getContest(db, contestId);
  if (!votingRulesOf(definition, phaseId)) throw phaseNotVoted(phaseId);
  return definition;
}

/** One delta per entry: each vote moves `change` from one standing to another. */
function tallyDeltas(contestId: string, phaseId: string, votes: readonly { registration_id: string }[], change: { counted: number; held: number }) {
  const deltas = new Map<string, TallyDelta>();
  for (const { registration_id: registrationId } of votes) {
    const delta = deltas.get(registrationId) ?? { contestId, phaseId, registrationId, counted: 0, held: 0 };
    delta.counted += change.counted;
    delta.held += change.held;
    deltas.set(registrationId, delta);
  }
  return [...deltas.values()];
}

export interface HeldVotesQuery extends queries.HeldFilter {
  limit: number;
  offset: number;
}

/** A page of the phase's held votes that match the filter, how many match, and how many per signal. */
export async function heldVotes(db: Executor, contestId: string, phaseId: string, query: HeldVotesQuery, actor: HeldVotesActor) {
  requireOrganiser(actor, contestId);
  await requireVotePhase(db, contestId, phaseId);
  const filter = { reason: query.reason, entry: query.entry };
  const [rows, counts] = await Promise.all([
    queries.heldVotesPage(db, contestId, phaseId, filter, query),
    queries.heldVoteCounts(db, contestId, phaseId, filter),
  ]);
  return { rows, ...counts };
}

export interface HeldDecision {
  voteIds?: string[];
  filter?: queries.HeldFilter;
  decision: 'count' | 'reject';
  /** The organiser's words, kept in the audit event. */
  reason?: string;
}

const decisions = {
  count: { status: 'counted', event: 'votes.released', change: { counted: 1, held: -1 } },
  reject: { status: 'rejected', event: 'votes.rejected', change: { counted: 0, held: -1 } },
} as const;

/**
 * Counts (releases) or rejects held votes: the ids given, or every held vote that matches a filter.
 * A vote is decided once; one no longer held is left as it is. Effects, in one transaction: the
 * votes' standing with who decided and when; each entry's tally (held down, counted up when
 * counted); `votes.released` or `votes.rejected` with how many votes of how many entries, the
 * digest of their ids (ingest's votesDigest), what selected them and the organiser's reason. Then
 * this process's counts caches read the phase again. Returns how many were decided.
 */
export async function decideHeldVotes(db: Executor, contestId: string, phaseId: string, request: HeldDecision, actor: HeldVotesActor) {
  const account = requireOrganiser(actor, contestId);
  await requireVotePhase(db, contestId, phaseId);
  const selection: queries.HeldSelection = request.voteIds ? { voteIds: request.voteIds } : { filter: request.filter ?? {} };
  const { status, event, change } = decisions[request.decision];
  const decided = await inTransaction(db, async (trx) => {
    const at = actor.clock.now();
    const votes = await queries.decideHeldVotes(trx, contestId, phaseId, selection, { status, by: account.id, at });
    if (votes.length === 0) return 0;
    const deltas = tallyDeltas(contestId, phaseId, votes, change);
    await addToTallies(trx, deltas);
    const payload = {
      phaseId,
      count: votes.length,
      entries: deltas.length,
      digest: votesDigest(votes.map((vote) => vote.id)),
      selection: 'voteIds' in selection ? { voteIds: selection.voteIds.length } : { filter: selection.filter },
      reason: request.reason ?? null,
    };
    await appendAuditEvent(trx, { contestId, actor: account.id, type: event, payload, at });
    return votes.length;
  });
  if (decided > 0) talliesMoved(contestId, phaseId);
  return { decided };
}

/**
 * Rescans a vote phase's whole stream so far (read a page at a time into columns, analysed by
 * rescan-rules.ts in a worker thread) and holds the counted votes it finds suspect, with their
 * reasons; a vote an organiser decided stays as decided. Effects, in one
 * transaction: the votes held, each entry's tally (counted down, held up), `votes.held` with how
 * many, the digest of their ids and how many each signal found; none when nothing new is held.
 * Returns how many it held, by signal. `actor` is the organiser who asked, or `system`.
 */
export async function rescan(db: Executor, contestId: string, phaseId: string, at: Date, actor = 'system') {
  const definition = await requireVotePhase(db, contestId, phaseId);
  const suspects = await suspectVotesInWorker(await readPhaseStream(db, contestId, phaseId), definition.timeZone);
  const result = await inTransaction(db, async (trx) => {
    const held = await queries.holdCountedVotes(
      trx,
      contestId,
      phaseId,
      [...suspects].map(([id, reasons]) => ({ id, reasons })),
    );
    const signals: Record<string, number> = {};
    for (const vote of held) for (const reason of suspects.get(vote.id)!) signals[reason.signal] = (signals[reason.signal] ?? 0) + 1;
    if (held.length === 0) return { held: 0, signals };
    await addToTallies(trx, tallyDeltas(contestId, phaseId, held, { counted: -1, held: 1 }));
    const payload = { phaseId, count: held.length, digest: votesDigest(held.map((vote) => vote.id)), signals };
    await appendAuditEvent(trx, { contestId, actor, type: 'votes.held', payload, at });
    return { held: held.length, signals };
  });
  if (result.held > 0) talliesMoved(contestId, phaseId);
  return result;
}

/** rescan, asked by an organiser of the contest at the clock's time. */
export async function rescanAsOrganiser(db: Executor, contestId: string, phaseId: string, actor: HeldVotesActor) {
  const account = requireOrganiser(actor, contestId);
  return rescan(db, contestId, phaseId, actor.clock.now(), account.id);
}

/**
 * The phase's votes over time: per entry, per minute or hour of the contest's time zone, how many
 * are counted, held and rejected now. Only buckets with votes are given. Minutes are for one entry.
 */
export async function voteTimeline(
  db: Executor,
  contestId: string,
  phaseId: string,
  query: { entry?: string; bucket: 'minute' | 'hour' },
  actor: HeldVotesActor,
) {
  requireOrganiser(actor, contestId);
  const definition = await requireVotePhase(db, contestId, phaseId);
  if (query.bucket === 'minute' && query.entry === undefined) {
    throw new AppError('timeline.entry_required', { zh: '按分钟查看时请选择一个作品', en: 'Choose an entry to see its votes by the minute' }, 422);
  }
  const rows = await queries.timelineOf(db, contestId, phaseId, { ...query, timeZone: definition.timeZone });
  const named = new Map((await queries.entriesNamed(db, [...new Set(rows.map((row) => row.registration_id))])).map((entry) => [entry.id, entry]));
  const entries = new Map<
    string,
    { entry: { id: string; ref: string; title: string }; points: Map<number, { at: Date; counted: number; held: number; rejected: number }> }
  >();
  for (const row of rows) {
    const series = entries.get(row.registration_id) ?? { entry: named.get(row.registration_id)!, points: new Map() };
    entries.set(row.registration_id, series);
    const at = new Date(row.bucket);
    const point = series.points.get(at.getTime()) ?? { at, counted: 0, held: 0, rejected: 0 };
    point[row.status] += Number(row.count);
    series.points.set(at.getTime(), point);
  }
  return {
    bucket: query.bucket,
    timeZone: definition.timeZone,
    entries: [...entries.values()].map(({ entry, points }) => ({ entry, points: [...points.values()].sort((a, b) => a.at.getTime() - b.at.getTime()) })),
  };
}
