import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from './clock.ts';
import { memoryCounters, type Counters } from './counters.ts';
import { redisCounters } from './redis-counters.ts';

const redisUrl = process.env.LEITAI_TEST_REDIS_URL || undefined;

const movableClock = (iso: string) => {
  let now = new Date(iso).getTime();
  const clock: Clock & { advance(ms: number): void } = { now: () => new Date(now), advance: (ms) => (now += ms) };
  return clock;
};

/**
 * The behaviour both kinds share. `advance` moves time past a window: the memory counters' clock,
 * or real time for Redis, whose windows expire on the server's own clock (so its windows are short).
 */
const sharedBehaviour = (make: () => { counters: Counters; advance: (ms: number) => Promise<void> }, windowMs: number) => {
  it('allows hits up to the limit in a window, then refuses with the time left until it ends', async () => {
    const { counters } = make();
    const key = `test:${randomUUID()}`;
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await counters.hit(key, windowMs, 3));
    expect(hits.slice(0, 3)).toEqual([
      { allowed: true, remaining: 2, retryAfterMs: 0 },
      { allowed: true, remaining: 1, retryAfterMs: 0 },
      { allowed: true, remaining: 0, retryAfterMs: 0 },
    ]);
    expect(hits[3]).toMatchObject({ allowed: false, remaining: 0 });
    expect(hits[3].retryAfterMs).toBeGreaterThan(0);
    expect(hits[3].retryAfterMs).toBeLessThanOrEqual(windowMs);
  });

  it('starts a new window once the first has ended', async () => {
    const { counters, advance } = make();
    const key = `test:${randomUUID()}`;
    await counters.hit(key, windowMs, 1);
    expect((await counters.hit(key, windowMs, 1)).allowed).toBe(false);
    await advance(windowMs + 20);
    expect(await counters.hit(key, windowMs, 1)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('counts each key apart', async () => {
    const { counters } = make();
    const [one, other] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    expect((await counters.hit(one, windowMs, 1)).allowed).toBe(true);
    expect((await counters.hit(one, windowMs, 1)).allowed).toBe(false);
    expect((await counters.hit(other, windowMs, 1)).allowed).toBe(true);
  });

  it('lets exactly the limit through when many hits arrive at once', async () => {
    const { counters } = make();
    const key = `test:${randomUUID()}`;
    const hits = await Promise.all(Array.from({ length: 50 }, () => counters.hit(key, windowMs * 10, 7)));
    expect(hits.filter((h) => h.allowed)).toHaveLength(7);
  });
};

describe('memory counters', () => {
  const clock = movableClock('2025-09-01T08:00:00+08:00');
  sharedBehaviour(
    () => ({
      counters: memoryCounters(clock),
      advance: async (ms) => clock.advance(ms),
    }),
    60_000,
  );

  it('says how long is left of the window that refused', async () => {
    const counters = memoryCounters(clock);
    await counters.hit('code:13812345678', 60_000, 1);
    clock.advance(15_000);
    expect(await counters.hit('code:13812345678', 60_000, 1)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 45_000 });
  });

  it('holds no more than its most keys, dropping the oldest window first', async () => {
    const counters = memoryCounters(clock, { maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await counters.hit(key, 60_000, 1);
    // 'a' was dropped to make room for 'd': it counts afresh; 'd' is still counted.
    expect((await counters.hit('a', 60_000, 1)).allowed).toBe(true);
    expect((await counters.hit('d', 60_000, 1)).allowed).toBe(false);
  });

  it('sweeps expired windows, so keys that are done take no room from live ones', async () => {
    const counters = memoryCounters(clock, { maxKeys: 3 });
    await counters.hit('live', 3_600_000, 1);
    for (const key of ['short-1', 'short-2']) await counters.hit(key, 1_000, 1);
    clock.advance(61_000);
    for (const key of ['new-1', 'new-2']) await counters.hit(key, 60_000, 1);
    // The two expired windows were swept, not the live one.
    expect((await counters.hit('live', 3_600_000, 1)).allowed).toBe(false);
  });
});

const redisSkipReason = 'skipped: set LEITAI_TEST_REDIS_URL=redis://… to run the counters against Redis';
if (!redisUrl) console.log(`Redis counters: ${redisSkipReason}`);

describe.skipIf(!redisUrl)('Redis counters', () => {
  const opened: Counters[] = [];
  afterAll(async () => {
    for (const counters of opened) await counters.close();
  });
  const open = () => {
    const counters = redisCounters(redisUrl!);
    opened.push(counters);
    return counters;
  };
  sharedBehaviour(() => ({ counters: open(), advance: (ms) => sleep(ms) }), 200);

  it('shares counts between processes: two connections count against one limit', async () => {
    const [one, other] = [open(), open()];
    const key = `test:${randomUUID()}`;
    expect((await one.hit(key, 60_000, 2)).allowed).toBe(true);
    expect((await other.hit(key, 60_000, 2)).allowed).toBe(true);
    expect((await one.hit(key, 60_000, 2)).allowed).toBe(false);
  });

  it('refuses with limits.unavailable when Redis does not answer', async () => {
    const counters = redisCounters('redis://127.0.0.1:1', { commandTimeoutMs: 300 });
    opened.push(counters);
    await expect(counters.hit('test:unreachable', 1000, 1)).rejects.toMatchObject({ code: 'limits.unavailable', status: 503 });
  });
});
