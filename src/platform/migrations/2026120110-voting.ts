import { sql, type Kysely } from 'kysely';

/**
 * Public voting: voters proven by an SMS code to a mainland mobile number, their sessions, and the
 * votes, each kept with what the fraud signals read (address, subnet, device) and its standing:
 * counted, held apart until the organiser decides (with the reasons it was held), or rejected.
 * vote_tallies keeps each entry's counted votes per vote phase, moved in the same transaction as
 * the votes a group commit writes, so counts are read without counting rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('voters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('voter_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('voter_codes_phone').on('voter_codes').columns(['phone', 'created_at']).execute();

  await db.schema
    .createTable('voter_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voter_id', 'text', (c) => c.notNull().references('voters.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('votes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('division_id', 'text', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull().references('voters.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('cast_at', 'timestamptz', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('subnet', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('counted', 'held', 'rejected')`))
    .addColumn('hold_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('votes_voter_idempotency', ['voter_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('votes_voter_day').on('votes').columns(['contest_id', 'phase_id', 'voter_id', 'cast_at']).execute();
  await db.schema.createIndex('votes_entry_time').on('votes').columns(['contest_id', 'phase_id', 'registration_id', 'cast_at']).execute();
  await sql`create index votes_held on votes (contest_id, phase_id, cast_at) where status = 'held'`.execute(db);

  await db.schema
    .createTable('vote_tallies')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('counted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('vote_tallies_pkey', ['contest_id', 'phase_id', 'registration_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['vote_tallies', 'votes', 'voter_sessions', 'voter_codes', 'voters']) await db.schema.dropTable(table).execute();
}
