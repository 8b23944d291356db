/**
 * The organiser's assignment of judges to a round's entries, one function per change: start a solver
 * run (solved in the background, solving.ts), cancel it, undo the newest change, move one entry by
 * hand. Each checks the policy first, takes the round's assignment lock, checks the round as it stands,
 * and writes its run, pairs and audit event in one transaction. Also the reads scoring makes of it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvent } from '../../audit/service.ts';
import { requireAccount } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/transaction.ts';
import { conflictsOf } from '../conflicts/service.ts';
import { roundAndPrevious } from '../round-entries.ts';
import { indexInstance } from './model.ts';
import { checkMove, type Move } from './move.ts';
import { canManageAssignment } from './policy.ts';
import { presentBoard } from './presenter.ts';
import { loadAssignment, loadProblem, loadRound, problemInstance, scoredPairs, type LoadedRound } from './problem.ts';
import * as queries from './queries.ts';
import { abortRun, cancelled, isRunLive, launchRun } from './runs.ts';
import { failRun, solveRun } from './solving.ts';
import type { AssignmentRunSummary } from './stored.ts';

export interface AssignmentActor {
  account: Account | null;
  clock: Clock;
}

const requireOrganiser = (actor: AssignmentActor, contestId: string) => {
  const account = requireAccount(actor.account);
  if (!canManageAssignment(account, contestId)) throw forbidden('assignment.forbidden');
  return account;
};

const refusal = (code: string, zh: string, en: string) => new AppError(code, { zh, en }, 409);

const requireUnpublished = ({ state, round }: LoadedRound) => {
  if (state === 'published')
    throw refusal(
      'assignment.round_published',
      `评审轮次 ${round.name} 已公布结果，评审分配不能再改`,
      `Round ${round.id} is published; its assignment is final`,
    );
};

/** The runs the board lists, newest first. */
const boardRuns = 20;

const orphaned = new AppError('assignment.orphaned', { zh: '求解期间服务器已重启', en: 'The server restarted while the run solved' });

/**
 * Marks failed the round's runs that say running but that no process here is solving: their process
 * is gone and they would stay running for ever. Effects per run: failed, `assignment.failed`.
 */
async function settleOrphanedRuns(db: Kysely<Database>, contestId: string, roundId: string, clock: Clock) {
  const running = await queries.runningRunsOfRound(db, contestId, roundId);
  for (const run of running.filter((r) => !isRunLive(r.id))) await failRun(db, { run, actor: { accountId: 'system', clock } }, orphaned);
}

/** The round locked, read, open to change, with no run solving it. */
async function lockedRound(trx: Transaction<Database>, contestId: string, roundId: string) {
  await queries.lockRoundAssignment(trx, contestId, roundId);
  const loaded = await loadRound(trx, contestId, roundId);
  requireUnpublished(loaded);
  if ((await queries.runningRunsOfRound(trx, contestId, roundId)).length > 0)
    throw refusal('assignment.run_in_progress', '本轮正在进行评审分配，请等待完成或取消', 'A run is solving this round; wait for it or cancel it');
  return loaded;
}

/**
 * Starts a solver run of the round, solved in the background of this process (the run lives on after
 * the request, so it cannot join a caller's transaction). Refused when the round is published
 * (assignment.round_published), waits for an earlier round's publication (assignment.round_waiting)
 * or is being solved (assignment.run_in_progress). Effects: the run, running; `assignment.started`.
 */
export async function startAssignmentRun(db: Kysely<Database>, contestId: string, roundId: string, request: { balance?: boolean }, actor: AssignmentActor) {
  const account = requireOrganiser(actor, contestId);
  await settleOrphanedRuns(db, contestId, roundId, actor.clock);
  const balance = request.balance !== false;
  const run = await db.transaction().execute(async (trx) => {
    const loaded = await lockedRound(trx, contestId, roundId);
    const { previous } = roundAndPrevious(loaded.contest.definition, roundId);
    if (previous && !(await queries.latestPublishedResults(trx, contestId, previous.id)))
      throw refusal(
        'assignment.round_waiting',
        `须先公布 ${previous.name} 的结果，才知道本轮的作品`,
        `Round ${roundId} takes its entries from ${previous.id}, which is not published yet`,
      );
    const at = actor.clock.now();
    const started = await queries.insertRun(trx, {
      id: randomUUID(),
      contest_id: contestId,
      round_id: roundId,
      kind: 'solver',
      status: 'running',
      progress: JSON.stringify({ routed: 0, total: 0 }),
      started_by: account.id,
      started_at: await queries.nextRunStart(trx, contestId, roundId, at),
    });
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'assignment.started', payload: { runId: started.id, roundId, balance }, at });
    return started;
  });
  launchRun(run.id, (signal) => solveRun(db, { run, balance, actor: { accountId: account.id, clock: actor.clock } }, signal));
  return run;
}

