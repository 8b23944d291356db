import { sql, type Kysely } from 'kysely';

/** The sweep and the entry quota look for unfinished uploads by when they began. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('uploads_unfinished').on('uploads').column('started_at').where(sql.ref('completed_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('uploads_unfinished').execute();
}
