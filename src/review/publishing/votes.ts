/**
 * Vote counts an organiser imports for a round's public vote phase run outside Leitai
 * (migrations/2026120101-imported-vote-counts.ts). Once Leitai takes a vote in the phase, its own
 * tallies are the counts (queries.countsOfPhase) and an import is refused.
 */
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest } from '../../contest/service.ts';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import { requireAccount } from '../../platform/auth/policy.ts';
import { AppError, forbidden, notFound, type Problem } from '../../platform/errors.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { canPublishResults } from './policy.ts';
import * as queries from './queries.ts';
import { voteCountsDigest } from './rules.ts';
import type { PublishingActor } from './service.ts';

export interface VoteCountInput {
  ref?: string;
  registrationId?: string;
  count: number;
}

const requireOrganiser = (actor: PublishingActor, contestId: string) => {
  const account = requireAccount(actor.account);
  if (!canPublishResults(account, contestId)) throw forbidden('vote_counts.forbidden');
  return account;
};

/** The phase, when some round of the definition counts its votes. */
const requireCountedPhase = (definition: ContestDefinition, phaseId: string) => {
  const phase = definition.phases.find((p) => p.id === phaseId);
  if (!phase) throw notFound({ zh: `阶段 ${phaseId}`, en: `Phase ${phaseId}` }, 'phase.not_found');
  if (!definition.review.rounds.some((round) => round.publicVotePhase === phaseId)) {
    throw new AppError(
      'vote_counts.phase_not_counted',
      { zh: `没有评审轮次计入「${phase.name}」的票数`, en: `No review round counts the votes of "${phase.nameEn ?? phase.name}"` },
      422,
    );
  }
  return phase;
};

const votedHere = (phase: { name: string; nameEn?: string }) =>
  new AppError(
    'vote_counts.phase_run_here',
    {
      zh: `「${phase.name}」在擂台投票，以擂台计票为准，不能导入票数`,
      en: `"${phase.nameEn ?? phase.name}" is voted on in Leitai: its counts are Leitai's, and none can be imported`,
    },
    409,
  );

const nameOf = (item: VoteCountInput) => item.ref ?? item.registrationId ?? '';

/** Each item's registration id, or the refusal naming the entries that are not the contest's, or appear twice. */
const resolveEntries = async (db: Executor, contestId: string, counts: readonly VoteCountInput[]) => {
  const found = await queries.registrationsNamed(
    db,
    contestId,
    counts.flatMap((c) => (c.ref ? [c.ref] : [])),
    counts.flatMap((c) => (c.registrationId ? [c.registrationId] : [])),
  );
  const byRef = new Map(found.map((r) => [r.ref, r.id]));
  const known = new Set(found.map((r) => r.id));
  const idOf = (item: VoteCountInput) => (item.ref ? byRef.get(item.ref) : known.has(item.registrationId!) ? item.registrationId : undefined);
  const unknown = counts.flatMap((item, i) => (idOf(item) ? [] : [{ item, i }]));
  if (unknown.length > 0) {
    const names = unknown.map(({ item }) => nameOf(item));
    const problems: Problem[] = unknown.map(({ item, i }) => ({
      code: 'vote_counts.unknown_entry',
      message: { zh: `本赛事没有作品 ${nameOf(item)}`, en: `This contest has no entry ${nameOf(item)}` },
      path: `counts[${i}]`,
    }));
    throw new AppError(
      'vote_counts.unknown_entries',
      { zh: `以下作品不在本赛事：${names.join('、')}`, en: `These entries are not in this contest: ${names.join(', ')}` },
      422,
      problems,
    );
  }
  const ids = counts.map((item) => idOf(item)!);
  const seen = new Set<string>();
  const repeated = counts.filter((_, i) => seen.size === seen.add(ids[i]).size).map(nameOf);
  if (repeated.length > 0) {
    throw new AppError(
      'vote_counts.duplicate_entries',
      { zh: `以下作品的票数出现了不止一次：${repeated.join('、')}`, en: `These entries' counts appear more than once: ${repeated.join(', ')}` },
      422,
    );
  }
  return ids;
};

/**
 * Replaces the phase's imported counts with these. Effects: the phase's imported_vote_counts rows
 * deleted and the new ones written; `votes.imported` with the phase, how many entries, the total
 * and the digest of the counts (voteCountsDigest), so the counts a published ranking used can be
 * checked. Refuses an unknown phase, one no round counts, one Leitai has taken votes in, and
 * entries not of the contest (listed).
 */
export async function importVoteCounts(db: Executor, contestId: string, phaseId: string, counts: readonly VoteCountInput[], actor: PublishingActor) {
  const account = requireOrganiser(actor, contestId);
  const { definition } = await getContest(db, contestId);
  const phase = requireCountedPhase(definition, phaseId);
  return inTransaction(db, async (trx) => {
    await queries.lockVotePhase(trx, contestId, phaseId);
    if (await queries.phaseVotedHere(trx, contestId, phaseId)) throw votedHere(phase);
    const ids = await resolveEntries(trx, contestId, counts);
    const at = actor.clock.now();
    const rows = counts.map((item, i) => ({
      contest_id: contestId,
      phase_id: phaseId,
      registration_id: ids[i],
      count: item.count,
      imported_by: account.id,
      imported_at: at,
    }));
    await queries.replaceVoteCounts(trx, contestId, phaseId, rows);
    const summary = {
      phase: phaseId,
      entries: rows.length,
      total: rows.reduce((sum, row) => sum + row.count, 0),
      digest: voteCountsDigest(rows.map((row) => ({ registrationId: row.registration_id, count: row.count }))),
    };
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'votes.imported', payload: summary, at });
    return { ...summary, importedAt: at.toISOString() };
  });
}

/** The phase's imported counts by reference (organisers). */
export async function voteCountsOf(db: Executor, contestId: string, phaseId: string, actor: PublishingActor) {
  requireOrganiser(actor, contestId);
  const { definition } = await getContest(db, contestId);
  requireCountedPhase(definition, phaseId);
  const rows = await queries.voteCountsOfPhase(db, contestId, phaseId);
  return {
    phase: phaseId,
    importedAt: rows[0]?.imported_at.toISOString() ?? null,
    counts: rows.map((row) => ({ registrationId: row.registration_id, ref: row.ref, title: row.title, count: row.count })),
  };
}
