/**
 * What the vote path reads of a contest for every vote: its definition with the organiser's
 * schedule changes, the phase's voting rules, and the entries voted on (the counting round's
 * entries). Kept in memory for `ttlMs` (default 1 s), read once for all the requests that ask
 * meanwhile: a vote costs no query for them, and a schedule change, a withdrawal or a round's
 * publication reaches the vote path within that second.
 */
import { getScheduledContest } from '../schedule/service.ts';
import type { StoredContest } from '../contest/service.ts';
import { notFound } from '../platform/errors.ts';
import type { Executor } from '../platform/transaction.ts';
import { roundEntries, type RoundEntry } from '../review/round-entries.ts';
import { votingRulesOf, type VotingRules } from './rules.ts';

export interface VotePhase {
  contest: StoredContest;
  rules: VotingRules;
  /** The entries voted on, by id, in reference order. */
  entries: ReadonlyMap<string, RoundEntry>;
}

export interface VotePhases {
  /** The contest as scheduled; contest.not_found when there is none. */
  contest(contestId: string): Promise<StoredContest>;
  /** The phase's vote; vote.phase_not_found when Leitai runs no vote in it. */
  phase(contestId: string, phaseId: string): Promise<VotePhase>;
  /** The time zone of a contest read before (the fraud signals' odd hours); Asia/Shanghai for one not read yet. */
  timeZoneOf(contestId: string): string;
}

export interface VotePhasesOptions {
  ttlMs?: number;
  /** A monotonic clock in ms (default performance.now): an age, not a time of day. */
  now?: () => number;
}

export const phaseNotVoted = (phaseId: string) =>
  notFound({ zh: `由擂台进行的投票阶段 ${phaseId}`, en: `Public vote phase ${phaseId} run by Leitai` }, 'vote.phase_not_found');

/** A read kept for `ttlMs`, and shared by every caller that asks while it runs. */
function recent<T>(ttlMs: number, now: () => number) {
  const kept = new Map<string, { value: Promise<T>; at: number }>();
  return (key: string, read: () => Promise<T>): Promise<T> => {
    const found = kept.get(key);
    if (found && now() - found.at < ttlMs) return found.value;
    const value = read();
    kept.set(key, { value, at: now() });
    // A failed read is not kept: the next caller tries again.
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}

export function createVotePhases(db: Executor, options: VotePhasesOptions = {}): VotePhases {
  const ttlMs = options.ttlMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const contests = recent<StoredContest>(ttlMs, now);
  const phases = recent<VotePhase>(ttlMs, now);
  const zones = new Map<string, string>();
  const contest = (contestId: string) =>
    contests(contestId, async () => {
      const scheduled = await getScheduledContest(db, contestId);
      zones.set(contestId, scheduled.definition.timeZone);
      return scheduled;
    });

  return {
    contest,
    timeZoneOf: (contestId) => zones.get(contestId) ?? 'Asia/Shanghai',
    phase: (contestId, phaseId) =>
      phases(`${contestId}\u0000${phaseId}`, async () => {
        const scheduled = await contest(contestId);
        const rules = votingRulesOf(scheduled.definition, phaseId);
        if (!rules) throw phaseNotVoted(phaseId);
        const { entries } = await roundEntries(db, scheduled, rules.roundId);
        return { contest: scheduled, rules, entries: new Map(entries.map((entry) => [entry.id, entry])) };
      }),
  };
}
