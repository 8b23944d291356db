/**
 * Rate limits for public voting (codes per number and per address, votes per voter, address and
 * subnet, challenges solved once): fixed windows that start at a key's first hit. Kept in this
 * process by default; in Redis when REDIS_URL is set, so that every server process behind one load
 * balancer counts against the same limits (redis-counters.ts). One Counters serves every limit of
 * the process: keys name the limit (`voter-code:phone-hour:138…`).
 */
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';

export interface CounterHit {
  /** Whether this hit is within the limit (the hit counts either way). */
  allowed: boolean;
  /** Hits still allowed in the current window. */
  remaining: number;
  /** When refused, how long until the window ends and the key may hit again; 0 when allowed. */
  retryAfterMs: number;
}

export interface Counters {
  /** Counts one hit on `key`, in a window of `windowMs` from its first hit, allowing `limit` hits per window. */
  hit(key: string, windowMs: number, limit: number): Promise<CounterHit>;
  /** Lets go of what the counters hold open (the Redis connection). */
  close(): Promise<void>;
}

export const counterHit = (count: number, limit: number, msLeft: number): CounterHit => ({
  allowed: count <= limit,
  remaining: Math.max(0, limit - count),
  retryAfterMs: count <= limit ? 0 : Math.max(1, msLeft),
});

/** Redis did not answer: limits that cannot be checked refuse rather than let anything through. */
export const countersUnavailable = () =>
  new AppError(
    'limits.unavailable',
    { zh: '限流服务暂时不可用，请稍后重试', en: 'The rate-limit service is unavailable for the moment; please try again shortly' },
    503,
  );

export interface MemoryCountersOptions {
  /**
   * The most keys kept at once. Expired keys are swept once a minute; past this many live keys the
   * oldest are dropped, so a flood of fresh keys (addresses, numbers) cannot grow the process without
   * bound. Default 500,000 (about 60 MB).
   */
  maxKeys?: number;
}

const SWEEP_EVERY_MS = 60_000;

/** Counters in this process's memory: exact for one process, not shared with others. */
export function memoryCounters(clock: Clock, options: MemoryCountersOptions = {}): Counters {
  const maxKeys = options.maxKeys ?? 500_000;
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweepAt = 0;

  const sweep = (now: number) => {
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
    nextSweepAt = now + SWEEP_EVERY_MS;
  };

  const makeRoom = (now: number) => {
    if (now >= nextSweepAt || windows.size >= maxKeys) sweep(now);
    // A Map iterates in insertion order: the first keys are the oldest windows.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  return {
    async hit(key, windowMs, limit) {
      const now = clock.now().getTime();
      let window = windows.get(key);
      if (!window || window.endsAt <= now) {
        if (window) windows.delete(key);
        makeRoom(now);
        window = { count: 0, endsAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return counterHit(window.count, limit, window.endsAt - now);
    },
    async close() {
      windows.clear();
    },
  };
}
