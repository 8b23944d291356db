/**
 * Publishing a round: the organiser previews the results the engine computes from the round's
 * entries, the judges' submitted scores and the public vote's counts, then freezes them as a
 * publication; a later publication of the same round is a correction that keeps the earlier ones.
 * Participants read their own entry's results, anyone the latest published ranking.
 */
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest, type StoredContest } from '../../contest/service.ts';
import type { ReviewRound } from '../../contest/schema/index.ts';
import { isOrganiserOf, requireAccount } from '../../platform/auth/policy.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { canSeeRegistration } from '../../registration/policy.ts';
import { getRegistration, membersOf } from '../../registration/service.ts';
import { publishRound, scheduleOf } from '../../schedule/service.ts';
import { publicationStateOf } from '../audit-state.ts';
import { computeResults } from '../results/compute.ts';
import type { Results } from '../results/types.ts';
import { roundEntries } from '../round-entries.ts';
import { findRound, type ReviewActor } from '../scoring/access.ts';
import { submittedScores } from '../scoring/service.ts';
import { canPublishResults } from './policy.ts';
import * as queries from './queries.ts';
import { entryRounds, publicRanking, resultsSha256, scoresWithoutPair } from './rules.ts';

export type PublishingActor = ReviewActor;

const requireOrganiser = (actor: PublishingActor, contestId: string) => {
  const account = requireAccount(actor.account);
  if (!canPublishResults(account, contestId)) throw forbidden('results.forbidden');
  return account;
};

/**
 * What the engine reads for the round: its entries (review/round-entries.ts: a later round's are
 * those its previous round's latest publication sends on), the submitted scores (drafts never
 * count) and, where the round counts a public vote, its phase's counts: Leitai's counted votes when
 * it ran the vote, else the imported ones (queries.countsOfPhase decides).
 */
async function roundInput(db: Executor, contest: StoredContest, round: ReviewRound) {
  const contestId = contest.definition.id;
  const { entries, waitingFor } = await roundEntries(db, contest, round.id);
  const inRound = new Set(entries.map((e) => e.id));
  const counts = round.publicVotePhase ? await queries.countsOfPhase(db, contestId, round.publicVotePhase) : [];
  const { counted, withoutPair } = await submittedScores(db, contestId, round.id);
  const input = {
    entries: entries.map((e) => ({ id: e.id, division: e.division })),
    scores: counted,
    votes: counts.filter((c) => inRound.has(c.registration_id)).map((c) => ({ entry: c.registration_id, count: c.count })),
  };
  return { input, entries, waitingFor, withoutPair };
}

/** The engine's results, with the scores left out because their pair no longer stands reported among its problems. */
async function resultsAsTheyStand(db: Executor, contest: StoredContest, round: ReviewRound) {
  const { input, entries, waitingFor, withoutPair } = await roundInput(db, contest, round);
  const results = computeResults(contest.definition, round.id, input);
  results.problems.push(...scoresWithoutPair(withoutPair));
  return { results, entries, waitingFor };
}

/** The round's results as they would be published now, with each entry's reference and title (organisers). */
export async function previewResults(db: Executor, contestId: string, roundId: string, actor: PublishingActor) {
  requireOrganiser(actor, contestId);
  const contest = await getContest(db, contestId);
  const round = findRound(contest.definition.review.rounds, roundId);
  const { results, entries, waitingFor } = await resultsAsTheyStand(db, contest, round);
  return {
    results,
    entries: Object.fromEntries(entries.map((e) => [e.id, { ref: e.ref, title: e.title }])),
    ...(waitingFor ? { waitingFor } : {}),
  };
}

const reasonRequired = () =>
  new AppError('publish.reason_required', { zh: '更正已公布的结果须说明理由', en: 'Correcting published results needs a reason' }, 422);

/**
 * Publishes the round's results as they stand. The first publication needs the round closed and
 * moves it to published (schedule's publishRound, in this transaction: `round.published`); a
 * later one is a correction, needs a reason, and keeps the versions before it. Effects: one
 * round_publications row (the results, the SHA-256 of their canonical JSON, the definition
 * version, the reason); `round.results_published` with the version, the hash, how many advance and
 * how many awards are given. The next round's entries follow the newest version (round-entries.ts).
 */
