/**
 * The organiser's changes to a contest's schedule, one function per transition. Each checks the
 * policy before reading anything, takes the contest's schedule lock, checks the rule against the
 * state as it stands, writes the new state and appends its audit event, all in the caller's
 * transaction when given one (platform/transaction.ts).
 */
import type { Transaction } from 'kysely';
import { appendAuditEvent } from '../audit/service.ts';
import { getContest, type StoredContest } from '../contest/service.ts';
import type { Phase, ReviewRound } from '../contest/schema/index.ts';
import { isoWithOffset, type Window } from '../contest/time.ts';
import { phaseWindow, presentPhase } from '../contest/views.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, PhaseChangeRow } from '../platform/db-types.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { inTransaction, type Executor } from '../platform/transaction.ts';
import { phaseState, roundState } from './audit-state.ts';
import { canManageSchedule } from './policy.ts';
import * as queries from './queries.ts';
import {
  definitionAsScheduled,
  earlyCloseEnd,
  earlyCloseRefusal,
  extensionEnd,
  extensionRefusal,
  roundRefusal,
  roundTransitions,
  windowAsChanged,
  type PhaseChange,
  type RoundAction,
  type RoundState,
} from './rules.ts';

export interface ScheduleActor {
  account: Account | null;
  clock: Clock;
}

const toPhaseChange = (row: PhaseChangeRow): PhaseChange => ({ phaseId: row.phase_id, change: row.change, endExclusive: row.end_exclusive });

/**
 * The contests with their phases as they stand (one query for all): every window check and page
 * that reads the returned definitions honours the organiser's extensions and early closes.
 */
export async function withSchedules(db: Executor, contests: StoredContest[]): Promise<StoredContest[]> {
  if (contests.length === 0) return contests;
  const changes = await queries.phaseChangesOfContests(
    db,
    contests.map((contest) => contest.definition.id),
  );
  return contests.map((contest) => {
    const own = changes.filter((row) => row.contest_id === contest.definition.id).map(toPhaseChange);
    return own.length === 0 ? contest : { ...contest, definition: definitionAsScheduled(contest.definition, own) };
  });
}

export const withSchedule = async (db: Executor, contest: StoredContest) => (await withSchedules(db, [contest]))[0];

export const getScheduledContest = async (db: Executor, contestId: string) => withSchedule(db, await getContest(db, contestId));

const requireOrganiser = (actor: ScheduleActor, contestId: string) => {
  const account = requireAccount(actor.account);
  if (!canManageSchedule(account, contestId)) throw forbidden('schedule.forbidden');
  return account;
};

const refuse = (refusal: AppError | undefined) => {
  if (refusal) throw refusal;
};

/** The phase, its planned window and its window as it stands, read under the schedule lock. */
async function phaseAsItStands(trx: Executor, contestId: string, phaseId: string) {
  await queries.lockSchedule(trx, contestId);
  const contest = await getContest(trx, contestId);
  const phase = contest.definition.phases.find((p) => p.id === phaseId);
  if (!phase) throw notFound({ zh: `阶段 ${phaseId}`, en: `Phase ${phaseId}` }, 'phase.not_found');
  const planned = phaseWindow(contest.definition, phase);
  const change = (await queries.phaseChangesOf(trx, contestId)).find((row) => row.phase_id === phaseId);
  return { contest, phase, planned, window: windowAsChanged(planned, change && toPhaseChange(change)) };
}

const lastSecond = (window: Window) => isoWithOffset(window.endExclusive.minus({ seconds: 1 }));

interface PhaseMove {
  change: PhaseChange['change'];
  endExclusive: Date;
  reason: string;
}

async function savePhaseMove(trx: Transaction<Database>, stands: Awaited<ReturnType<typeof phaseAsItStands>>, move: PhaseMove, account: Account, at: Date) {
  const contestId = stands.contest.definition.id;
  await queries.savePhaseChange(trx, {
    contest_id: contestId,
    phase_id: stands.phase.id,
    change: move.change,
    end_exclusive: move.endExclusive,
    reason: move.reason,
    changed_by: account.id,
    changed_at: at,
  });
  const changed = windowAsChanged(stands.planned, { phaseId: stands.phase.id, ...move });
  const payload = {
    phaseId: stands.phase.id,
    plannedEnd: lastSecond(stands.planned),
    previousEnd: lastSecond(stands.window),
    end: lastSecond(changed),
    reason: move.reason,
  };
  await appendAuditEvent(trx, {
    contestId,
    actor: account.id,
    type: `phase.${move.change}`,
    payload,
    at,
    state: await phaseState(trx, contestId, stands.phase.id),
  });
  const scheduled = definitionAsScheduled(stands.contest.definition, [{ phaseId: stands.phase.id, ...move }]);
  return presentPhase(
    scheduled,
    scheduled.phases.find((p) => p.id === stands.phase.id)!,
  );
}

