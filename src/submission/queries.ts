import { sql, type Kysely } from 'kysely';
import type { Database, NewSubmissionFile } from '../platform/db-types.ts';

type Db = Kysely<Database>;

export const insertUpload = (
  db: Db,
  upload: { id: string; registration_id: string; requirement_id: string; account_id: string; file_name: string; declared_size: number; started_at: Date },
) => db.insertInto('uploads').values(upload).execute();

export const uploadById = (db: Db, id: string) => db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();

export const saveHashState = (db: Db, id: string, state: Uint8Array, bytes: number) =>
  db.updateTable('uploads').set({ hash_state: state, hashed_bytes: bytes }).where('id', '=', id).execute();

export const completeUpload = (db: Db, id: string, at: Date, fileId: string) =>
  db.updateTable('uploads').set({ completed_at: at, submission_file_id: fileId }).where('id', '=', id).where('completed_at', 'is', null).executeTakeFirst();

export const currentFilesOf = (db: Db, registrationIds: string[]) =>
  registrationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('submission_files')
        .selectAll()
        .where('registration_id', 'in', registrationIds)
        .where('superseded_at', 'is', null)
        .orderBy('created_at', 'asc')
        .execute();

export const submissionFileById = (db: Db, id: string) => db.selectFrom('submission_files').selectAll().where('id', '=', id).executeTakeFirst();

export const insertSubmissionFile = (db: Db, file: NewSubmissionFile) => db.insertInto('submission_files').values(file).execute();

export const supersedeFiles = (db: Db, ids: string[], at: Date) =>
  ids.length === 0 ? Promise.resolve() : db.updateTable('submission_files').set({ superseded_at: at }).where('id', 'in', ids).execute();

export const fieldsOf = (db: Db, registrationId: string) =>
  db.selectFrom('submission_fields').selectAll().where('registration_id', '=', registrationId).execute();

export const upsertField = (db: Db, field: { registration_id: string; field_id: string; value: string; updated_by: string; updated_at: Date }) =>
  db
    .insertInto('submission_fields')
    .values(field)
    .onConflict((oc) =>
      oc.columns(['registration_id', 'field_id']).doUpdateSet({ value: field.value, updated_by: field.updated_by, updated_at: field.updated_at }),
    )
    .execute();

export const currentFilesOfContest = (db: Db, contestId: string) =>
  db.selectFrom('submission_files').selectAll().where('contest_id', '=', contestId).where('superseded_at', 'is', null).where('accepted', '=', true).execute();

export const fieldsOfContest = (db: Db, contestId: string) =>
  db
    .selectFrom('submission_fields')
    .innerJoin('registrations', 'registrations.id', 'submission_fields.registration_id')
    .select(['submission_fields.registration_id', 'submission_fields.field_id', 'submission_fields.value'])
    .where('registrations.contest_id', '=', contestId)
    .execute();

/** For the audit state check: every version of the files of one contest, superseded ones too, in id order after `afterId`. */
export const filesPageOfContest = (db: Db, contestId: string, afterId: string, limit: number) =>
  db.selectFrom('submission_files').selectAll().where('contest_id', '=', contestId).where('id', '>', afterId).orderBy('id').limit(limit).execute();

export const filesByIds = (db: Db, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('submission_files').selectAll().where('id', 'in', ids).execute();

export const fieldOf = (db: Db, registrationId: string, fieldId: string) =>
  db.selectFrom('submission_fields').selectAll().where('registration_id', '=', registrationId).where('field_id', '=', fieldId).executeTakeFirst();

export const contestsWithWorks = async (db: Db) =>
  (
    await db
      .selectFrom('submission_files')
      .select('contest_id')
      .union(
        db
          .selectFrom('submission_fields')
          .innerJoin('registrations', 'registrations.id', 'submission_fields.registration_id')
          .select('registrations.contest_id'),
      )
      .execute()
  ).map((r) => r.contest_id);

/** Serialises the uploads begun for one entry, for the rest of the transaction. */
export const lockEntryStorage = (db: Db, registrationId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`entry_storage:${registrationId}`}))`.execute(db);

/** The bytes an entry holds against its quota: every accepted version, and the unfinished uploads begun since `expiredBefore`. */
export const storedBytesOf = async (db: Db, registrationId: string, expiredBefore: Date) => {
  const files = db
    .selectFrom('submission_files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), sql<number>`0`).as('bytes'))
    .where('registration_id', '=', registrationId)
    .where('accepted', '=', true);
  const pending = db
    .selectFrom('uploads')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('declared_size'), sql<number>`0`).as('bytes'))
    .where('registration_id', '=', registrationId)
    .where('completed_at', 'is', null)
    .where('started_at', '>=', expiredBefore);
  return Number((await files.executeTakeFirstOrThrow()).bytes) + Number((await pending.executeTakeFirstOrThrow()).bytes);
};

export const expiredUploads = (db: Db, expiredBefore: Date, afterId: string, limit: number) =>
  db
    .selectFrom('uploads')
    .select(['id', 'declared_size'])
    .where('completed_at', 'is', null)
    .where('started_at', '<', expiredBefore)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

export const deleteUnfinishedUpload = (db: Db, id: string) => db.deleteFrom('uploads').where('id', '=', id).where('completed_at', 'is', null).execute();

export const refusedFilesToPurge = (db: Db, receivedBefore: Date, afterId: string, limit: number) =>
  db
    .selectFrom('submission_files')
    .select(['id', 'contest_id', 'registration_id', 'storage_key', 'size', 'sha256'])
    .where('accepted', '=', false)
    .where('bytes_purged_at', 'is', null)
    .where('created_at', '<', receivedBefore)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

export const markBytesPurged = (db: Db, id: string, at: Date) => db.updateTable('submission_files').set({ bytes_purged_at: at }).where('id', '=', id).execute();
