import { sql, type Kysely } from 'kysely';

/**
 * Demo accounts carry a mark, so a server started without --demo can refuse them: their password
 * is printed in the README. Accounts made by earlier demo starts are the ones on the demo domain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update accounts set is_demo = true where email like '%@leitai.demo'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('is_demo').execute();
}
