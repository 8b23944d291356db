import type { Kysely } from 'kysely';
import type { Database, NewContest } from '../platform/db-types.ts';

type Db = Kysely<Database>;

export const contestById = (db: Db, id: string) => db.selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirst();

export const allContests = (db: Db) =>
  db.selectFrom('contests').selectAll().orderBy('edition_of', 'desc').orderBy('created_at', 'asc').orderBy('id', 'asc').execute();

export const insertContest = (db: Db, contest: NewContest) => db.insertInto('contests').values(contest).execute();

export const replaceContestDefinition = (db: Db, id: string, change: { name: string; definition: string; source_yaml: string; updated_at: Date }) =>
  db.updateTable('contests').set(change).where('id', '=', id).execute();
