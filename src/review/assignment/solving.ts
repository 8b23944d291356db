/**
 * A solver run's work, in the background of the process that started it (runs.ts): load the round,
 * solve it with progress and a cancel, and store the result in one transaction. `finishRun` and
 * `failRun` change the run's state as the service's cancel does: under the round's lock and only
 * while it is running, so whichever comes first wins (a cancelled run's result is dropped).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../../audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import { AppError } from '../../platform/errors.ts';
import { conflictsOf } from '../conflicts/service.ts';
import type { JudgeEntryPair } from './model.ts';
import { loadProblem, loadRound, problemInstance, scoredPairs } from './problem.ts';
import * as queries from './queries.ts';
import { solveAssignment, type AssignmentResult } from './solve.ts';
import type { AssignmentProgress, AssignmentRunSummary } from './stored.ts';

export interface RunWork {
  run: queries.AssignmentRunRow;
  balance: boolean;
  actor: { accountId: string; clock: Clock };
}

/** Progress is written at most this often: a run of seconds writes a few dozen rows, not thousands. */
const progressEveryMs = 200;

const pairKey = (pair: JudgeEntryPair) => `${pair.judge}\u0000${pair.entry}`;

/** sha256 of the pairs, sorted, one `entry judge` a line: the audit event vouches for exactly these. */
const pairsDigest = (pairs: readonly JudgeEntryPair[]) =>
  createHash('sha256')
    .update(
      pairs
        .map((pair) => `${pair.entry} ${pair.judge}\n`)
        .sort()
        .join(''),
    )
    .digest('hex');

const changedMeanwhile = () =>
  new AppError('assignment.changed', {
    zh: '求解期间评审分配或回避关系已有变化，请重新运行',
    en: 'The assignment or its conflicts changed while the run solved; run it again',
  });

function progressWriter(db: Kysely<Database>, runId: string) {
  let lastAt = -Infinity;
  let writing = Promise.resolve();
  let latest: AssignmentProgress = { routed: 0, total: 0 };
  return {
    report(progress: AssignmentProgress) {
      latest = progress;
      const now = performance.now();
      if (now - lastAt < progressEveryMs) return;
      lastAt = now;
      writing = writing.then(() => queries.updateRunningRun(db, runId, { progress: JSON.stringify(progress) }).then(() => undefined));
    },
    done: () => writing,
    /** The last progress reported, written or not: the finished run records it. */
    latest: () => latest,
  };
}

/** Solves the run's round and stores the result; marks the run failed on any error but a cancel. */
export async function solveRun(db: Kysely<Database>, work: RunWork, signal: AbortSignal): Promise<void> {
  const progress = progressWriter(db, work.run.id);
  try {
    signal.throwIfAborted();
    const loaded = await loadRound(db, work.run.contest_id, work.run.round_id);
    const problem = await loadProblem(db, loaded);
    const kept = scoredPairs(problem);
    const instance = problemInstance(loaded, problem, kept);
    const result = await solveAssignment(instance, { balance: work.balance, signal, onProgress: progress.report });
    await progress.done();
    await finishRun(db, work, {
      result,
      kept,
      progress: progress.latest(),
      before: problem.pairs,
      entries: problem.entries.length,
      judges: problem.serving.length,
    });
  } catch (error) {
    await progress.done().catch(() => undefined);
    if (!signal.aborted) await failRun(db, work, error);
  }
}

interface Solved {
  result: AssignmentResult;
  /** The scored pairs the run kept: the solver's shortfalls count without them. */
  kept: JudgeEntryPair[];
  progress: AssignmentProgress;
  /** The standing pairs the run was solved from. */
  before: JudgeEntryPair[];
  entries: number;
  judges: number;
}

/** The solver's shortfalls counted with the kept judges, whom it did not see. */
function summaryOf(solved: Solved, standing: number): AssignmentRunSummary {
  const keptOf = new Map<string, number>();
  for (const pair of solved.kept) keptOf.set(pair.entry, (keptOf.get(pair.entry) ?? 0) + 1);
  const shortfalls = solved.result.shortfalls.map((shortfall) => {
    const keptHere = keptOf.get(shortfall.entry) ?? 0;
    return { ...shortfall, needed: shortfall.needed + keptHere, assigned: shortfall.assigned + keptHere };
  });
  return { entries: solved.entries, judges: solved.judges, pairs: standing, objective: solved.result.objective, shortfalls };
}

