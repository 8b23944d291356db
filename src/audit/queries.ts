/** Every SQL statement of the audit log. */
import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { InFront } from '../platform/data-modifying-cte.ts';
import type { AuditEventRow, Database } from '../platform/db-types.ts';

/**
 * Locks a chain until the transaction ends and reads its head: `FOR UPDATE` on the head row, which
 * under READ COMMITTED waits for an append in flight and then returns the head it committed. A chain
 * with no head yet has no row to lock: its first append takes an advisory lock and reads again, so
 * two first appends wait for each other and the second sees the head the first made. hashtext may
 * map two chains to one advisory key: they then merely wait for each other.
 */
export async function lockHead(trx: Transaction<Database>, chain: string): Promise<{ seq: number; hash: string } | undefined> {
  return (await lockedHeadQuery(trx, chain).executeTakeFirst()) ?? lockFirstHead(trx, chain);
}

/** The locking read of a chain's head as a query, for a statement that takes another lock with it. */
export const lockedHeadQuery = (db: QueryCreator<Database>, chain: string) =>
  db.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).forUpdate();

/** The locking read of several chains' heads, in chain order (so two such reads wait rather than deadlock). */
export const lockedHeadsQuery = (db: QueryCreator<Database>, chains: readonly string[]) =>
  db
    .selectFrom('audit_heads')
    .select(['chain', 'seq', 'hash'])
    .where('chain', 'in', [...chains])
    .orderBy('chain')
    .forUpdate();

/** A chain with no head row yet: its first appends wait for each other on an advisory lock, then read again. */
export async function lockFirstHead(trx: Transaction<Database>, chain: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`audit_events:${chain}`}))`.execute(trx);
  return lockedHeadQuery(trx, chain).executeTakeFirst();
}

/** The head the last append recorded; the chain is read from here, not from its newest row, so a deleted tail leaves a gap. */
export function storedHead(db: Kysely<Database> | Transaction<Database>, chain: string) {
  return db.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
}

/**
 * Inserts the event, and the rows it records when given (`alongside`: data-modifying CTEs in front),
 * and moves its chain's head to it in one statement: one round trip while the chain is locked.
 */
export async function insertEventAndHead(
  trx: Transaction<Database>,
  row: Omit<AuditEventRow, 'payload'> & { payload: string },
  alongside?: InFront,
): Promise<void> {
  const head = { chain: row.contest_id, seq: row.seq, hash: row.hash, updated_at: row.at };
  const start = alongside ? alongside(trx) : trx;
  await start
    .with('event', (db) => db.insertInto('audit_events').values(row))
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

/** Every chain with events or a head: a chain deleted whole still has its head. */
export async function auditChainIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('contest_id as chain').union(db.selectFrom('audit_heads').select('chain')).orderBy('chain').execute();
  return rows.map((r) => r.chain);
}

/** One page of a chain in seq order, after `afterSeq` (keyset paging: cheap at any depth). */
export function auditEventsPage(db: Kysely<Database>, contestId: string, afterSeq: number, limit: number) {
  return db.selectFrom('audit_events').selectAll().where('contest_id', '=', contestId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}
