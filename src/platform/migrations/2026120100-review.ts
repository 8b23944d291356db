import { sql, type Kysely } from 'kysely';

/**
 * Expert review: a contest's judges and their invitations, declared conflicts, assignments (each
 * solver run or hand move a version that can be undone), judges' scores (a draft autosaved, then
 * submitted once), and a round's publications (frozen results, each kept; a correction is a new one).
 * Also the notification outbox, where links and reminders wait until notifications are sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('judges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('employer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('school', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expertise', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    .addColumn('rounds', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('covers', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('cap', 'integer', (c) => c.check(sql`cap > 0`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('invited')
        .check(sql`status in ('invited', 'active', 'removed')`),
    )
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('judges_contest').on('judges').columns(['contest_id', 'status']).execute();
  await sql`create unique index judges_contest_account on judges (contest_id, account_id) where account_id is not null and status <> 'removed'`.execute(db);

  await db.schema
    .createTable('judge_invitations')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('judge_id', 'text', (c) => c.notNull().references('judges.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('judge_invitations_judge').on('judge_invitations').column('judge_id').execute();

  await db.schema
    .createTable('judge_list_publications')
    .addColumn('contest_id', 'text', (c) => c.primaryKey().references('contests.id').onDelete('cascade'))
    .addColumn('published_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('judge_declared_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('judge_id', 'text', (c) => c.notNull().references('judges.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('entry', 'organisation', 'person')`))
    .addColumn('registration_id', 'text', (c) => c.references('registrations.id').onDelete('cascade'))
    .addColumn('organisation', 'text')
    .addColumn('person_name', 'text')
    .addColumn('person_identifier', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('declared_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'judge_declared_conflicts_target',
      sql`(kind = 'entry' and registration_id is not null) or (kind = 'organisation' and organisation is not null) or (kind = 'person' and (person_name is not null or person_identifier is not null))`,
    )
    .execute();
  await db.schema.createIndex('judge_declared_conflicts_judge').on('judge_declared_conflicts').columns(['contest_id', 'judge_id']).execute();

  await db.schema
    .createTable('assignment_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('solver', 'hand')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'done', 'cancelled', 'failed', 'undone')`))
    .addColumn('progress', 'jsonb', (c) => c.notNull().defaultTo(sql`'{"routed":0,"total":0}'::jsonb`))
    .addColumn('summary', 'jsonb')
    .addColumn('started_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('undone_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('undone_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('assignment_runs_round').on('assignment_runs').columns(['contest_id', 'round_id', 'started_at']).execute();

  // A pair lives from the run that added it until the run that removed it: undoing a run deletes
  // what it added and restores what it removed, so the assignment before it comes back whole.
  await db.schema
    .createTable('assignments')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('judge_id', 'text', (c) => c.notNull().references('judges.id').onDelete('cascade'))
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('added_by_run', 'text', (c) => c.notNull().references('assignment_runs.id').onDelete('cascade'))
    .addColumn('removed_by_run', 'text', (c) => c.references('assignment_runs.id').onDelete('set null'))
    .execute();
  await sql`create unique index assignments_current on assignments (contest_id, round_id, registration_id, judge_id) where removed_by_run is null`.execute(db);
  await sql`create index assignments_current_judge on assignments (contest_id, round_id, judge_id) where removed_by_run is null`.execute(db);
  await db.schema.createIndex('assignments_added_by').on('assignments').column('added_by_run').execute();
  await db.schema.createIndex('assignments_removed_by').on('assignments').column('removed_by_run').execute();

  await db.schema
    .createTable('scores')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('judge_id', 'text', (c) => c.notNull().references('judges.id').onDelete('cascade'))
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('criteria', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('total', 'double precision')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addPrimaryKeyConstraint('scores_pkey', ['contest_id', 'round_id', 'registration_id', 'judge_id'])
    .execute();
  await db.schema.createIndex('scores_judge').on('scores').columns(['contest_id', 'round_id', 'judge_id']).execute();

  await db.schema
    .createTable('round_publications')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('results', 'jsonb', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('published_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_publications_pkey', ['contest_id', 'round_id', 'version'])
    .execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.references('contests.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_address', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outbox_messages_contest').on('outbox_messages').columns(['contest_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'outbox_messages',
    'round_publications',
    'scores',
    'assignments',
    'assignment_runs',
    'judge_declared_conflicts',
    'judge_list_publications',
    'judge_invitations',
    'judges',
  ])
    await db.schema.dropTable(table).execute();
}
