import { sql, type Kysely } from 'kysely';

/** A resumable (tus) upload in progress: who started it, when, and the SHA-256 state so far. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('declared_size', 'bigint', (c) => c.notNull())
    // When the upload began: a deadline that passes during an upload begun in time is honoured from this.
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    // hash-wasm's saved SHA-256 state after `hashed_bytes` bytes, so hashing resumes with the upload.
    .addColumn('hash_state', 'bytea')
    .addColumn('hashed_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('submission_file_id', 'text')
    .execute();
  await db.schema.createIndex('uploads_registration').on('uploads').column('registration_id').execute();
  await sql`comment on table uploads is 'tus uploads; the bytes live in the upload store under the same id'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('uploads').execute();
}
