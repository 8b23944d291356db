import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely } from 'kysely';

/**
 * Definitions become append-only versions: each published definition is kept with its number,
 * SHA-256, the YAML it came from and the format it was written in; `contests` keeps the identity and
 * the current version's number. The definition each contest had becomes its version 1, in format 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contest_versions')
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // Of the definition's canonical JSON (RFC 8785), so anyone can check a version's rules.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('source_yaml', 'text', (c) => c.notNull())
    .addColumn('format_version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contest_versions_pk', ['contest_id', 'version'])
    .execute();
  await db.schema.alterTable('contests').addColumn('current_version', 'integer').execute();

  const contests = await db.selectFrom('contests').select(['id', 'definition', 'source_yaml', 'updated_at']).execute();
  for (const contest of contests) {
    const publisher = await db
      .selectFrom('audit_events')
      .select('actor')
      .where('contest_id', '=', contest.id)
      .where('type', 'in', ['contest.published', 'contest.updated'])
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    await db
      .insertInto('contest_versions')
      .values({
        contest_id: contest.id,
        version: 1,
        sha256: createHash('sha256').update(canonicalize(contest.definition)!).digest('hex'),
        definition: JSON.stringify(contest.definition),
        source_yaml: contest.source_yaml,
        format_version: 1,
        published_at: contest.updated_at,
        published_by: publisher?.actor ?? 'system',
      })
      .execute();
  }
  await sql`update contests set current_version = 1`.execute(db);
  await db.schema
    .alterTable('contests')
    .alterColumn('current_version', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('contests').dropColumn('definition').dropColumn('source_yaml').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contests').addColumn('definition', 'jsonb').addColumn('source_yaml', 'text').execute();
  await sql`
    update contests set definition = v.definition, source_yaml = v.source_yaml
    from contest_versions v where v.contest_id = contests.id and v.version = contests.current_version`.execute(db);
  await db.schema
    .alterTable('contests')
    .alterColumn('definition', (c) => c.setNotNull())
    .alterColumn('source_yaml', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('contests').dropColumn('current_version').execute();
  await db.schema.dropTable('contest_versions').execute();
}
