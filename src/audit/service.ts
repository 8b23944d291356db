/**
 * Appending to and verifying the audit log (DESIGN, "Audit and verifiability").
 *
 * Each contest has its own chain, keyed by its id. Events that belong to no contest
 * (accounts and their roles) go in the chain PLATFORM_AUDIT_CHAIN, the empty string,
 * which no contest id can be.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventRow, Database } from '../platform/db-types.ts';
import type { InFront } from '../platform/data-modifying-cte.ts';
import { auditChainIds, auditEventsPage, insertEventAndHead, lockFirstHead, lockHead, storedHead, storedHeads } from './queries.ts';

export { lockedHeadQuery, lockedHeadsQuery } from './queries.ts';
import { createRowChecker, createStateRecorder, type CurrentRow, type RowsCheck } from './rows.ts';
import { GENESIS_HASH, createChainVerifier, hashEvent, type ChainBreak, type ChainHead, type ChainedAuditEvent } from './rules.ts';

export const PLATFORM_AUDIT_CHAIN = '';

export interface NewAuditEvent {
  /** A contest id, or PLATFORM_AUDIT_CHAIN. */
  contestId: string;
  actor: string;
  type: string;
  payload: unknown;
  /** From the caller's clock. */
  at: Date;
  /**
   * The keyed digest of each row the change leaves behind (`registration:<id>` → digest; null for
   * a row gone), kept in the payload as `state` so `verifyAuditLog` can check the current rows.
   */
  state?: Record<string, string | null>;
}

/**
 * Appends one event to its contest's chain, inside the caller's transaction so the event
 * exists exactly when the change it records does. Effects: takes the chain's lock until the
 * transaction ends, inserts one audit_events row with the next seq and its hash, and moves the
 * chain's head (audit_heads) to it. The lock is contest-wide, so call it last, when everything
 * else of the change is written: two round trips and the commit are all it serialises.
 *
 * Call it in a READ COMMITTED transaction (the default): the head is read after the lock is
 * taken, so it sees the previous append's commit. Under REPEATABLE READ a stale snapshot would
 * make the insert fail on the primary key rather than fork the chain.
 */
export async function appendAuditEvent(trx: Transaction<Database>, event: NewAuditEvent): Promise<ChainedAuditEvent> {
  if (!trx.isTransaction) throw new Error('appendAuditEvent must run inside the transaction of the change it records');
  return appendUnderHead(trx, await lockHead(trx, event.contestId), event);
}

/**
 * appendAuditEvent for a use case that locked the chain's head itself, in the statement that takes
 * its other contest-wide lock (`lockedHeadQuery`, joined in: registration takes its reference number
 * so; `lockedHeadsQuery` for several chains), and that writes its own rows in the event's statement
 * (`alongside`, data-modifying CTEs in front): the chain's lock then
 * costs that use case two round trips and the commit. `head` is what that locking read returned in
 * this transaction; undefined for a chain with no head yet.
 */
export async function appendAuditEventUnderHead(
  trx: Transaction<Database>,
  head: { seq: number; hash: string } | undefined,
  event: NewAuditEvent,
  alongside?: InFront,
): Promise<ChainedAuditEvent> {
  if (!trx.isTransaction) throw new Error('appendAuditEventUnderHead must run inside the transaction of the change it records');
  return appendUnderHead(trx, head ?? (await lockFirstHead(trx, event.contestId)), event, alongside);
}

