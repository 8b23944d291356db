/**
 * The assignment's rows: runs (assignment_runs) and the pairs they add and remove (assignments). A
 * pair stands while removed_by_run is null; undoing a run deletes what it added and gives back what
 * it removed (migrations/2026120100-review.ts).
 */
import { sql, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AssignmentRuns, Assignments } from '../../platform/db-generated.ts';
import type { Database } from '../../platform/db-types.ts';
import type { Executor } from '../../platform/transaction.ts';

export type AssignmentRunRow = Selectable<AssignmentRuns>;
export type NewAssignmentRun = Insertable<AssignmentRuns>;
export type AssignmentRow = Selectable<Assignments>;

export interface StoredPair {
  judge_id: string;
  registration_id: string;
}

/**
 * Serialises the changes to one round's assignment (a run's finish, a move, an undo, a release)
 * until the transaction ends, so each reads the pairs as the one before it left them.
 */
export const lockRoundAssignment = (db: Executor, contestId: string, roundId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`assignment:${contestId}:${roundId}`}))`.execute(db);

export const insertRun = (db: Executor, row: NewAssignmentRun) => db.insertInto('assignment_runs').values(row).returningAll().executeTakeFirstOrThrow();

export const updateRun = (db: Executor, runId: string, change: Updateable<AssignmentRuns>) =>
  db.updateTable('assignment_runs').set(change).where('id', '=', runId).returningAll().executeTakeFirstOrThrow();

/** The judge's standing pairs with these entries, in every round. */
export const currentPairsOfJudge = (db: Executor, contestId: string, judgeId: string, registrationIds: readonly string[]) =>
  db
    .selectFrom('assignments')
    .select(['round_id', 'registration_id'])
    .where('contest_id', '=', contestId)
    .where('judge_id', '=', judgeId)
    .where('registration_id', 'in', registrationIds)
    .where('removed_by_run', 'is', null)
    .orderBy('round_id')
    .orderBy('registration_id')
    .execute();

/** Takes the judge's standing pairs with these entries in the round away, as the run's doing. */
export const removeJudgePairs = (db: Executor, runId: string, contestId: string, roundId: string, judgeId: string, registrationIds: readonly string[]) =>
  db
    .updateTable('assignments')
    .set({ removed_by_run: runId })
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .where('judge_id', '=', judgeId)
    .where('registration_id', 'in', registrationIds)
    .where('removed_by_run', 'is', null)
    .execute();

/** The results of the round's latest publication (a correction is a later version), if any. */
export const latestPublishedResults = async (db: Executor, contestId: string, roundId: string) =>
  (
    await db
      .selectFrom('round_publications')
      .select('results')
      .where('contest_id', '=', contestId)
      .where('round_id', '=', roundId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.results;

/**
 * The start a new run of the round records: now, or a millisecond after the round's latest run when
 * that is not before now, so the runs of a round are strictly ordered (undo takes the newest) even
 * when two start in one millisecond or under a test's fixed clock.
 */
export const nextRunStart = async (db: Executor, contestId: string, roundId: string, now: Date) => {
  const latest = await db
    .selectFrom('assignment_runs')
    .select((eb) => eb.fn.max('started_at').as('latest'))
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  const after = latest?.latest ? new Date(latest.latest).getTime() + 1 : -Infinity;
  return new Date(Math.max(now.getTime(), after));
};

export const runOfRound = (db: Executor, contestId: string, roundId: string, runId: string) =>
  db.selectFrom('assignment_runs').selectAll().where('contest_id', '=', contestId).where('round_id', '=', roundId).where('id', '=', runId).executeTakeFirst();

/** The round's runs, newest first. */
export const runsOfRound = (db: Executor, contestId: string, roundId: string, limit: number) =>
  db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();

export const runningRunsOfRound = (db: Executor, contestId: string, roundId: string) =>
  db.selectFrom('assignment_runs').selectAll().where('contest_id', '=', contestId).where('round_id', '=', roundId).where('status', '=', 'running').execute();

/** The round's newest done run of the kind (any kind when none given): what undo takes back, or whose shortfalls the board shows. */
export const newestDoneRun = (db: Executor, contestId: string, roundId: string, kind?: AssignmentRunRow['kind']) =>
  db
    .selectFrom('assignment_runs')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .where('status', '=', 'done')
    .$if(kind !== undefined, (query) => query.where('kind', '=', kind!))
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();

/** Moves a running run on; undefined when it is no longer running (cancelled, failed or finished meanwhile). */
export const updateRunningRun = (db: Executor, runId: string, change: Updateable<AssignmentRuns>) =>
  db.updateTable('assignment_runs').set(change).where('id', '=', runId).where('status', '=', 'running').returningAll().executeTakeFirst();

export const currentPairsOfRound = (db: Executor, contestId: string, roundId: string): Promise<StoredPair[]> =>
  db
    .selectFrom('assignments')
    .select(['judge_id', 'registration_id'])
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .where('removed_by_run', 'is', null)
    .execute();

export const isPairCurrent = async (db: Executor, contestId: string, roundId: string, pair: StoredPair) =>
  (await db
    .selectFrom('assignments')
    .select('judge_id')
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .where('judge_id', '=', pair.judge_id)
    .where('registration_id', '=', pair.registration_id)
    .where('removed_by_run', 'is', null)
    .executeTakeFirst()) !== undefined;

/** The judges' scores of the round, draft or submitted: a pair with one is kept by a new run and never moved. */
export const scoresOfRound = (db: Executor, contestId: string, roundId: string) =>
  db.selectFrom('scores').select(['judge_id', 'registration_id', 'status']).where('contest_id', '=', contestId).where('round_id', '=', roundId).execute();

/** A pair's score exists, draft or submitted (inside a statement on assignments). */
const hasScore = (eb: ExpressionBuilder<Database, 'assignments'>) =>
  eb.exists(
    eb
      .selectFrom('scores')
      .select('scores.judge_id')
      .whereRef('scores.contest_id', '=', 'assignments.contest_id')
      .whereRef('scores.round_id', '=', 'assignments.round_id')
      .whereRef('scores.judge_id', '=', 'assignments.judge_id')
      .whereRef('scores.registration_id', '=', 'assignments.registration_id'),
  );

/**
 * Takes these standing pairs of the round away as the run's doing, but any a judge has scored (a
 * draft or submitted score keeps its pair); returns the pairs taken away.
 */
export const removeUnscoredPairs = (db: Executor, runId: string, contestId: string, roundId: string, pairs: readonly StoredPair[]): Promise<StoredPair[]> =>
  pairs.length === 0
    ? Promise.resolve([])
    : db
        .updateTable('assignments')
        .from(
          sql<StoredPair>`unnest(${pairs.map((pair) => pair.judge_id)}::text[], ${pairs.map((pair) => pair.registration_id)}::text[])`.as<'pair'>(
            sql`pair(judge_id, registration_id)`,
          ),
        )
        .set({ removed_by_run: runId })
        .where('assignments.contest_id', '=', contestId)
        .where('assignments.round_id', '=', roundId)
        .whereRef('assignments.judge_id', '=', 'pair.judge_id')
        .whereRef('assignments.registration_id', '=', 'pair.registration_id')
        .where('assignments.removed_by_run', 'is', null)
        .where((eb) => eb.not(hasScore(eb)))
        .returning(['assignments.judge_id', 'assignments.registration_id'])
        .execute();

/** Pairs a statement: two arrays of this many ids are a few megabytes of parameters. */
const pairsPerInsert = 50_000;

/**
 * Adds the pairs as the run's. The pairs travel as two arrays (judges, entries) unnested in one
 * statement: a multi-row VALUES of 30,000 pairs binds 150,000 parameters, which on PGlite cost more
 * than the rows' index entries and key checks (bench/assignment-store.ts).
 */
export async function insertPairs(db: Executor, runId: string, contestId: string, roundId: string, pairs: readonly StoredPair[]) {
  for (let start = 0; start < pairs.length; start += pairsPerInsert) {
    const chunk = pairs.slice(start, start + pairsPerInsert);
    await sql`
      insert into assignments (contest_id, round_id, judge_id, registration_id, added_by_run)
      select ${contestId}, ${roundId}, judge_id, registration_id, ${runId}
      from unnest(${chunk.map((pair) => pair.judge_id)}::text[], ${chunk.map((pair) => pair.registration_id)}::text[]) as pair(judge_id, registration_id)`.execute(
      db,
    );
  }
}

/** Whether any pair the run added has a score: undoing it would take a judge's work away. */
export const addedPairsScored = async (db: Executor, runId: string) =>
  (await db.selectFrom('assignments').select('judge_id').where('added_by_run', '=', runId).where(hasScore).limit(1).executeTakeFirst()) !== undefined;

export const pairsRemovedBy = (db: Executor, runId: string): Promise<StoredPair[]> =>
  db.selectFrom('assignments').select(['judge_id', 'registration_id']).where('removed_by_run', '=', runId).execute();

/** Undoes the run's pairs: what it added goes, what it took away stands again. */
export async function revertPairsOf(db: Executor, runId: string) {
  await db.deleteFrom('assignments').where('added_by_run', '=', runId).execute();
  await db.updateTable('assignments').set({ removed_by_run: null }).where('removed_by_run', '=', runId).execute();
}

/** The contest's judges with what assignment reads of them (the profile's other fields are the judges feature's). */
export const judgesForAssignment = (db: Executor, contestId: string) =>
  db
    .selectFrom('judges')
    .select(['id', 'name', 'status', 'rounds', 'covers', 'cap', 'expertise'])
    .where('contest_id', '=', contestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
