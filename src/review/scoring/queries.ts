/**
 * Scoring's rows: the judges' scores (one per round, entry and judge; a draft until submitted), and
 * what the judge's pages read of a judge and of the entries they score.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Scores } from '../../platform/db-generated.ts';
import type { Executor } from '../../platform/transaction.ts';

export type ScoreRow = Selectable<Scores>;
export type NewScore = Insertable<Scores>;

/** The account's active judge row in the contest (at most one: a unique index). */
export const activeJudgeOfAccount = (db: Executor, contestId: string, accountId: string) =>
  db
    .selectFrom('judges')
    .select(['id', 'name', 'rounds'])
    .where('contest_id', '=', contestId)
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .executeTakeFirst();

/** The contest's judges by id, with what a reminder needs. */
export const judgesOfContest = (db: Executor, contestId: string) =>
  db
    .selectFrom('judges')
    .select(['id', 'name', 'email', 'phone', 'status', 'rounds'])
    .where('contest_id', '=', contestId)
    .orderBy('name')
    .orderBy('id')
    .execute();

/** The registrations a judge's pages show: what the judge may read of each (the presenter decides how much). */
export const entriesForJudge = (db: Executor, contestId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('registrations')
        .select(['id', 'ref', 'title', 'track_id', 'group_id', 'category_id', 'topic_id', 'zone_id', 'entrant_kind', 'entrant'])
        .where('contest_id', '=', contestId)
        .where('id', 'in', ids)
        .orderBy('ref')
        .execute();

export type JudgedEntryRow = Awaited<ReturnType<typeof entriesForJudge>>[number];

export const scoreOf = (db: Executor, contestId: string, roundId: string, registrationId: string, judgeId: string) =>
  db
    .selectFrom('scores')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .where('registration_id', '=', registrationId)
    .where('judge_id', '=', judgeId)
    .executeTakeFirst();

/** The judge's scores in the round, or every round when none is given. */
export const scoresOfJudge = (db: Executor, contestId: string, judgeId: string, roundId?: string) => {
  let query = db.selectFrom('scores').selectAll().where('contest_id', '=', contestId).where('judge_id', '=', judgeId);
  if (roundId) query = query.where('round_id', '=', roundId);
  return query.execute();
};

/**
 * The round's submitted scores, each with whether its pair still stands: a judge taken off an entry
 * after scoring it (a conflict declared later) no longer has the pair, and that score must not count.
 */
export const submittedScoresOfRound = (db: Executor, contestId: string, roundId: string) =>
  db
    .selectFrom('scores as s')
    .leftJoin('assignments as a', (join) =>
      join
        .onRef('a.contest_id', '=', 's.contest_id')
        .onRef('a.round_id', '=', 's.round_id')
        .onRef('a.registration_id', '=', 's.registration_id')
        .onRef('a.judge_id', '=', 's.judge_id')
        .on('a.removed_by_run', 'is', null),
    )
    // A total given directly needs no criteria: not reading them saves parsing half a million
    // empty JSON objects in a round of 100,000 entries.
    .select(['s.judge_id', 's.registration_id', 's.total'])
    .select((eb) => eb.case().when('s.total', 'is', null).then(eb.ref('s.criteria')).end().as('criteria'))
    .select((eb) => eb('a.judge_id', 'is not', null).as('standing'))
    .where('s.contest_id', '=', contestId)
    .where('s.round_id', '=', roundId)
    .where('s.status', '=', 'submitted')
    .orderBy('s.registration_id')
    .orderBy('s.judge_id')
    .execute();

/** A score's place in the contest's key order: round, entry, judge. */
export type ScoreKey = [roundId: string, registrationId: string, judgeId: string];

/** The contest's submitted scores after `after` in key order, with the entry's reference and the judge's name to name them by. */
export const submittedScoresPage = (db: Executor, contestId: string, after: ScoreKey | undefined, limit: number) =>
  db
    .selectFrom('scores as s')
    .innerJoin('registrations as r', 'r.id', 's.registration_id')
    .innerJoin('judges as j', 'j.id', 's.judge_id')
    .selectAll('s')
    .select(['r.ref', 'j.name as judge_name'])
    .where('s.contest_id', '=', contestId)
    .where('s.status', '=', 'submitted')
    .$if(after !== undefined, (q) => q.where((eb) => eb(eb.refTuple('s.round_id', 's.registration_id', 's.judge_id'), '>', eb.tuple(...after!))))
    .orderBy('s.round_id')
    .orderBy('s.registration_id')
    .orderBy('s.judge_id')
    .limit(limit)
    .execute();

export const scoresOfRound = (db: Executor, contestId: string, roundId: string, status?: ScoreRow['status']) => {
  let query = db
    .selectFrom('scores')
    .select(['judge_id', 'registration_id', 'criteria', 'total', 'status'])
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId);
  if (status) query = query.where('status', '=', status);
  return query.orderBy('registration_id').orderBy('judge_id').execute();
};

/**
 * Writes the draft, or the submission, unless the score is already submitted: one statement, so an
 * autosave racing a submit never turns a submitted score back into a draft. Undefined when refused.
 */
export const saveUnlessSubmitted = (db: Executor, row: NewScore) =>
  db
    .insertInto('scores')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['contest_id', 'round_id', 'registration_id', 'judge_id'])
        .doUpdateSet({
          criteria: row.criteria,
          total: row.total,
          comment: row.comment,
          status: row.status,
          definition_version: row.definition_version,
          saved_at: row.saved_at,
          submitted_at: row.submitted_at,
        })
        .where('scores.status', '=', 'draft'),
    )
    .returningAll()
    .executeTakeFirst();

/** A submitted score back to a draft; undefined when there is no submitted score. */
export const reopenSubmitted = (db: Executor, contestId: string, roundId: string, registrationId: string, judgeId: string, at: Date) =>
  db
    .updateTable('scores')
    .set({ status: 'draft', submitted_at: null, saved_at: at })
    .where('contest_id', '=', contestId)
    .where('round_id', '=', roundId)
    .where('registration_id', '=', registrationId)
    .where('judge_id', '=', judgeId)
    .where('status', '=', 'submitted')
    .returningAll()
    .executeTakeFirst();
