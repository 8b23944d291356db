import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('entrant_kind', 'text', (c) => c.notNull().check(sql`entrant_kind in ('individual', 'team', 'organisation')`))
    .addColumn('track_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('category_id', 'text')
    .addColumn('topic_id', 'text')
    .addColumn('zone_id', 'text')
    .addColumn('owner_account_id', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'withdrawn')`))
    .addColumn('entrant', 'jsonb', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .addUniqueConstraint('registrations_contest_ref', ['contest_id', 'ref'])
    .execute();
  await db.schema.createIndex('registrations_contest_track').on('registrations').columns(['contest_id', 'track_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registrations').execute();
}