const asPair = (pair: queries.StoredPair): JudgeEntryPair => ({ judge: pair.judge_id, entry: pair.registration_id });

/** Whether the standing pairs are still those the run was solved from, and none it gives is conflicted now. */
async function stillValid(trx: Kysely<Database>, run: queries.AssignmentRunRow, solved: Solved, standing: readonly JudgeEntryPair[]) {
  const before = new Set(solved.before.map(pairKey));
  if (standing.length !== before.size || standing.some((pair) => !before.has(pairKey(pair)))) return false;
  const conflicted = new Set((await conflictsOf(trx, run.contest_id)).map((c) => pairKey({ judge: c.judgeId, entry: c.registrationId })));
  return !solved.result.pairs.some((pair) => conflicted.has(pairKey(pair)));
}

const stored = (pairs: readonly JudgeEntryPair[]): queries.StoredPair[] => pairs.map((pair) => ({ judge_id: pair.judge, registration_id: pair.entry }));

/**
 * Stores a solved run, in one transaction under the round's lock (a cancel takes it too, so the run
 * read running stays so until commit). Only what changes is written: the standing pairs the solver
 * did not give again are taken away as the run's (but those a judge has scored, which stay), and
 * the pairs it gives that did not stand are added as the run's; a pair in both stays as it is, so an
 * undo of the run (delete what it added, restore what it took) gives back exactly the assignment
 * before it. Effects: those pairs; the run done with its summary; `assignment.completed` {runId,
 * roundId, pairs, shortfall, digest} (of every pair standing after it). Refused, and the run fails,
 * when the pairs changed while it solved (a release, an undo) or a pair it gives is now conflicted.
 */
async function finishRun(db: Kysely<Database>, work: RunWork, solved: Solved) {
  const { run, actor } = work;
  await db.transaction().execute(async (trx) => {
    await queries.lockRoundAssignment(trx, run.contest_id, run.round_id);
    if ((await queries.runOfRound(trx, run.contest_id, run.round_id, run.id))?.status !== 'running') return;
    const standing = (await queries.currentPairsOfRound(trx, run.contest_id, run.round_id)).map(asPair);
    if (!(await stillValid(trx, run, solved, standing))) throw changedMeanwhile();
    const given = new Set(solved.result.pairs.map(pairKey));
    const stands = new Set(standing.map(pairKey));
    const removed = await queries.removeUnscoredPairs(trx, run.id, run.contest_id, run.round_id, stored(standing.filter((pair) => !given.has(pairKey(pair)))));
    const added = solved.result.pairs.filter((pair) => !stands.has(pairKey(pair)));
    await queries.insertPairs(trx, run.id, run.contest_id, run.round_id, stored(added));
    const gone = new Set(removed.map((pair) => pairKey(asPair(pair))));
    const after = [...standing.filter((pair) => !gone.has(pairKey(pair))), ...added];
    const at = actor.clock.now();
    const summary = summaryOf(solved, after.length);
    await queries.updateRun(trx, run.id, { status: 'done', finished_at: at, progress: JSON.stringify(solved.progress), summary: JSON.stringify(summary) });
    await appendAuditEvent(trx, {
      contestId: run.contest_id,
      actor: actor.accountId,
      type: 'assignment.completed',
      payload: { runId: run.id, roundId: run.round_id, pairs: after.length, shortfall: solved.result.objective.shortfall, digest: pairsDigest(after) },
      at,
    });
  });
}

/** Marks a run that stopped on an error failed, with the error's words. Effects: the run, `assignment.failed`. */
export async function failRun(db: Kysely<Database>, work: Pick<RunWork, 'run' | 'actor'>, error: unknown) {
  const { run, actor } = work;
  const message = error instanceof AppError ? error.localised.en : 'The run stopped on an unexpected error';
  await db.transaction().execute(async (trx) => {
    await queries.lockRoundAssignment(trx, run.contest_id, run.round_id);
    const at = actor.clock.now();
    const summary: AssignmentRunSummary = { entries: 0, judges: 0, pairs: 0, shortfalls: [], error: message };
    const failed = await queries.updateRunningRun(trx, run.id, { status: 'failed', finished_at: at, summary: JSON.stringify(summary) });
    if (failed)
      await appendAuditEvent(trx, {
        contestId: run.contest_id,
        actor: actor.accountId,
        type: 'assignment.failed',
        payload: { runId: run.id, roundId: run.round_id, error: message },
        at,
      });
  });
}
