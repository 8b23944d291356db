/**
 * The assignment's rows: runs (assignment_runs) and the pairs they add and remove (assignments). A
 * pair stands while removed_by_run is null; undoing a run deletes what it added and gives back what
 * it removed (migrations/2026120100-review.ts).
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { AssignmentRuns, Assignments } from '../../platform/db-generated.ts';
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
