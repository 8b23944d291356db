import { sql, type Kysely } from 'kysely';

/**
 * When a refused version's bytes were deleted after the retention (LEITAI_REFUSED_FILE_RETENTION_DAYS):
 * its row, facts, problems and SHA-256 stay, so the record of what was refused and why is kept.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submission_files').addColumn('bytes_purged_at', 'timestamptz').execute();
  // The sweep looks for refused versions whose bytes are still kept, oldest first.
  await db.schema
    .createIndex('submission_files_refused_kept')
    .on('submission_files')
    .column('created_at')
    .where(sql.ref('accepted'), '=', false)
    .where(sql.ref('bytes_purged_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submission_files_refused_kept').execute();
  await db.schema.alterTable('submission_files').dropColumn('bytes_purged_at').execute();
}
