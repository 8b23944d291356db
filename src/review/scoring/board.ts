/**
 * The organiser's side of scoring: the review board (who has scored what, whose scores stand
 * apart), reminders to judges with unsubmitted entries, and reopening a submitted score.
 */
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest } from '../../contest/service.ts';
import { isOrganiserOf, requireAccount } from '../../platform/auth/policy.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { enqueueMessage } from '../../platform/outbox.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { currentPairs } from '../assignment/service.ts';
import { reopenedScoreState } from '../audit-state.ts';
import { roundScale, scoreTotal } from '../results/scores.ts';
import { findRound, roundAsScheduled, type ReviewActor } from './access.ts';
import * as queries from './queries.ts';
import { groupBy } from '../../platform/group-by.ts';
import { judgeStandings, standsApartThreshold } from './standing.ts';

const requireOrganiser = (actor: ReviewActor, contestId: string) => {
  const account = requireAccount(actor.account);
  if (!isOrganiserOf(account, contestId)) throw forbidden('review.forbidden');
  return account;
};

/** Each judge with pairs in the round: their entries, and which of them they have submitted or drafted. */
async function progressOf(db: Executor, contestId: string, roundId: string) {
  const pairs = await currentPairs(db, contestId, roundId);
  const scores = await queries.scoresOfRound(db, contestId, roundId);
  const pairsOfJudge = groupBy(pairs, (p) => p.judgeId);
  const judges = (await queries.judgesOfContest(db, contestId)).filter((j) => pairsOfJudge.has(j.id));
  const statusOf = new Map(scores.map((s) => [`${s.judge_id}\n${s.registration_id}`, s.status]));
  const status = (judgeId: string, entryId: string) => statusOf.get(`${judgeId}\n${entryId}`);
  const progress = judges.map((judge) => {
    const entries = pairsOfJudge.get(judge.id)!.map((p) => p.registrationId);
    return {
      judge,
      assigned: entries.length,
      submitted: entries.filter((e) => status(judge.id, e) === 'submitted').length,
      drafts: entries.filter((e) => status(judge.id, e) === 'draft').length,
    };
  });
  return { pairs, scores, progress, status };
}

/**
 * The review board of a round: per judge their load and progress, their mean and how far they
 * stand from the other judges on the same entries (standing.ts, on submitted scores only), and how
 * many entries every assigned judge has submitted.
 */
export async function reviewBoard(db: Executor, contestId: string, roundId: string, actor: ReviewActor) {
  requireOrganiser(actor, contestId);
  const { round, state } = await roundAsScheduled(db, contestId, roundId);
  const { pairs, scores, progress, status } = await progressOf(db, contestId, roundId);
  const scale = roundScale(round);
  const totals = scores.flatMap((s) => {
    if (s.status !== 'submitted') return [];
    const score =
      s.total === null
        ? { judge: s.judge_id, entry: s.registration_id, criteria: s.criteria }
        : { judge: s.judge_id, entry: s.registration_id, total: s.total };
    const total = scoreTotal(round, scale, score);
    return typeof total === 'number' ? [{ judge: s.judge_id, entry: s.registration_id, total }] : [];
  });
  const standings = judgeStandings(
    progress.map((p) => p.judge.id),
    totals,
    scale,
  );
  const judgesOfEntry = [...groupBy(pairs, (p) => p.registrationId).values()];
  const submittedOf = (entryPairs: typeof pairs) => entryPairs.filter((p) => status(p.judgeId, p.registrationId) === 'submitted').length;
  const fully = judgesOfEntry.filter((entryPairs) => submittedOf(entryPairs) === entryPairs.length).length;
  const unscored = judgesOfEntry.filter((entryPairs) => submittedOf(entryPairs) === 0).length;
  return {
    round: { id: round.id, name: round.name, state, scale, standsApartAt: standsApartThreshold(scale) },
    judges: progress.map(({ judge, assigned, submitted, drafts }, i) => ({
      id: judge.id,
      name: judge.name,
      assigned,
      submitted,
      drafts,
      mean: standings[i].mean,
      deviation: standings[i].deviation,
      compared: standings[i].compared,
      standsApart: standings[i].standsApart,
    })),
    entries: { total: judgesOfEntry.length, fullyScored: fully, partlyScored: judgesOfEntry.length - fully - unscored, unscored },
  };
}

/**
 * Reminds the judges (all, or those named) who have entries left to submit in the round. Effects:
 * one outbox message per such judge (`review.reminder`, with a link to their round), and one
 * `reminder.sent` event naming the judges and how many entries each has left. Returns how many
 * messages were written; none, and no event, when everyone has submitted.
 */
export async function remindJudges(db: Executor, contestId: string, roundId: string, request: { judgeIds?: string[] }, actor: ReviewActor) {
  const account = requireOrganiser(actor, contestId);
  const { round } = await roundAsScheduled(db, contestId, roundId);
  return inTransaction(db, async (trx) => {
    const { progress } = await progressOf(trx, contestId, roundId);
    const due = progress.filter((p) => p.assigned > p.submitted && (!request.judgeIds || request.judgeIds.includes(p.judge.id)));
    if (due.length === 0) return { messages: 0 };
    const at = actor.clock.now();
    for (const { judge, assigned, submitted } of due) {
      await enqueueMessage(trx, {
        contestId,
        kind: 'review.reminder',
        recipientName: judge.name,
        recipientAddress: judge.email ?? judge.phone,
        subject: `请完成「${round.name}」评审`,
        body: `${judge.name}，您在「${round.name}」中还有 ${assigned - submitted} 个作品尚未提交评分（共 ${assigned} 个）。`,
        link: `/judge/contests/${contestId}/rounds/${roundId}`,
        createdBy: account.id,
        at,
      });
    }
    const judges = due.map((p) => ({ judge: p.judge.id, unsubmitted: p.assigned - p.submitted }));
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'reminder.sent', payload: { round: roundId, judges }, at });
    return { messages: due.length };
  });
}

/**
 * Gives a submitted score back to its judge as a draft, with the organiser's reason. Effects: the
 * score's status draft (values kept, submitted_at cleared); `score.reopened` with the reason.
 */
export async function reopenScore(
  db: Executor,
  contestId: string,
  roundId: string,
  registrationId: string,
  judgeId: string,
  request: { reason: string },
  actor: ReviewActor,
) {
  const account = requireOrganiser(actor, contestId);
  findRound((await getContest(db, contestId)).definition.review.rounds, roundId);
  return inTransaction(db, async (trx) => {
    const at = actor.clock.now();
    const reopened = await queries.reopenSubmitted(trx, contestId, roundId, registrationId, judgeId, at);
    if (!reopened) {
      throw new AppError('score.not_submitted', { zh: '该评委尚未提交此作品的评分', en: 'This judge has not submitted a score for this entry' }, 409);
    }
    const payload = { round: roundId, entry: registrationId, judge: judgeId, reason: request.reason };
    await appendAuditEvent(trx, {
      contestId,
      actor: account.id,
      type: 'score.reopened',
      payload,
      at,
      state: reopenedScoreState(roundId, registrationId, judgeId),
    });
    return { status: 'draft' as const, savedAt: reopened.saved_at.toISOString(), submittedAt: null };
  });
}