export async function publishResults(db: Executor, contestId: string, roundId: string, request: { reason?: string }, actor: PublishingActor) {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    await queries.lockRoundPublication(trx, contestId, roundId);
    const contest = await getContest(trx, contestId);
    const round = findRound(contest.definition.review.rounds, roundId);
    const earlier = await queries.publicationsOfRound(trx, contestId, roundId);
    if (earlier.length > 0 && !request.reason) throw reasonRequired();
    const state = (await scheduleOf(trx, contestId)).rounds.find((r) => r.id === roundId)!.state;
    if (earlier.length === 0 && state !== 'published') await publishRound(trx, contestId, roundId, { reason: request.reason }, actor);
    // What the database hands back (undefined properties dropped) is what the hash must be of.
    const results = JSON.parse(JSON.stringify((await resultsAsTheyStand(trx, contest, round)).results)) as Results;
    const sha256 = resultsSha256(results);
    const version = (earlier.at(-1)?.version ?? 0) + 1;
    const at = actor.clock.now();
    const publication = {
      contest_id: contestId,
      round_id: roundId,
      version,
      results,
      sha256,
      definition_version: contest.version,
      reason: request.reason ?? null,
      published_by: account.id,
      published_at: at,
    };
    await queries.insertPublication(trx, { ...publication, results: JSON.stringify(results) });
    const awards = results.contestAwards.length + results.divisions.reduce((sum, d) => sum + d.awards.length, 0);
    const payload = {
      round: roundId,
      version,
      sha256,
      advancing: results.advancing,
      awards,
      definitionVersion: contest.version,
      reason: request.reason ?? null,
    };
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'round.results_published', payload, at, state: publicationStateOf(publication) });
    return { version, sha256, publishedAt: at.toISOString() };
  });
}

const notPublished = (round: ReviewRound) =>
  new AppError('results.not_published', { zh: `「${round.name}」的结果尚未公布`, en: `The results of "${round.nameEn ?? round.name}" are not published` }, 404);

/**
 * The round's latest published ranking as anyone reads it (publicRanking), and for the contest's
 * organisers every publication too, with its full results and reason.
 */
export async function roundResults(db: Executor, contestId: string, roundId: string, actor: PublishingActor) {
  const contest = await getContest(db, contestId);
  const round = findRound(contest.definition.review.rounds, roundId);
  const publications = await queries.publicationsOfRound(db, contestId, roundId);
  const latest = publications.at(-1);
  if (!latest) throw notPublished(round);
  const names = new Map((await queries.entryNamesOfContest(db, contestId)).map((r) => [r.id, r]));
  const view = {
    round: { id: round.id, name: round.name, nameEn: round.nameEn ?? null },
    version: latest.version,
    sha256: latest.sha256,
    publishedAt: latest.published_at.toISOString(),
    ...publicRanking(contest.definition, latest.results, names),
  };
  if (!isOrganiserOf(actor.account, contestId)) return view;
  const all = publications.map((p) => ({
    version: p.version,
    sha256: p.sha256,
    publishedAt: p.published_at.toISOString(),
    reason: p.reason,
    definitionVersion: p.definition_version,
    results: p.results,
  }));
  return { ...view, publications: all };
}

/** The entry's published results, for those who may see the registration (its people, the organisers). */
export async function registrationResults(db: Executor, registrationId: string, actor: PublishingActor) {
  const account = requireAccount(actor.account);
  const row = await getRegistration(db, registrationId);
  if (!canSeeRegistration(account, row, await membersOf(db, [row.id]))) throw forbidden('results.forbidden');
  const { definition } = await getContest(db, row.contest_id);
  const published = (await queries.latestPublicationsOfContest(db, row.contest_id)).map((p) => ({
    roundId: p.round_id,
    results: p.results,
    publishedAt: p.published_at,
  }));
  return { rounds: entryRounds(definition, published, row.id) };
}
