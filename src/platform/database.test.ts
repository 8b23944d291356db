import { Migrator, sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from './database.ts';
import { migrations } from './migrations/index.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';

const allTables = [
  'account_roles',
  'accounts',
  'assignment_runs',
  'assignments',
  'audit_events',
  'audit_heads',
  'contest_versions',
  'contests',
  'imported_vote_counts',
  'judge_declared_conflicts',
  'judge_invitations',
  'judge_list_publications',
  'judges',
  'outbox_messages',
  'phase_changes',
  'registration_counters',
  'registration_identifiers',
  'registration_members',
  'registration_organisations',
  'registrations',
  'round_publications',
  'round_states',
  'scores',
  'sessions',
  'submission_fields',
  'submission_files',
  'team_invitations',
  'uploads',
  'vote_tallies',
  'voter_codes',
  'voter_sessions',
  'voters',
  'votes',
];

const tablesOf = async (db: Kysely<any>) => {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely\\_%'
    order by tablename`.execute(db);
  return rows.map((r) => r.tablename);
};

describeOnDatabases('the database', (database) => {
  it('has every table after migrating to the latest version', async () => {
    expect(await tablesOf(database.db)).toEqual(allTables);
  });

  it('rolls every migration back and applies them again', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const { error } = await migrator.migrateDown();
      expect(error).toBe(undefined);
    }
    expect(await tablesOf(database.db)).toEqual([]);
    const applied = await migrateToLatest(database.db);
    expect(applied.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((name) => [name, 'Success']));
    expect(await tablesOf(database.db)).toEqual(allTables);
  });

  it('keeps one row when the same all-contest role is granted twice', async () => {
    const db = database.db;
    await db.insertInto('accounts').values({ id: 'a1', email: 'org@example.com', password_hash: 'x', display_name: 'Org' }).execute();
    const grant = () =>
      db
        .insertInto('account_roles')
        .values({ account_id: 'a1', role: 'organiser', contest_id: null, zone_id: null })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await grant();
    await grant();
    const count = await db
      .selectFrom('account_roles')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('reads bigint as a number, jsonb parsed and timestamptz as a Date', async () => {
    const db = database.db;
    await db
      .insertInto('audit_events')
      .values({
        contest_id: 'c1',
        seq: 7,
        at: new Date('2025-09-09T15:59:59.123Z'),
        actor: 'system',
        type: 'test',
        payload: JSON.stringify([{ a: 1 }, '二']),
        prev_hash: '0',
        hash: '1',
      })
      .execute();
    const row = await db.selectFrom('audit_events').selectAll().executeTakeFirstOrThrow();
    expect(row.seq).toBe(7);
    expect(row.payload).toEqual([{ a: 1 }, '二']);
    expect(row.at).toEqual(new Date('2025-09-09T15:59:59.123Z'));
  });

  it('reports how many rows an update changed', async () => {
    const db = database.db;
    await db
      .insertInto('accounts')
      .values([
        { id: 'a1', email: 'one@example.com', password_hash: 'x', display_name: 'One' },
        { id: 'a2', email: 'two@example.com', password_hash: 'x', display_name: 'Two' },
      ])
      .execute();
    const result = await db.updateTable('accounts').set({ display_name: 'Renamed' }).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(2n);
  });

  it('runs concurrent transactions one after the other without mixing their statements', async () => {
    const db = database.db;
    const insertTwice = (id: string) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('accounts')
          .values({ id, email: `${id}@example.com`, password_hash: 'x', display_name: id })
          .execute();
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (id === 'bad') throw new Error('roll me back');
      });
    const outcomes = await Promise.allSettled([insertTwice('good1'), insertTwice('bad'), insertTwice('good2')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = await db.selectFrom('accounts').select('id').orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['good1', 'good2']);
  });
});