const findRun = async (db: Executor, contestId: string, roundId: string, runId: string) => {
  const run = await queries.runOfRound(db, contestId, roundId, runId);
  if (!run) throw notFound({ zh: `评审分配运行 ${runId}`, en: `Assignment run ${runId}` }, 'assignment.run_not_found');
  return run;
};

/** A run as it stands (a run orphaned by a restart is marked failed first). */
export async function assignmentRun(db: Kysely<Database>, contestId: string, roundId: string, runId: string, actor: AssignmentActor) {
  requireOrganiser(actor, contestId);
  await settleOrphanedRuns(db, contestId, roundId, actor.clock);
  return findRun(db, contestId, roundId, runId);
}

/**
 * Cancels a running run: its work stops at the next step and stores nothing. Refused when it is not
 * running (assignment.run_not_running). Effects: the run cancelled; `assignment.cancelled`.
 */
export async function cancelAssignmentRun(db: Kysely<Database>, contestId: string, roundId: string, runId: string, actor: AssignmentActor) {
  const account = requireOrganiser(actor, contestId);
  // Before anything is awaited: a cancel made in the turn that started the run stops it before it solves.
  abortRun(runId);
  try {
    await settleOrphanedRuns(db, contestId, roundId, actor.clock);
    return await db.transaction().execute(async (trx) => {
      await queries.lockRoundAssignment(trx, contestId, roundId);
      const run = await findRun(trx, contestId, roundId, runId);
      if (run.status !== 'running') throw refusal('assignment.run_not_running', '该运行已结束，无法取消', `The run is ${run.status}, not running`);
      const at = actor.clock.now();
      const stopped = await queries.updateRun(trx, runId, { status: 'cancelled', finished_at: at });
      await appendAuditEvent(trx, { contestId, actor: account.id, type: 'assignment.cancelled', payload: { runId, roundId }, at });
      return stopped;
    });
  } finally {
    cancelled(runId);
  }
}

/**
 * Undoes the round's newest done run, solver or hand: the pairs it added go, those it took away stand
 * again, so the assignment before it comes back exactly. Refused when there is none
 * (assignment.nothing_to_undo), a judge has scored a pair it added (assignment.scored), or a pair it
 * would give back is now conflicted (assignment.undo_conflicted). Effects: the pairs; the run undone;
 * `assignment.undone` {runId, roundId, kind}.
 */
export async function undoAssignment(db: Kysely<Database>, contestId: string, roundId: string, actor: AssignmentActor) {
  const account = requireOrganiser(actor, contestId);
  await settleOrphanedRuns(db, contestId, roundId, actor.clock);
  return db.transaction().execute(async (trx) => {
    await lockedRound(trx, contestId, roundId);
    const run = await queries.newestDoneRun(trx, contestId, roundId);
    if (!run) throw refusal('assignment.nothing_to_undo', '本轮没有可撤销的评审分配', 'This round has no assignment to undo');
    if (await queries.addedPairsScored(trx, run.id))
      throw refusal('assignment.scored', '评委已为这次分配的作品评分，不能撤销', 'A judge has scored a pair this change made; it cannot be undone');
    const restored = await queries.pairsRemovedBy(trx, run.id);
    const conflicted = await conflictsOf(trx, contestId, { registrationIds: restored.map((pair) => pair.registration_id) });
    if (conflicted.some((c) => restored.some((pair) => pair.judge_id === c.judgeId && pair.registration_id === c.registrationId)))
      throw refusal('assignment.undo_conflicted', '撤销会恢复存在利益冲突的评审分配', 'Undoing it would give a judge back an entry they are in conflict with');
    await queries.revertPairsOf(trx, run.id);
    const at = actor.clock.now();
    const undone = await queries.updateRun(trx, run.id, { status: 'undone', undone_by: account.id, undone_at: at });
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'assignment.undone', payload: { runId: run.id, roundId, kind: run.kind }, at });
    return undone;
  });
}

