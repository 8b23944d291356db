/**
 * The audit chain's rules, pure: how an event is hashed and how a chain is checked.
 * Each event's hash covers the previous event's hash, so editing, deleting or reordering any
 * event breaks every hash after it (DESIGN, "Audit and verifiability").
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The prev_hash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  contestId: string;
  /** 1 for the first event of a chain, then +1 each. */
  seq: number;
  at: Date;
  /** Who caused it: an account id, `system` (the server and its commands) or `demo` (the demo data). */
  actor: string;
  /** e.g. `registration.created`, `phase.moved`. */
  type: string;
  /** Plain JSON data. */
  payload: unknown;
}

export interface ChainedAuditEvent extends AuditEvent {
  prevHash: string;
  hash: string;
}

/**
 * - hash_mismatch, prev_hash_mismatch, sequence_gap: an event was edited, reordered or removed.
 * - events_missing: the chain ends before its head (or a published head): its newest events, or
 *   all of them, were deleted. brokenAt is the first missing seq.
 * - head_mismatch: the chain runs past its head or ends on another hash: events were written or
 *   rewritten without appendAuditEvent, or the head was.
 * - head_missing: the chain has events and no head.
 * - published_head_mismatch: the event at a published head's seq has another hash: the chain was
 *   rewritten since it was published (head table included).
 */
export type ChainBreak =
  'hash_mismatch' | 'sequence_gap' | 'prev_hash_mismatch' | 'events_missing' | 'head_mismatch' | 'head_missing' | 'published_head_mismatch';

export type ChainVerification = { ok: true; count: number } | { ok: false; count: number; brokenAt: { contestId: string; seq: number }; reason: ChainBreak };

/** Where a chain ended: kept in audit_heads at each append, and what `leitai audit head` publishes. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainExpectations {
  /** The stored head; null when the chain has none; undefined to check the events alone (an exported log). */
  head?: ChainHead | null;
  /** A head published earlier: the chain must reach it with the same hash. */
  published?: ChainHead;
}

/** sha256 hex of prevHash ‖ canonical JSON of the event's fields. */
export function hashEvent(prevHash: string, event: AuditEvent): string {
  const body = canonicalJson({
    contestId: event.contestId,
    seq: event.seq,
    at: event.at.toISOString(),
    actor: event.actor,
    type: event.type,
    payload: event.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Why an event does not follow the one before it, if it does not. */
function linkBreak(event: ChainedAuditEvent, expectedSeq: number, previousHash: string, published: ChainHead | undefined): ChainBreak | undefined {
  if (event.seq !== expectedSeq) return 'sequence_gap';
  if (event.prevHash !== previousHash) return 'prev_hash_mismatch';
  if (hashEvent(event.prevHash, event) !== event.hash) return 'hash_mismatch';
  if (published && published.seq === event.seq && published.hash !== event.hash) return 'published_head_mismatch';
  return undefined;
}

/** Why a chain that ends at `end` (undefined: no events) does not match what was expected of its end. */
function endBreak(end: ChainHead | undefined, { head, published }: ChainExpectations): { seq: number; reason: ChainBreak } | undefined {
  const endSeq = end?.seq ?? 0;
  if (published && endSeq < published.seq) return { seq: endSeq + 1, reason: 'events_missing' };
  if (head === undefined) return undefined;
  if (head === null) return end ? { seq: endSeq, reason: 'head_missing' } : undefined;
  if (endSeq < head.seq) return { seq: endSeq + 1, reason: 'events_missing' };
  if (endSeq > head.seq) return { seq: head.seq + 1, reason: 'head_mismatch' };
  if (end!.hash !== head.hash) return { seq: head.seq, reason: 'head_mismatch' };
  return undefined;
}

/**
 * Checks one chain event by event, so a long log can be fed in pages. `push` returns the first
 * break and the verifier keeps reporting it; `finish` checks where the chain ended against its
 * head and gives the verdict. `count` is the number of events checked, the broken one included.
 */
export function createChainVerifier(contestId: string, expectations: ChainExpectations = {}) {
  let count = 0;
  let end: ChainHead | undefined;
  let broken: Extract<ChainVerification, { ok: false }> | undefined;

  const push = (event: ChainedAuditEvent): ChainVerification => {
    if (broken) return broken;
    count += 1;
    const reason = linkBreak(event, (end?.seq ?? 0) + 1, end?.hash ?? GENESIS_HASH, expectations.published);
    if (reason) {
      broken = { ok: false, count, brokenAt: { contestId, seq: event.seq }, reason };
      return broken;
    }
    end = { seq: event.seq, hash: event.hash };
    return { ok: true, count };
  };

  const finish = (): ChainVerification => {
    if (broken) return broken;
    const atEnd = endBreak(end, expectations);
    return atEnd ? { ok: false, count, brokenAt: { contestId, seq: atEnd.seq }, reason: atEnd.reason } : { ok: true, count };
  };
  return { push, finish };
}

/** Verifies one chain's events, given in seq order; reports the first break. */
export function verifyChain(contestId: string, events: Iterable<ChainedAuditEvent>, expectations: ChainExpectations = {}): ChainVerification {
  const verifier = createChainVerifier(contestId, expectations);
  for (const event of events) {
    if (!verifier.push(event).ok) break;
  }
  return verifier.finish();
}
