/** Every SQL statement of declared conflicts. */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../platform/db-types.ts';
import type { Executor } from '../../platform/transaction.ts';

export type DeclaredConflictRow = Selectable<Database['judge_declared_conflicts']>;

export const insertDeclaredConflict = (db: Executor, row: Insertable<Database['judge_declared_conflicts']>) =>
  db.insertInto('judge_declared_conflicts').values(row).returningAll().executeTakeFirstOrThrow();

/** The contest's declarations, of the judges named or of all, oldest first. */
export const declaredConflictsOf = (db: Executor, contestId: string, judgeIds?: readonly string[]) =>
  db
    .selectFrom('judge_declared_conflicts')
    .selectAll()
    .where('contest_id', '=', contestId)
    .$if(judgeIds !== undefined, (q) => q.where('judge_id', 'in', judgeIds!.length > 0 ? judgeIds! : ['']))
    .orderBy('declared_at')
    .orderBy('id')
    .execute();

export const deleteDeclaredConflict = (db: Executor, contestId: string, judgeId: string, id: string) =>
  db
    .deleteFrom('judge_declared_conflicts')
    .where('contest_id', '=', contestId)
    .where('judge_id', '=', judgeId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
