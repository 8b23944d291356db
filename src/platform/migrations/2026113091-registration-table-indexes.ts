import { sql, type Kysely } from 'kysely';

/**
 * The organiser's table at 100,000 entries:
 * - a trigram index on titles, so "a title containing …" is an index search and not a scan of the
 *   contest's rows (pg_trgm is a trusted extension: the database's owner may create it, and PGlite
 *   ships it);
 * - the counts by status, division and zone read from one index (an index-only scan) rather than
 *   the wide rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index registrations_title_trigrams on registrations using gin (title gin_trgm_ops)`.execute(db);
  await db.schema
    .createIndex('registrations_contest_counts')
    .on('registrations')
    .columns(['contest_id', 'status', 'track_id', 'group_id', 'category_id', 'zone_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_contest_counts').execute();
  await db.schema.dropIndex('registrations_title_trigrams').execute();
}
