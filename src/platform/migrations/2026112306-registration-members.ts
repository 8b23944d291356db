import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_members')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    // The stable person id: normalised ID number, else phone, else email.
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('leader', 'member', 'advisor')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'invited')`))
    .addPrimaryKeyConstraint('registration_members_pk', ['registration_id', 'person_key', 'role'])
    .execute();
  // "No member in two teams" looks a person up across every registration of a contest.
  await db.schema.createIndex('registration_members_person_key').on('registration_members').column('person_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registration_members').execute();
}
