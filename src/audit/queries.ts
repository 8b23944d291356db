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

/** The head the last append recorded; the chain is read from here, not from its newest row, so a deleted tail leaves a gap. */
export function storedHead(db: Kysely<Database> | Transaction<Database>, chain: string) {
  return db.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
}

export async function saveHead(trx: Transaction<Database>, head: { chain: string; seq: number; hash: string; updated_at: Date }): Promise<void> {
  await trx
    .insertInto('audit_heads')
    .values(head)
    .onConflict((oc) => oc.column('chain').doUpdateSet({ seq: head.seq, hash: head.hash, updated_at: head.updated_at }))
    .execute();
}

export function storedHeads(db: Kysely<Database>, chain?: string) {
  let query = db.selectFrom('audit_heads').selectAll().orderBy('chain');
  if (chain !== undefined) query = query.where('chain', '=', chain);
  return query.execute();
}

export async function insertAuditEvent(trx: Transaction<Database>, row: Omit<AuditEventRow, 'payload'> & { payload: string }): Promise<void> {
  await trx.insertInto('audit_events').values(row).execute();
}

/** Every chain with events or a head: a chain deleted whole still has its head. */
export async function auditChainIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('contest_id as chain').union(db.selectFrom('audit_heads').select('chain')).orderBy('chain').execute();
  return rows.map((r) => r.chain);
}

/** One page of a chain in seq order, after `afterSeq` (keyset paging: cheap at any depth). */
export function auditEventsPage(db: Kysely<Database>, contestId: string, afterSeq: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('contest_id', '=', contestId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}
