import { sql, type Kysely } from 'kysely';

/**
 * Each audit chain's head (its last seq and hash), written in the transaction of every append, so
 * `audit verify` notices events deleted from the end of a chain, or a whole chain, which a walk of
 * the chain alone cannot see. Chains that already exist get their current end as their head.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_heads')
    .addColumn('chain', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`
    insert into audit_heads (chain, seq, hash, updated_at)
    select distinct on (contest_id) contest_id, seq, hash, at from audit_events order by contest_id, seq desc
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_heads').execute();
}
