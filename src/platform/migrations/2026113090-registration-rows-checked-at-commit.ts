import { sql, type Kysely } from 'kysely';

/**
 * The rows that belong to a registration (its members and key rows) may be written before the
 * registration itself within one transaction: their foreign keys are checked at commit. A new
 * registration then takes its contest's reference number, the one contest-wide lock it needs
 * besides the audit chain's, only at the end, just before its audit event, instead of holding it
 * while its people and keys are written (see registerEntry).
 */
const CHILDREN = [
  ['registration_members', 'registration_members_registration_id_fkey'],
  ['registration_identifiers', 'registration_identifiers_registration_id_fkey'],
  ['registration_organisations', 'registration_organisations_registration_id_fkey'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, constraint] of CHILDREN) {
    await sql`alter table ${sql.table(table)} alter constraint ${sql.ref(constraint)} deferrable initially deferred`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, constraint] of CHILDREN) {
    await sql`alter table ${sql.table(table)} alter constraint ${sql.ref(constraint)} not deferrable`.execute(db);
  }
}
