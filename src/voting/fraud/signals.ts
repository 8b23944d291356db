/**
 * The fraud signals ingest runs on every vote as it arrives: what they find is held apart at once.
 * Each signal keeps only sliding windows of recent votes in memory (window.ts), per process, so
 * assessing a vote costs a few map lookups. What needs the whole stream over time (lockstep rings,
 * spray and slow farms) is found later by the rescan (rescan-rules.ts), which also replays these
 * signals knowing what came after: a group that fired has its earlier votes held as well.
 */
import type { HoldReason } from '../hold-reason.ts';
import { burstDetector } from './burst.ts';
import { crowdingDetector } from './crowding.ts';
import type { Detector, Firing, SignalVote } from './detector.ts';
import { deviceDetector } from './device.ts';
import { localTimeIn } from '../../contest/local-time.ts';
import { numberBlockDetector } from './number-block.ts';
import { isVirtualRange, numberOf } from './numbers.ts';
import { oddHoursDetector } from './odd-hours.ts';
import { thresholds } from './thresholds.ts';

export type { SignalVote } from './detector.ts';

export interface VoteSignalsOptions {
  /** The contest's time zone, for odd hours; Asia/Shanghai when not given. */
  timeZoneOf?: (contestId: string) => string;
}

export interface VoteSignals {
  /** Why to hold this vote; empty to count it. */
  assess(vote: SignalVote): HoldReason[];
  /** Every signal that fired on this vote, with the votes of its group not named before. */
  observe(vote: SignalVote): Firing[];
}

export function createVoteSignals(options: VoteSignalsOptions = {}): VoteSignals {
  const detectors: Detector[] = [
    burstDetector(),
    crowdingDetector('address'),
    crowdingDetector('subnet'),
    deviceDetector(),
    numberBlockDetector(),
    oddHoursDetector(),
  ];
  const firstSeen = new Map<string, number>();
  const localTime = (contestId: string, ms: number) => localTimeIn(options.timeZoneOf?.(contestId) ?? 'Asia/Shanghai')(ms);

  const observe = (vote: SignalVote): Firing[] => {
    const at = vote.castAt.getTime();
    const first = vote.voterSince?.getTime() ?? firstSeen.get(vote.voterId) ?? at;
    if (!vote.voterSince && !firstSeen.has(vote.voterId)) firstSeen.set(vote.voterId, at);
    const context = {
      at,
      phase: `${vote.contestId}|${vote.phaseId}`,
      fresh: at - first < thresholds.freshMs,
      number: numberOf(vote.phone),
      virtual: isVirtualRange(vote.phone),
      minuteOfDay: localTime(vote.contestId, at).minuteOfDay,
    };
    return detectors.flatMap((detector) => detector.observe(vote, context) ?? []);
  };

  return { observe, assess: (vote) => observe(vote).map((firing) => firing.reason) };
}
