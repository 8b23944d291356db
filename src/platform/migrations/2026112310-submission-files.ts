import { sql, type Kysely } from 'kysely';

/** Every version of every submitted file, with what the probes found and the checks said. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('submission_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text')
    .addColumn('media_type', 'text')
    .addColumn('facts', 'jsonb')
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('accepted', 'boolean', (c) => c.notNull())
    .addColumn('fingerprint', 'jsonb')
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('upload_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Set when a newer version replaces it or the entrant removes it; the row and bytes are kept.
    .addColumn('superseded_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('submission_files_registration').on('submission_files').columns(['registration_id', 'requirement_id']).execute();
  await db.schema.createIndex('submission_files_contest').on('submission_files').column('contest_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('submission_files').execute();
}
