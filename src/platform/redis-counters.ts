/**
 * Counters in Redis (REDIS_URL), shared by every server process. A hit is one Lua script, so the
 * increment and the window's expiry are set atomically: no key can be left counting forever by a
 * process that died between the two.
 */
import { Redis } from 'ioredis';
import { counterHit, countersUnavailable, type Counters } from './counters.ts';

const KEY_PREFIX = 'leitai:limit:';

// PEXPIRE on the first hit starts the window; a key found without an expiry (written by hand, or
// by a script of an older version) is given one rather than counted forever.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type HitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

export interface RedisCountersOptions {
  /** How long one hit may wait for Redis before the limit refuses (limits.unavailable). Default 2 s. */
  commandTimeoutMs?: number;
}

export function redisCounters(url: string, options: RedisCountersOptions = {}): Counters {
  const redis = new Redis(url, { commandTimeout: options.commandTimeoutMs ?? 2000, maxRetriesPerRequest: 1 });
  // A lost connection is retried by ioredis; each hit meanwhile fails on its own (limits.unavailable).
  // Without a listener the 'error' event would end the process.
  redis.on('error', () => undefined);
  redis.defineCommand('leitaiHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const hitCommand = (redis as unknown as { leitaiHit: HitCommand }).leitaiHit.bind(redis);

  return {
    async hit(key, windowMs, limit) {
      let reply: [number, number];
      try {
        reply = await hitCommand(KEY_PREFIX + key, Math.max(1, Math.ceil(windowMs)));
      } catch {
        throw countersUnavailable();
      }
      const [count, msLeft] = reply;
      return counterHit(Number(count), limit, Number(msLeft));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
