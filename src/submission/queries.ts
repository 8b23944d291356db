import type { Kysely } from 'kysely';
import type { Database, NewSubmissionFile } from '../platform/db-types.ts';

type Db = Kysely<Database>;

export const insertUpload = (db: Db, upload: { id: string; registration_id: string; requirement_id: string; account_id: string; file_name: string; declared_size: number; started_at: Date }) =>
  db.insertInto('uploads').values(upload).execute();

export const uploadById = (db: Db, id: string) => db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();

export const saveHashState = (db: Db, id: string, state: Uint8Array, bytes: number) =>
  db.updateTable('uploads').set({ hash_state: state, hashed_bytes: bytes }).where('id', '=', id).execute();

export const completeUpload = (db: Db, id: string, at: Date, fileId: string) =>
  db.updateTable('uploads').set({ completed_at: at, submission_file_id: fileId }).where('id', '=', id).where('completed_at', 'is', null).executeTakeFirst();

export const currentFilesOf = (db: Db, registrationIds: string[]) =>
  registrationIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('submission_files').selectAll().where('registration_id', 'in', registrationIds).where('superseded_at', 'is', null).orderBy('created_at', 'asc').execute();

export const submissionFileById = (db: Db, id: string) => db.selectFrom('submission_files').selectAll().where('id', '=', id).executeTakeFirst();

export const insertSubmissionFile = (db: Db, file: NewSubmissionFile) => db.insertInto('submission_files').values(file).execute();

export const supersedeFiles = (db: Db, ids: string[], at: Date) =>
  ids.length === 0 ? Promise.resolve() : db.updateTable('submission_files').set({ superseded_at: at }).where('id', 'in', ids).execute();

export const fieldsOf = (db: Db, registrationId: string) => db.selectFrom('submission_fields').selectAll().where('registration_id', '=', registrationId).execute();

export const upsertField = (db: Db, field: { registration_id: string; field_id: string; value: string; updated_by: string; updated_at: Date }) =>
  db
    .insertInto('submission_fields')
    .values(field)
    .onConflict((oc) => oc.columns(['registration_id', 'field_id']).doUpdateSet({ value: field.value, updated_by: field.updated_by, updated_at: field.updated_at }))
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

export const filesByIds = (db: Db, ids: string[]) => (ids.length === 0 ? Promise.resolve([]) : db.selectFrom('submission_files').selectAll().where('id', 'in', ids).execute());

export const fieldOf = (db: Db, registrationId: string, fieldId: string) =>
  db.selectFrom('submission_fields').selectAll().where('registration_id', '=', registrationId).where('field_id', '=', fieldId).executeTakeFirst();

export const contestsWithWorks = async (db: Db) =>
  (
    await db
      .selectFrom('submission_files')
      .select('contest_id')
      .union(db.selectFrom('submission_fields').innerJoin('registrations', 'registrations.id', 'submission_fields.registration_id').select('registrations.contest_id'))
      .execute()
  ).map((r) => r.contest_id);
