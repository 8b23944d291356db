import { type Kysely } from 'kysely';

/** The text and link fields of an entry's works; earlier values live in the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('submission_fields')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_fields_pk', ['registration_id', 'field_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('submission_fields').execute();
}
