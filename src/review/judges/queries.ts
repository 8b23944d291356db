/** Every SQL statement of judges, their invitations and the published list. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../../platform/db-types.ts';
import type { Executor } from '../../platform/transaction.ts';

export type JudgeRow = Selectable<Database['judges']>;
export type JudgeUpdate = Updateable<Database['judges']>;
export type JudgeInvitationRow = Selectable<Database['judge_invitations']>;

export const insertJudge = (db: Executor, row: Insertable<Database['judges']>) => db.insertInto('judges').values(row).execute();

export const judgeById = (db: Executor, contestId: string, judgeId: string) =>
  db.selectFrom('judges').selectAll().where('contest_id', '=', contestId).where('id', '=', judgeId).executeTakeFirst();

/** The judge an invitation is for, whichever contest: the link names no contest. */
export const judgeOfInvitation = (db: Executor, judgeId: string) => db.selectFrom('judges').selectAll().where('id', '=', judgeId).executeTakeFirstOrThrow();

/** The judge row, locked until the transaction ends: every change of one judge takes it. */
export const lockJudge = (db: Executor, contestId: string, judgeId: string) =>
  db.selectFrom('judges').selectAll().where('contest_id', '=', contestId).where('id', '=', judgeId).forUpdate().executeTakeFirst();

/** Invited and active judges (removed ones stay only for the record), in the order they were invited. */
export const currentJudgesOf = (db: Executor, contestId: string, judgeIds?: string[]) =>
  db
    .selectFrom('judges')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('status', '<>', 'removed')
    .$if(judgeIds !== undefined, (q) => q.where('id', 'in', judgeIds!.length > 0 ? judgeIds! : ['']))
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Contests that have judges: the chains whose judges `audit verify` checks. */
export const contestsWithJudges = async (db: Executor) => (await db.selectFrom('judges').select('contest_id').distinct().execute()).map((r) => r.contest_id);

export const judgesOf = (db: Executor, contestId: string) =>
  db.selectFrom('judges').selectAll().where('contest_id', '=', contestId).orderBy('created_at').orderBy('id').execute();

/** The account's judge row in the contest that is not removed (at most one: a unique index). */
export const judgeOfAccount = (db: Executor, contestId: string, accountId: string) =>
  db
    .selectFrom('judges')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('account_id', '=', accountId)
    .where('status', '<>', 'removed')
    .executeTakeFirst();

export const updateJudge = (db: Executor, judgeId: string, change: JudgeUpdate) =>
  db.updateTable('judges').set(change).where('id', '=', judgeId).returningAll().executeTakeFirstOrThrow();

export const insertInvitation = (db: Executor, row: Insertable<Database['judge_invitations']>) => db.insertInto('judge_invitations').values(row).execute();

/** The invitation and its judge, the invitation locked: two accepts of one link run one after the other. */
export const lockInvitation = (db: Executor, codeHash: string) =>
  db.selectFrom('judge_invitations').selectAll().where('code_hash', '=', codeHash).forUpdate().executeTakeFirst();

export const invitationByHash = (db: Executor, codeHash: string) =>
  db
    .selectFrom('judge_invitations')
    .innerJoin('judges', 'judges.id', 'judge_invitations.judge_id')
    .selectAll('judge_invitations')
    .select(['judges.contest_id', 'judges.name'])
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();

export const markInvitationAccepted = (db: Executor, codeHash: string, accountId: string, at: Date) =>
  db.updateTable('judge_invitations').set({ accepted_by: accountId, accepted_at: at }).where('code_hash', '=', codeHash).execute();

/** Revokes the judge's unused invitations; returns how many it revoked. */
export const revokeOpenInvitations = async (db: Executor, judgeId: string, at: Date) =>
  (
    await db
      .updateTable('judge_invitations')
      .set({ revoked_at: at })
      .where('judge_id', '=', judgeId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('code_hash')
      .execute()
  ).length;

export const listPublication = (db: Executor, contestId: string) =>
  db.selectFrom('judge_list_publications').selectAll().where('contest_id', '=', contestId).executeTakeFirst();

export const savePublication = (db: Executor, row: Selectable<Database['judge_list_publications']>) =>
  db
    .insertInto('judge_list_publications')
    .values(row)
    .onConflict((oc) => oc.column('contest_id').doUpdateSet({ published_by: row.published_by, published_at: row.published_at }))
    .execute();

export const deletePublication = async (db: Executor, contestId: string) =>
  (await db.deleteFrom('judge_list_publications').where('contest_id', '=', contestId).executeTakeFirst()).numDeletedRows > 0n;

/** The rounds in which the judge has submitted scores, for the refusal of removing them. */
export const roundsWithSubmittedScores = async (db: Executor, contestId: string, judgeId: string) =>
  (
    await db
      .selectFrom('scores')
      .select('round_id')
      .distinct()
      .where('contest_id', '=', contestId)
      .where('judge_id', '=', judgeId)
      .where('status', '=', 'submitted')
      .orderBy('round_id')
      .execute()
  ).map((r) => r.round_id);
