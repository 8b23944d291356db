/**
 * Appending to and verifying the audit log (DESIGN, "Audit and verifiability").
 *
 * Each contest has its own chain, keyed by its id. Events that belong to no contest
 * (accounts, platform settings) go in the chain PLATFORM_AUDIT_CHAIN, the empty string,
 * which no contest id can be.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventRow, Database } from '../platform/db-types.ts';
import { auditChainIds, auditEventsPage, chainHead, insertAuditEvent, lockChain } from './queries.ts';
import {
  GENESIS_HASH,
  createChainVerifier,
  hashEvent,
  type ChainVerification,
  type ChainedAuditEvent,
} from './rules.ts';

export const PLATFORM_AUDIT_CHAIN = '';

export interface NewAuditEvent {
  /** A contest id, or PLATFORM_AUDIT_CHAIN. */
  contestId: string;
  actor: string;
  type: string;
  payload: unknown;
  /** From the caller's clock. */
  at: Date;
}

/**
 * Appends one event to its contest's chain, inside the caller's transaction so the event
 * exists exactly when the change it records does. Effects: takes the chain's lock until the
 * transaction ends, inserts one audit_events row with the next seq and its hash.
 *
 * Call it in a READ COMMITTED transaction (the default): the head is read after the lock is
 * taken, so it sees the previous append's commit. Under REPEATABLE READ a stale snapshot would
 * make the insert fail on the primary key rather than fork the chain.
 */
export async function appendAuditEvent(trx: Transaction<Database>, event: NewAuditEvent): Promise<ChainedAuditEvent> {
  if (!trx.isTransaction) throw new Error('appendAuditEvent must run inside the transaction of the change it records');
  // Hash exactly what jsonb will give back: undefined properties dropped, Dates as strings.
  const payload: unknown = JSON.parse(JSON.stringify(event.payload ?? null));
  await lockChain(trx, event.contestId);
  const head = await chainHead(trx, event.contestId);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const unhashed = {
    contestId: event.contestId,
    seq: (head?.seq ?? 0) + 1,
    at: event.at,
    actor: event.actor,
    type: event.type,
    payload,
  };
  const chained: ChainedAuditEvent = { ...unhashed, prevHash, hash: hashEvent(prevHash, unhashed) };
  await insertAuditEvent(trx, {
    contest_id: chained.contestId,
    seq: chained.seq,
    at: chained.at,
    actor: chained.actor,
    type: chained.type,
    payload: JSON.stringify(payload),
    prev_hash: chained.prevHash,
    hash: chained.hash,
  });
  return chained;
}

export const toChainedAuditEvent = (row: AuditEventRow): ChainedAuditEvent => ({
  contestId: row.contest_id,
  seq: Number(row.seq),
  at: row.at,
  actor: row.actor,
  type: row.type,
  payload: row.payload,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export type AuditChainReport = { contestId: string } & ChainVerification;

/**
 * Walks each chain (or the one asked for) in seq order, a page at a time so a log of millions
 * of votes never sits in memory, and reports each chain's verdict with its first break.
 * A chain asked for by id that has no events is reported as intact with count 0.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  contestId?: string,
  pageSize = 1000,
): Promise<AuditChainReport[]> {
  const chainIds = contestId === undefined ? await auditChainIds(db) : [contestId];
  const reports: AuditChainReport[] = [];
  for (const id of chainIds) {
    const verifier = createChainVerifier();
    let afterSeq = 0;
    for (;;) {
      const page = await auditEventsPage(db, id, afterSeq, pageSize);
      for (const row of page) verifier.push(toChainedAuditEvent(row));
      if (page.length < pageSize || !verifier.result().ok) break;
      afterSeq = Number(page[page.length - 1].seq);
    }
    reports.push({ contestId: id, ...verifier.result() });
  }
  return reports;
}
