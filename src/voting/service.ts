/**
 * The vote path: one function casts a vote, others read what voters and the public see of a vote
 * phase. Votes are written only by the ingest's group commits (ingest/commit.ts): castVote checks,
 * queues, and answers once the vote's batch has committed.
 */
import { randomUUID } from 'node:crypto';
import type { Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Counters } from '../platform/counters.ts';
import { AppError } from '../platform/errors.ts';
import type { Executor } from '../platform/transaction.ts';
import type { Challenges } from './challenge.ts';
import { createVoteSignals, type VoteSignals } from './fraud/signals.ts';
import { createVoteIngest, type VoteIngest, type VoteIngestOptions } from './ingest/ingest.ts';
import type { CastVote } from './ingest/queries.ts';
import { idempotencyKeyReused } from './ingest/commit.ts';
import { canSeeAllCounts } from './policy.ts';
import { rateKey, voteRateLimited, voteRateLimits, type RateKeys } from './rate-limits.ts';
import { countsShown, showCountsWords, voteRefusal, votesLeft, type VotingRules } from './rules.ts';
import { createVotePhases, type VotePhase, type VotePhases } from './vote-phase.ts';

/** What the vote path runs on, made once per server (routes.ts) or for the demo's voters (demo/voting.ts). */
export interface VotePath {
  clock: Clock;
  ingest: VoteIngest;
  phases: VotePhases;
  counters: Counters;
  challenges: Pick<Challenges, 'verifyChallenge'>;
  signals: Pick<VoteSignals, 'assess'>;
}

/** A vote path on the given clock, counters and challenges: the phases read, the group commit and the signals in the contest's time zone. */
export function createVotePath<Parts extends Pick<VotePath, 'clock' | 'counters' | 'challenges'>>(
  db: Executor,
  parts: Parts,
  ingest?: VoteIngestOptions,
): VotePath & Parts {
  const phases = createVotePhases(db);
  return { ...parts, phases, ingest: createVoteIngest(db, parts.clock, ingest), signals: createVoteSignals({ timeZoneOf: phases.timeZoneOf }) };
}

/** The signed-in voter (voters/service.ts). */
export interface SignedInVoter {
  id: string;
  phone: string;
}

/** Where the request came from: its address (address.ts), subnet and device digest. */
export interface VoteClient {
  address: string;
  subnet: string;
  device: string;
}

export interface VoteRequest {
  registrationId: string;
  challenge: string;
  idempotencyKey: string;
}

export const voterRequired = () => new AppError('vote.voter_required', { zh: '请先验证手机号再投票', en: 'Prove your phone number before voting' }, 401);

export const challengeFailed = () =>
  new AppError(
    'vote.challenge_failed',
    { zh: '人机验证未通过或已使用，请重新验证后投票', en: 'The challenge was not solved, or was used already; solve a new one and vote again' },
    403,
  );

/** Every limit is hit, so a refused request still counts; the longest wait is the one to tell. */
async function requireWithinRates(counters: Counters, keys: RateKeys) {
  const hits = await Promise.all(voteRateLimits.map((limit) => counters.hit(rateKey(limit, keys), limit.windowMs, limit.limit)));
  const refused = hits.filter((hit) => !hit.allowed);
  if (refused.length > 0) throw voteRateLimited(Math.max(...refused.map((hit) => hit.retryAfterMs)));
}

const entryOf = (phase: VotePhase, registrationId: string) => {
  const entry = phase.entries.get(registrationId);
  return { registrationId, divisionId: entry?.division ?? '', inRound: entry !== undefined };
};

const answer = (vote: CastVote, rules: VotingRules, history: readonly CastVote[], at: Date, timeZone: string) => ({
  vote: { id: vote.id },
  votesLeft: votesLeft(rules, history, at, timeZone),
});

/**
 * Casts one vote for an entry of the phase, in this order: the voter signed in (vote.voter_required),
 * the phase voted on here (vote.phase_not_found), the pace per voter, address and subnet
 * (vote.rate_limited); then, one request of this voter at a time: a key the voter used before answers
 * with that first vote (no new challenge needed, when this process knows the voter's votes; else the
 * batch gives that answer); the challenge solved once (vote.challenge_failed); the definition's rules
 * against the voter's votes this process knows (window, entry voted on, limits: rules.ts); the fraud
 * signals, whose reasons hold the vote apart. Effects: the vote queued and written by a group commit
 * (ingest/commit.ts: the vote row, its entry's tally, `votes.committed`), where the limits are checked
 * again under a lock on the voter. Answers once that commit is done, with the votes left; a held
 * vote is answered as any other (the voter is not told: a farm would learn what to avoid).
 */
