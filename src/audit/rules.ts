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
  /** Who caused it: an account id, or `system`, `cli:<user>`… */
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

export type ChainBreak = 'hash_mismatch' | 'sequence_gap' | 'prev_hash_mismatch';

export type ChainVerification =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenAt: { contestId: string; seq: number }; reason: ChainBreak };

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

/**
 * Checks one chain event by event, so a long log can be fed in pages. `push` returns the first
 * break and the verifier keeps reporting it; `result()` gives the verdict so far.
 * `count` is the number of events checked, the broken one included.
 */
export function createChainVerifier() {
  let count = 0;
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let broken: Extract<ChainVerification, { ok: false }> | undefined;

  const push = (event: ChainedAuditEvent): ChainVerification => {
    if (broken) return broken;
    count += 1;
    const reason: ChainBreak | undefined =
      event.seq !== expectedSeq
        ? 'sequence_gap'
        : event.prevHash !== previousHash
          ? 'prev_hash_mismatch'
          : hashEvent(event.prevHash, event) !== event.hash
            ? 'hash_mismatch'
            : undefined;
    if (reason) {
      broken = { ok: false, count, brokenAt: { contestId: event.contestId, seq: event.seq }, reason };
      return broken;
    }
    expectedSeq += 1;
    previousHash = event.hash;
    return { ok: true, count };
  };

  const result = (): ChainVerification => broken ?? { ok: true, count };
  return { push, result };
}

/** Verifies one contest's events, given in seq order; reports the first broken event. */
export function verifyChain(events: Iterable<ChainedAuditEvent>): ChainVerification {
  const verifier = createChainVerifier();
  for (const event of events) {
    if (!verifier.push(event).ok) break;
  }
  return verifier.result();
}
