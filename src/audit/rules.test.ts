import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent, verifyChain, type AuditEvent, type ChainedAuditEvent } from './rules.ts';

const chainOf = (events: Omit<AuditEvent, 'seq' | 'contestId'>[], contestId = 'c1'): ChainedAuditEvent[] => {
  const chain: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  events.forEach((event, index) => {
    const full = { ...event, contestId, seq: index + 1 };
    const hash = hashEvent(prevHash, full);
    chain.push({ ...full, prevHash, hash });
    prevHash = hash;
  });
  return chain;
};

const threeEvents = () =>
  chainOf([
    { at: new Date('2025-09-01T01:00:00Z'), actor: 'acc-1', type: 'registration.created', payload: { ref: '000-0001' } },
    { at: new Date('2025-09-01T02:00:00Z'), actor: 'acc-2', type: 'registration.created', payload: { ref: '000-0002' } },
    { at: new Date('2025-09-02T00:00:00Z'), actor: 'system', type: 'phase.moved', payload: { to: 'review' } },
  ]);

describe('hashEvent', () => {
  it('is the sha256 of the previous hash followed by the canonical JSON of the event', () => {
    const event = { contestId: 'c1', seq: 1, at: new Date('2025-09-09T16:00:00Z'), actor: 'system', type: 't', payload: { b: 2, a: 1 } };
    const expected = createHash('sha256')
      .update(
        GENESIS_HASH +
          '{"actor":"system","at":"2025-09-09T16:00:00.000Z","contestId":"c1","payload":{"a":1,"b":2},"seq":1,"type":"t"}',
      )
      .digest('hex');
    expect(hashEvent(GENESIS_HASH, event)).toBe(expected);
  });

  it('starts every chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts its events', () => {
    expect(verifyChain(threeEvents())).toEqual({ ok: true, count: 3 });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('reports an edited payload at exactly that event', () => {
    const chain = threeEvents();
    chain[1] = { ...chain[1], payload: { ref: '000-9999' } };
    expect(verifyChain(chain)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { contestId: 'c1', seq: 2 },
      reason: 'hash_mismatch',
    });
  });

  it('reports a deleted event as a gap at the event after it', () => {
    const chain = threeEvents();
    chain.splice(1, 1);
    expect(verifyChain(chain)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { contestId: 'c1', seq: 3 },
      reason: 'sequence_gap',
    });
  });

  it('reports a deleted first event as a gap', () => {
    const chain = threeEvents().slice(1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: { seq: 2 }, reason: 'sequence_gap' });
  });

  it('reports an event whose hash was recomputed after an edit at the event after it', () => {
    const chain = threeEvents();
    const edited = { ...chain[0], actor: 'someone-else' };
    chain[0] = { ...edited, hash: hashEvent(edited.prevHash, edited) };
    expect(verifyChain(chain)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { contestId: 'c1', seq: 2 },
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports only the first break when several events were changed', () => {
    const chain = threeEvents();
    chain[1] = { ...chain[1], type: 'x' };
    chain[2] = { ...chain[2], type: 'y' };
    expect(verifyChain(chain)).toMatchObject({ brokenAt: { seq: 2 }, reason: 'hash_mismatch' });
  });
});
