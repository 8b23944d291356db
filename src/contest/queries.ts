import type { Kysely } from 'kysely';
import type { Database, NewContest, NewContestVersion } from '../platform/db-types.ts';

type Db = Kysely<Database>;

/**
 * A contest with its version in force: the identity row joined to that one version's SHA-256 and
 * format. The definition itself is fetched (contestVersion) only when this process has not parsed it yet.
 */
const withCurrentVersion = (db: Db) =>
  db
    .selectFrom('contests')
    .innerJoin('contest_versions', (join) =>
      join.onRef('contest_versions.contest_id', '=', 'contests.id').onRef('contest_versions.version', '=', 'contests.current_version'),
    )
    .select([
      'contests.id',
      'contests.name',
      'contests.edition_of',
      'contests.is_demo',
      'contests.source_file',
      'contests.created_at',
      'contests.current_version',
      'contest_versions.sha256',
      'contest_versions.format_version',
    ]);

export type CurrentContestRow = NonNullable<Awaited<ReturnType<typeof contestById>>>;

export const contestById = (db: Db, id: string) => withCurrentVersion(db).where('contests.id', '=', id).executeTakeFirst();

export const allContests = (db: Db) =>
  withCurrentVersion(db).orderBy('contests.edition_of', 'desc').orderBy('contests.created_at', 'asc').orderBy('contests.id', 'asc').execute();

export const contestExists = async (db: Db, id: string) => Boolean(await db.selectFrom('contests').select('id').where('id', '=', id).executeTakeFirst());

export const contestVersion = (db: Db, contestId: string, version: number) =>
  db.selectFrom('contest_versions').selectAll().where('contest_id', '=', contestId).where('version', '=', version).executeTakeFirst();

export const versionsOfContest = (db: Db, contestId: string) =>
  db
    .selectFrom('contest_versions')
    .select(['version', 'sha256', 'format_version', 'published_at', 'published_by'])
    .where('contest_id', '=', contestId)
    .orderBy('version')
    .execute();

export const insertContest = (db: Db, contest: NewContest) => db.insertInto('contests').values(contest).execute();

export const insertContestVersion = (db: Db, version: NewContestVersion) => db.insertInto('contest_versions').values(version).execute();

export const setCurrentVersion = (db: Db, id: string, change: { name: string; current_version: number; updated_at: Date }) =>
  db.updateTable('contests').set(change).where('id', '=', id).execute();

/** The editions copied from a contest directly. */
export const editionsCopiedFrom = (db: Db, id: string) => db.selectFrom('contests').select('id').where('edition_of', '=', id).execute();

/**
 * Removes a contest and its versions; its schedule changes and reference counter go with it (on
 * delete cascade). Its audit chain stays: the log is never rewritten.
 */
export async function deleteContest(db: Db, id: string) {
  await db.deleteFrom('contest_versions').where('contest_id', '=', id).execute();
  await db.deleteFrom('contests').where('id', '=', id).execute();
}

/** Serialises publishing per contest, so two publishers cannot both append version n+1. */
export const lockContest = (db: Db, id: string) => db.selectFrom('contests').select('id').where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * Every contest in the edition chains through this one: the contest it descends from by edition_of
 * up to the first, and each edition copied from any of them down to the newest, with their creation times.
 */
export const editionFamily = async (db: Db, id: string) => {
  const root = await db
    .withRecursive('up(id, edition_of)', (qb) =>
      qb
        .selectFrom('contests')
        .select(['id', 'edition_of'])
        .where('id', '=', id)
        .union((qb2) => qb2.selectFrom('contests').innerJoin('up', 'up.edition_of', 'contests.id').select(['contests.id', 'contests.edition_of'])),
    )
    .selectFrom('up')
    .select('id')
    .where('edition_of', 'is', null)
    .executeTakeFirst();
  return db
    .withRecursive('down(id)', (qb) =>
      qb
        .selectFrom('contests')
        .select('id')
        .where('id', '=', root?.id ?? id)
        .union((qb2) => qb2.selectFrom('contests').innerJoin('down', 'down.id', 'contests.edition_of').select('contests.id')),
    )
    .selectFrom('down')
    .innerJoin('contests', 'contests.id', 'down.id')
    .select(['contests.id', 'contests.edition_of', 'contests.created_at'])
    .execute();
};