export async function castVote(path: VotePath, contestId: string, phaseId: string, request: VoteRequest, voter: SignedInVoter | null, client: VoteClient) {
  if (!voter) throw voterRequired();
  const phase = await path.phases.phase(contestId, phaseId);
  await requireWithinRates(path.counters, { voter: voter.id, address: client.address, subnet: client.subnet });
  const { rules, contest } = phase;
  const timeZone = contest.definition.timeZone;
  return path.ingest.asVoter({ contestId, phaseId, voterId: voter.id }, async (known) => {
    const at = path.clock.now();
    const first = known?.find((cast) => cast.idempotencyKey === request.idempotencyKey);
    if (first) {
      if (first.registrationId !== request.registrationId) throw idempotencyKeyReused();
      return answer(first, rules, known!, at, timeZone);
    }
    if (!(await path.challenges.verifyChallenge(request.challenge))) throw challengeFailed();
    const entry = entryOf(phase, request.registrationId);
    // Votes this process has not seen yet are checked by the batch (`admit`), which reads them all.
    const refusal = voteRefusal(rules, known ?? [], entry, at, timeZone);
    if (refusal) throw refusal;
    const vote = {
      id: randomUUID(),
      contestId,
      phaseId,
      registrationId: request.registrationId,
      divisionId: entry.divisionId,
      voterId: voter.id,
      idempotencyKey: request.idempotencyKey,
      castAt: at,
      ...client,
    };
    const holdReasons = path.signals.assess({ ...vote, phone: voter.phone });
    const committed = await path.ingest.cast({
      vote: { ...vote, status: holdReasons.length > 0 ? 'held' : 'counted', holdReasons },
      admit: (history) => voteRefusal(rules, history, entry, at, timeZone),
      checkedAgainst: known,
    });
    return answer(committed.vote, rules, committed.history, at, timeZone);
  });
}

/** The phase's counts by entry, held votes included, and whether the reader sees them now (organisers always). */
export async function phaseCounts(path: VotePath, phase: VotePhase, account: Account | null) {
  const counts = await path.ingest.counts(phase.contest.definition.id, phase.rules.phase.id);
  const held = [...counts.values()].reduce((sum, entry) => sum + entry.held, 0);
  const organiser = canSeeAllCounts(account, phase.contest.definition.id);
  return { counts, organiser, shown: organiser || countsShown(phase.rules, path.clock.now(), held) };
}

/** The signed-in voter's votes left in the phase; null without a voter. */
export async function votesLeftOf(path: VotePath, phase: VotePhase, voter: SignedInVoter | null) {
  if (!voter) return null;
  const { contest, rules } = phase;
  const history = await path.ingest.votesOf({ contestId: contest.definition.id, phaseId: rules.phase.id, voterId: voter.id });
  return votesLeft(rules, history, path.clock.now(), contest.definition.timeZone);
}

export const countsHidden = (rules: VotingRules) => {
  const when = showCountsWords[rules.showCounts];
  return new AppError('vote.counts_hidden', { zh: `票数暂不公开：${when.zh}`, en: `Counts are not shown yet: ${when.en}` }, 403);
};

/** Each vote phase of the contest (the definition's order) with what this reader may know of it now. */
export async function votingPhases(path: VotePath, contestId: string, voter: SignedInVoter | null, account: Account | null) {
  const contest = await path.phases.contest(contestId);
  const at = path.clock.now();
  return Promise.all(
    contest.definition.voting.map(async ({ phase: phaseId }) => {
      const phase = await path.phases.phase(contestId, phaseId);
      const { shown } = await phaseCounts(path, phase, account);
      return { phase, at, countsShown: shown, votesLeft: await votesLeftOf(path, phase, voter) };
    }),
  );
}

/** The phase's counts per entry voted on, when this reader sees them now (vote.counts_hidden otherwise). */
export async function phaseTallies(path: VotePath, contestId: string, phaseId: string, account: Account | null) {
  const phase = await path.phases.phase(contestId, phaseId);
  const counts = await phaseCounts(path, phase, account);
  if (!counts.shown) throw countsHidden(phase.rules);
  return { phase, counts: counts.counts, organiser: counts.organiser };
}