/**
 * Extends a phase's window that has not ended yet to a later end (`end` as the definition writes
 * one: a date is the whole day). Effects: the phase's change, `phase.extended` with the planned,
 * previous and new end and the reason. Returns the phase as it now stands.
 */
export async function extendPhase(db: Executor, contestId: string, phaseId: string, request: { end: string; reason: string }, actor: ScheduleActor) {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    const stands = await phaseAsItStands(trx, contestId, phaseId);
    const at = actor.clock.now();
    const endExclusive = extensionEnd(stands.phase, request.end, stands.contest.definition.timeZone);
    if (!endExclusive) throw new AppError('phase.end_invalid', { zh: `没有 ${request.end} 这个日期`, en: `${request.end} is not a date` }, 422);
    refuse(extensionRefusal(stands.phase, stands.window, endExclusive, at));
    return savePhaseMove(trx, stands, { change: 'extended', endExclusive, reason: request.reason }, account, at);
  });
}

/** Closes an open phase now. Effects: the phase's change, `phase.closed_early` with the reason. */
export async function closePhaseEarly(db: Executor, contestId: string, phaseId: string, request: { reason: string }, actor: ScheduleActor) {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    const stands = await phaseAsItStands(trx, contestId, phaseId);
    const at = actor.clock.now();
    refuse(earlyCloseRefusal(stands.phase, stands.window, at));
    return savePhaseMove(trx, stands, { change: 'closed_early', endExclusive: earlyCloseEnd(at), reason: request.reason }, account, at);
  });
}

const findRound = (contest: StoredContest, roundId: string): ReviewRound => {
  const round = contest.definition.review?.rounds.find((r) => r.id === roundId);
  if (!round) throw notFound({ zh: `评审轮次 ${roundId}`, en: `Review round ${roundId}` }, 'round.not_found');
  return round;
};

const moveRound = (action: RoundAction) => async (db: Executor, contestId: string, roundId: string, request: { reason?: string }, actor: ScheduleActor) => {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    await queries.lockSchedule(trx, contestId);
    const round = findRound(await getContest(trx, contestId), roundId);
    const from: RoundState = (await queries.roundStatesOf(trx, contestId)).find((row) => row.round_id === roundId)?.state ?? 'open';
    refuse(roundRefusal(from, action, round, request.reason));
    const { to, event } = roundTransitions[action];
    const at = actor.clock.now();
    const reason = request.reason ?? null;
    await queries.saveRoundState(trx, { contest_id: contestId, round_id: roundId, state: to, reason, changed_by: account.id, changed_at: at });
    await appendAuditEvent(trx, {
      contestId,
      actor: account.id,
      type: event,
      payload: { roundId, from, to, reason },
      at,
      state: await roundState(trx, contestId, roundId),
    });
    return { id: roundId, state: to, reason, changedAt: at.toISOString() };
  });
};

/** Closes an open round: judging in it ends. Effects: its state, `round.closed`. */
export const closeRound = moveRound('close');
/** Reopens a closed, unpublished round, with a reason. Effects: its state, `round.reopened`. */
export const reopenRound = moveRound('reopen');
/** Publishes a closed round's results; final. Effects: its state, `round.published`. */
export const publishRound = moveRound('publish');

/** The schedule as it stands, for anyone: each phase's window (planned and changed) and each round's state. */
export async function scheduleOf(db: Executor, contestId: string) {
  const contest = await getContest(db, contestId);
  const [changes, rounds] = await Promise.all([queries.phaseChangesOf(db, contestId), queries.roundStatesOf(db, contestId)]);
  const scheduled = definitionAsScheduled(contest.definition, changes.map(toPhaseChange));
  const changeOf = new Map(changes.map((row) => [row.phase_id, row]));
  const stateOf = new Map(rounds.map((row) => [row.round_id, row]));
  return {
    timeZone: contest.definition.timeZone,
    phases: scheduled.phases.map((phase: Phase) => {
      const change = changeOf.get(phase.id);
      const planned = contest.definition.phases.find((p) => p.id === phase.id)!;
      return {
        ...presentPhase(scheduled, phase),
        plannedEnd: lastSecond(phaseWindow(contest.definition, planned)),
        change: change ? { kind: change.change, reason: change.reason, changedAt: change.changed_at.toISOString() } : null,
      };
    }),
    rounds: (contest.definition.review?.rounds ?? []).map((round) => {
      const row = stateOf.get(round.id);
      return {
        id: round.id,
        name: round.name,
        phase: round.phase,
        state: row?.state ?? ('open' as RoundState),
        reason: row?.reason ?? null,
        changedAt: row?.changed_at.toISOString() ?? null,
      };
    }),
  };
}
