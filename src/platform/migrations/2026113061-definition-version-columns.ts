import { sql, type Kysely } from 'kysely';

/**
 * Registrations and submitted files record the definition version their checks ran under. Those
 * made before versions existed ran under what became version 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['registrations', 'submission_files']) {
    await db.schema.alterTable(table).addColumn('definition_version', 'integer').execute();
    await sql`update ${sql.table(table)} set definition_version = 1`.execute(db);
    await db.schema
      .alterTable(table)
      .alterColumn('definition_version', (c) => c.setNotNull())
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['registrations', 'submission_files']) await db.schema.alterTable(table).dropColumn('definition_version').execute();
}
