/**
 * How fast votes may come, per voter, per address and per subnet, before the contest's own limits
 * are even read: a flood is refused for the price of a counter. They are wide on purpose. The
 * definition's limits say how many votes a voter has; these only cap the pace. Many honest voters
 * share one address (a mobile carrier's NAT, a campus) and a subnet more: a class of fifty casting
 * ten votes each within minutes of a WeChat post must pass, and telling them from a farm is the
 * fraud signals' work, which hold votes apart rather than refuse them.
 */
import { AppError } from '../platform/errors.ts';
import { count } from '../platform/plural.ts';

export interface VoteRateLimit {
  name: 'voter' | 'address' | 'subnet';
  windowMs: number;
  limit: number;
}

export const voteRateLimits: readonly VoteRateLimit[] = [
  // A person reading the showcase and voting entry after entry: one every two seconds at most.
  { name: 'voter', windowMs: 60_000, limit: 30 },
  { name: 'address', windowMs: 60_000, limit: 600 },
  { name: 'subnet', windowMs: 60_000, limit: 3000 },
];

export interface RateKeys {
  voter: string;
  address: string;
  subnet: string;
}

/** The counter key of a limit: the limit's name and what it counts. */
export const rateKey = (limit: VoteRateLimit, keys: RateKeys) => `vote:${limit.name}:${keys[limit.name]}`;

export const voteRateLimited = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(
    'vote.rate_limited',
    { zh: `投票过于频繁，请 ${seconds} 秒后再试`, en: `Votes are coming too fast; try again in ${count(seconds, 'second')}` },
    429,
  );
};
