import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_roles')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('organiser', 'coordinator', 'participant', 'judge')`))
    // null = every contest (the platform's demo organiser); zone_id is set for zone coordinators.
    .addColumn('contest_id', 'text')
    .addColumn('zone_id', 'text')
    // NULLS NOT DISTINCT (PostgreSQL 15+): granting "organiser of all contests" twice must not
    // give two rows, which a plain unique constraint would allow since null <> null.
    .addUniqueConstraint('account_roles_unique', ['account_id', 'role', 'contest_id', 'zone_id'], (u) => u.nullsNotDistinct())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_roles').execute();
}
