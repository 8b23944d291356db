/**
 * Who scores what: a judge (an active judges row of the signed-in account) serving the round reads
 * and scores only the entries assigned to them there, and never one they are in conflict with.
 */
import { getContest } from '../../contest/service.ts';
import type { ReviewRound } from '../../contest/schema/index.ts';
import { phaseWindow } from '../../contest/views.ts';
import { isJudgeOf, requireAccount } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/transaction.ts';
import { getScheduledContest, scheduleOf } from '../../schedule/service.ts';
import { isAssigned } from '../assignment/service.ts';
import { isConflicted } from '../conflicts/service.ts';
import * as queries from './queries.ts';

export interface ReviewActor {
  account: Account | null;
  clock: Clock;
}

export type Judge = NonNullable<Awaited<ReturnType<typeof queries.activeJudgeOfAccount>>>;

export const servesRound = (judge: Pick<Judge, 'rounds'>, roundId: string) => judge.rounds.length === 0 || judge.rounds.includes(roundId);

/** The signed-in account's active judge row in the contest, or 401 / 403 judging.forbidden. */
export async function requireJudge(db: Executor, contestId: string, account: Account | null): Promise<Judge> {
  const signedIn = requireAccount(account);
  const judge = isJudgeOf(signedIn, contestId) ? await queries.activeJudgeOfAccount(db, contestId, signedIn.id) : undefined;
  if (!judge) throw forbidden('judging.forbidden');
  return judge;
}

export const findRound = (rounds: readonly ReviewRound[], roundId: string): ReviewRound => {
  const round = rounds.find((r) => r.id === roundId);
  if (!round) throw notFound({ zh: `评审轮次 ${roundId}`, en: `Review round ${roundId}` }, 'round.not_found');
  return round;
};

/**
 * The round as it stands for scoring: its definition (the organiser's window changes applied, the
 * version in force), its phase window and its state (schedule/).
 */
export async function roundAsScheduled(db: Executor, contestId: string, roundId: string) {
  const contest = await getScheduledContest(db, contestId);
  const round = findRound(contest.definition.review.rounds, roundId);
  const phase = contest.definition.phases.find((p) => p.id === round.phase)!;
  const state = (await scheduleOf(db, contestId)).rounds.find((r) => r.id === roundId)!.state;
  return { contest, round, window: phaseWindow(contest.definition, phase), state };
}

/** The judge serving this round, or 403 judging.not_in_round. */
export async function requireJudgeOfRound(db: Executor, contestId: string, roundId: string, account: Account | null) {
  const judge = await requireJudge(db, contestId, account);
  const stands = await roundAsScheduled(db, contestId, roundId);
  if (!servesRound(judge, roundId)) {
    throw new AppError(
      'judging.not_in_round',
      { zh: `您不是「${stands.round.name}」的评委`, en: `You do not judge "${stands.round.nameEn ?? stands.round.name}"` },
      403,
    );
  }
  return { judge, ...stands };
}

/**
 * Refuses an entry the judge is not assigned in the round as not found (score.not_assigned: a judge
 * learns nothing of entries that are not theirs), and one they are in conflict with (score.conflicted).
 */
export async function requireJudgedEntry(db: Executor, contestId: string, roundId: string, judgeId: string, registrationId: string) {
  if (!(await isAssigned(db, contestId, roundId, judgeId, registrationId))) {
    throw new AppError('score.not_assigned', { zh: '未找到分配给您的该作品', en: 'No such entry is assigned to you' }, 404);
  }
  if (await isConflicted(db, contestId, judgeId, registrationId)) {
    throw new AppError(
      'score.conflicted',
      { zh: '您与该作品存在利益冲突，不能评审', en: 'You have a conflict of interest with this entry and cannot judge it' },
      403,
    );
  }
}

/**
 * Whether the account judges the entry: assigned it in some round of the contest and not in
 * conflict with it. What lets a judge download the entry's works (submission/works.ts).
 */
export async function judgesEntry(db: Executor, account: Account | null, contestId: string, registrationId: string): Promise<boolean> {
  if (!account || !isJudgeOf(account, contestId)) return false;
  const judge = await queries.activeJudgeOfAccount(db, contestId, account.id);
  if (!judge) return false;
  const { definition } = await getContest(db, contestId);
  for (const round of definition.review.rounds) {
    if (servesRound(judge, round.id) && (await isAssigned(db, contestId, round.id, judge.id, registrationId))) {
      return !(await isConflicted(db, contestId, judge.id, registrationId));
    }
  }
  return false;
}