async function appendUnderHead(trx: Transaction<Database>, head: { seq: number; hash: string } | undefined, event: NewAuditEvent, alongside?: InFront) {
  // Hash exactly what jsonb will give back: undefined properties dropped, Dates as strings.
  const payload: unknown = JSON.parse(JSON.stringify(event.state ? { ...(event.payload as object), state: event.state } : (event.payload ?? null)));
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
  await insertEventAndHead(
    trx,
    {
      contest_id: chained.contestId,
      seq: chained.seq,
      at: chained.at,
      actor: chained.actor,
      type: chained.type,
      payload: JSON.stringify(payload),
      prev_hash: chained.prevHash,
      hash: chained.hash,
    },
    alongside,
  );
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

/** Rows of a feature as they are now, digested as its events digest them. */
export interface StateSource {
  /** The subject kinds it yields (`registration` for `registration:<id>`). */
  kinds: string[];
  /** Chains that have rows of this kind: a chain deleted with its head still gets its rows checked. */
  chains(db: Kysely<Database>): Promise<string[]>;
  rows(db: Kysely<Database>, chain: string): AsyncIterable<CurrentRow>;
}

export interface VerifyOptions {
  /** Events read per query. */
  pageSize?: number;
  /** Heads published elsewhere (`leitai audit head`), by chain: each chain must still reach its head with the same hash. */
  published?: ReadonlyMap<string, ChainHead>;
  /** When given, each intact chain's recorded state is checked against these rows. */
  states?: StateSource[];
}

/**
 * One chain's verdict. `ok` is false when the chain is broken (`brokenAt`, `reason`) or a row
 * differs from the state the chain recorded (`rows`, present when states were checked).
 */
export interface AuditChainReport {
  contestId: string;
  ok: boolean;
  count: number;
  brokenAt?: { contestId: string; seq: number };
  reason?: ChainBreak;
  rows?: RowsCheck;
}

/**
 * Walks each chain (or the one asked for) in seq order, a page at a time so a log of millions
 * of votes never sits in memory, checks where it ends against its stored head and any published
 * head, and reports each chain's verdict with its first break. With `states`, an intact chain's
 * rows are also checked against the last state its events recorded.
 * A chain asked for by id that has no events and no head is reported as intact with count 0.
 */
export async function verifyAuditLog(db: Kysely<Database>, contestId?: string, options: VerifyOptions = {}): Promise<AuditChainReport[]> {
  const reports: AuditChainReport[] = [];
  for (const id of await chainsToVerify(db, contestId, options)) {
    const recorder = createStateRecorder();
    const chain = await walkChain(db, id, options, recorder.record);
    const rows = chain.ok && options.states ? await checkRows(db, id, options.states, recorder.recorded) : undefined;
    reports.push({ contestId: id, ...chain, ...(rows && { rows }), ok: chain.ok && (rows?.mismatched ?? 0) === 0 });
  }
  return reports;
}

async function chainsToVerify(db: Kysely<Database>, contestId: string | undefined, options: VerifyOptions): Promise<string[]> {
  if (contestId !== undefined) return [contestId];
  const fromStates = await Promise.all((options.states ?? []).map((source) => source.chains(db)));
  return [...new Set([...(await auditChainIds(db)), ...(options.published?.keys() ?? []), ...fromStates.flat()])].sort();
}

async function walkChain(db: Kysely<Database>, id: string, options: VerifyOptions, record: (payload: unknown) => void) {
  const pageSize = options.pageSize ?? 1000;
  const verifier = createChainVerifier(id, { head: (await storedHead(db, id)) ?? null, published: options.published?.get(id) });
  let afterSeq = 0;
  let intact = true;
  while (intact) {
    const page = await auditEventsPage(db, id, afterSeq, pageSize);
    for (const row of page) {
      intact = verifier.push(toChainedAuditEvent(row)).ok;
      if (!intact) break;
      record(row.payload);
    }
    if (page.length < pageSize) break;
    afterSeq = Number(page[page.length - 1].seq);
  }
  return verifier.finish();
}

async function checkRows(db: Kysely<Database>, chain: string, sources: StateSource[], recorded: ReadonlyMap<string, string | null>): Promise<RowsCheck> {
  const checker = createRowChecker(recorded, new Set(sources.flatMap((source) => source.kinds)));
  for (const source of sources) {
    for await (const row of source.rows(db, chain)) checker.check(row);
  }
  return checker.finish();
}

/** Each chain's stored head, or the one asked for: what a supervisor publishes and later verifies against. */
export async function auditHeads(db: Kysely<Database>, chain?: string) {
  const rows = await storedHeads(db, chain);
  return rows.map((row) => ({ chain: row.chain, seq: Number(row.seq), hash: row.hash, updatedAt: row.updated_at.toISOString() }));
}