/**
 * Moves one entry by hand: from one judge to another, or (without `from`) adds a judge to an entry
 * short of its judges. Refused with every problem (assignment.move_refused: conflict, cap, coverage…,
 * move.ts), or when the judge moved away has scored the entry (assignment.scored). Effects: a done
 * 'hand' run that takes the from-pair away and adds the to-pair; `assignment.moved` {runId, roundId, move}.
 */
export async function moveAssignment(db: Kysely<Database>, contestId: string, roundId: string, move: Move, actor: AssignmentActor) {
  const account = requireOrganiser(actor, contestId);
  await settleOrphanedRuns(db, contestId, roundId, actor.clock);
  return db.transaction().execute(async (trx) => {
    const loaded = await lockedRound(trx, contestId, roundId);
    const problem = await loadProblem(trx, loaded, { registrationIds: [move.entry] });
    const names = new Map(problem.judges.map((judge) => [judge.id, judge.name]));
    checkMove(indexInstance(problemInstance(loaded, problem, [])), problem.pairs, move, names);
    if (move.from !== undefined && scoredPairs(problem).some((pair) => pair.entry === move.entry && pair.judge === move.from))
      throw refusal('assignment.scored', '该评委已为这件作品评分，不能调走', 'The judge has scored this entry; it cannot be moved away');
    const at = actor.clock.now();
    const summary: AssignmentRunSummary = {
      entries: 1,
      judges: move.from === undefined ? 1 : 2,
      pairs: problem.pairs.length + (move.from === undefined ? 1 : 0),
      shortfalls: [],
      move,
    };
    const run = await queries.insertRun(trx, {
      id: randomUUID(),
      contest_id: contestId,
      round_id: roundId,
      kind: 'hand',
      status: 'done',
      progress: JSON.stringify({ routed: 1, total: 1 }),
      summary: JSON.stringify(summary),
      started_by: account.id,
      started_at: await queries.nextRunStart(trx, contestId, roundId, at),
      finished_at: at,
    });
    if (move.from !== undefined) await queries.removeUnscoredPairs(trx, run.id, contestId, roundId, [{ judge_id: move.from, registration_id: move.entry }]);
    await queries.insertPairs(trx, run.id, contestId, roundId, [{ judge_id: move.to, registration_id: move.entry }]);
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'assignment.moved', payload: { runId: run.id, roundId, move }, at });
    return run;
  });
}

/** The board of the round's assignment (presenter.ts): entries and judges with their pairs and scores, runs, shortfalls. */
export async function assignmentBoard(db: Kysely<Database>, contestId: string, roundId: string, actor: AssignmentActor) {
  requireOrganiser(actor, contestId);
  await settleOrphanedRuns(db, contestId, roundId, actor.clock);
  const loaded = await loadRound(db, contestId, roundId);
  const [assignment, runs, newestSolver] = await Promise.all([
    loadAssignment(db, loaded),
    queries.runsOfRound(db, contestId, roundId, boardRuns),
    queries.newestDoneRun(db, contestId, roundId, 'solver'),
  ]);
  return presentBoard(loaded, assignment, runs, newestSolver);
}

/** The round's standing pairs: what each judge is to score (scoring reads this). */
export const currentPairs = async (db: Executor, contestId: string, roundId: string) =>
  (await queries.currentPairsOfRound(db, contestId, roundId)).map((pair) => ({ judgeId: pair.judge_id, registrationId: pair.registration_id }));

/** Whether the judge is assigned the entry in the round now. */
export const isAssigned = (db: Executor, contestId: string, roundId: string, judgeId: string, registrationId: string) =>
  queries.isPairCurrent(db, contestId, roundId, { judge_id: judgeId, registration_id: registrationId });
