import { sql, type Kysely } from 'kysely';

/**
 * Vote counts an organiser imports from a vote run outside Leitai (a WeChat page, a partner's site),
 * per vote phase and entry: until Leitai's own public vote counts them, and for contests that keep
 * voting elsewhere, this is where the results engine reads an entry's votes. Each import replaces
 * the phase's counts and is recorded, with its digest, in the audit chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imported_vote_counts')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addColumn('imported_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_vote_counts_pkey', ['contest_id', 'phase_id', 'registration_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imported_vote_counts').execute();
}
