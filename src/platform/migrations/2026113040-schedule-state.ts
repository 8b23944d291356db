import { sql, type Kysely } from 'kysely';

/**
 * The schedule as it stands, beside the definition's plan: a phase the organiser extended or
 * closed early carries its new end (one row per changed phase, the latest change), and a review
 * round's state (no row: open). Each change's history is in the audit chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('phase_changes')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('extended', 'closed_early')`))
    // The first instant outside the window: windows are half-open, as in contest/time.ts.
    .addColumn('end_exclusive', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('phase_changes_pkey', ['contest_id', 'phase_id'])
    .execute();
  await db.schema
    .createTable('round_states')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed', 'published')`))
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_states_pkey', ['contest_id', 'round_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('round_states').execute();
  await db.schema.dropTable('phase_changes').execute();
}
