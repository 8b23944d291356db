import { sql, type Kysely } from 'kysely';

/**
 * Invitations get a non-secret id (the audit log and the leader's list name an invitation by it,
 * never by its code), may be bound to the listed person they are for, and record who revoked them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('team_invitations').addColumn('id', 'text').execute();
  await sql`update team_invitations set id = gen_random_uuid()::text`.execute(db);
  await db.schema
    .alterTable('team_invitations')
    .alterColumn('id', (c) => c.setNotNull())
    .execute();
  await db.schema.createIndex('team_invitations_id').on('team_invitations').column('id').unique().execute();
  await db.schema
    .alterTable('team_invitations')
    // The name and identifiers (id:…, phone:…, email:…) of the listed person the invitation is for.
    .addColumn('for_name', 'text')
    .addColumn('for_identifiers', 'jsonb')
    .addColumn('revoked_by', 'text', (c) => c.references('accounts.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('team_invitations').dropColumn('revoked_by').dropColumn('for_identifiers').dropColumn('for_name').execute();
  await db.schema.dropIndex('team_invitations_id').execute();
  await db.schema.alterTable('team_invitations').dropColumn('id').execute();
}
