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
      .update(GENESIS_HASH + '{"actor":"system","at":"2025-09-09T16:00:00.000Z","contestId":"c1","payload":{"a":1,"b":2},"seq":1,"type":"t"}')
      .digest('hex');
    expect(hashEvent(GENESIS_HASH, event)).toBe(expected);
  });

  it('starts every chain from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and counts its events', () => {
    expect(verifyChain('c1', threeEvents())).toEqual({ ok: true, count: 3 });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain('c1', [])).toEqual({ ok: true, count: 0 });
  });

  it('reports an edited payload at exactly that event', () => {
    const chain = threeEvents();
    chain[1] = { ...chain[1], payload: { ref: '000-9999' } };
    expect(verifyChain('c1', chain)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { contestId: 'c1', seq: 2 },
      reason: 'hash_mismatch',
    });
  });

  it('reports a deleted event as a gap at the event after it', () => {
    const chain = threeEvents();
    chain.splice(1, 1);
    expect(verifyChain('c1', chain)).toEqual({
      ok: false,
      count: 2,
      brokenAt: { contestId: 'c1', seq: 3 },
      reason: 'sequence_gap',
    });
  });

  it('reports a deleted first event as a gap', () => {
    const chain = threeEvents().slice(1);
    expect(verifyChain('c1', chain)).toMatchObject({ ok: false, brokenAt: { seq: 2 }, reason: 'sequence_gap' });
  });

  it('reports an event whose hash was recomputed after an edit at the event after it', () => {
    const chain = threeEvents();
    const edited = { ...chain[0], actor: 'someone-else' };
    chain[0] = { ...edited, hash: hashEvent(edited.prevHash, edited) };
    expect(verifyChain('c1', chain)).toEqual({
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
    expect(verifyChain('c1', chain)).toMatchObject({ brokenAt: { seq: 2 }, reason: 'hash_mismatch' });
  });
});

const headOf = (chain: ChainedAuditEvent[], at = chain.length - 1) => ({ seq: chain[at].seq, hash: chain[at].hash });

describe("verifyChain against the chain's head", () => {
  it('accepts a chain that ends at its head', () => {
    const chain = threeEvents();
    expect(verifyChain('c1', chain, { head: headOf(chain) })).toEqual({ ok: true, count: 3 });
  });

  it('reports the newest events deleted as missing from the first deleted seq', () => {
    const chain = threeEvents();
    expect(verifyChain('c1', chain.slice(0, 1), { head: headOf(chain) })).toEqual({
      ok: false,
      count: 1,
      brokenAt: { contestId: 'c1', seq: 2 },
      reason: 'events_missing',
    });
  });

  it('reports a whole chain deleted as missing from seq 1 when its head remains', () => {
    expect(verifyChain('c1', [], { head: headOf(threeEvents()) })).toEqual({
      ok: false,
      count: 0,
      brokenAt: { contestId: 'c1', seq: 1 },
      reason: 'events_missing',
    });
  });

  it('reports events written past the head, and a chain ending on another hash than its head', () => {
    const chain = threeEvents();
    expect(verifyChain('c1', chain, { head: headOf(chain, 1) })).toMatchObject({ ok: false, brokenAt: { seq: 3 }, reason: 'head_mismatch' });
    expect(verifyChain('c1', chain, { head: { seq: 3, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, brokenAt: { seq: 3 }, reason: 'head_mismatch' });
  });

  it('reports a chain whose head was deleted, and accepts an empty chain without one', () => {
    expect(verifyChain('c1', threeEvents(), { head: null })).toMatchObject({ ok: false, brokenAt: { seq: 3 }, reason: 'head_missing' });
    expect(verifyChain('c1', [], { head: null })).toEqual({ ok: true, count: 0 });
  });
});

describe('verifyChain against a published head', () => {
  it('accepts a chain that has grown past the head published earlier', () => {
    const chain = threeEvents();
    expect(verifyChain('c1', chain, { published: { seq: 2, hash: chain[1].hash } })).toEqual({ ok: true, count: 3 });
  });

  it('reports a chain rewritten since publication, hashes, links and head all recomputed, at the published seq', () => {
    const published = { seq: 2, hash: threeEvents()[1].hash };
    const rewritten = chainOf([
      { at: new Date('2025-09-01T01:00:00Z'), actor: 'acc-1', type: 'registration.created', payload: { ref: '000-0001' } },
      { at: new Date('2025-09-01T02:00:00Z'), actor: 'acc-2', type: 'registration.created', payload: { ref: '000-0666' } },
    ]);
    expect(verifyChain('c1', rewritten, { head: { seq: 2, hash: rewritten[1].hash }, published })).toEqual({
      ok: false,
      count: 2,
      brokenAt: { contestId: 'c1', seq: 2 },
      reason: 'published_head_mismatch',
    });
  });

  it('reports a chain cut short of the published head, head table rewritten too', () => {
    const chain = threeEvents();
    expect(verifyChain('c1', chain.slice(0, 2), { head: headOf(chain, 1), published: headOf(chain) })).toMatchObject({
      ok: false,
      brokenAt: { seq: 3 },
      reason: 'events_missing',
    });
  });
});
