/** Every SQL statement of the audit log. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditEventRow, Database } from '../platform/db-types.ts';

/**
 * Serialises appends to one chain until the transaction ends. An advisory lock and not
 * `SELECT … FOR UPDATE` on the head row, because an empty chain has no row to lock.
 * hashtext may map two contests to one key: they then merely wait for each other.
 */
export async function lockChain(trx: Transaction<Database>, contestId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`audit_events:${contestId}`}))`.execute(trx);
}

export function chainHead(trx: Transaction<Database>, contestId: string) {
  return trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('contest_id', '=', contestId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertAuditEvent(
  trx: Transaction<Database>,
  row: Omit<AuditEventRow, 'payload'> & { payload: string },
): Promise<void> {
  await trx.insertInto('audit_events').values(row).execute();
}

export async function auditChainIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('contest_id').distinct().orderBy('contest_id').execute();
  return rows.map((r) => r.contest_id);
}

/** One page of a chain in seq order, after `afterSeq` (keyset paging: cheap at any depth). */
export function auditEventsPage(db: Kysely<Database>, contestId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
