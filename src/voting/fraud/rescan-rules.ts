/**
 * What a rescan holds, from a vote phase's whole stream so far (pure: the rescan service loads the
 * votes and writes the result). The ingest signals are replayed in time order, and a group that
 * fired has all its votes held, the ones that came before it fired too; then the signals that only
 * the stream over time shows: lockstep rings, spray farms, slow farms.
 */
import type { HoldReason } from '../hold-reason.ts';
import type { Firing, SignalVote } from './detector.ts';
import { localTimeIn } from '../../contest/local-time.ts';
import { lockstepFirings } from './lockstep.ts';
import { createVoteSignals } from './signals.ts';
import { slowFirings } from './slow.ts';
import { sprayFirings } from './spray.ts';

/** Each suspect vote's id with the reasons to hold it, one per signal. `votes` in time order. */
export function suspectVotes(votes: readonly SignalVote[], timeZone: string): Map<string, HoldReason[]> {
  const signals = createVoteSignals({ timeZoneOf: () => timeZone });
  const localTime = localTimeIn(timeZone);
  const firings: Firing[] = [
    ...votes.flatMap((vote) => signals.observe(vote)),
    ...lockstepFirings(votes, (ms) => localTime(ms).day),
    ...sprayFirings(votes),
    ...slowFirings(votes, localTime),
  ];
  const reasons = new Map<string, HoldReason[]>();
  for (const { reason, voteIds } of firings) {
    for (const id of voteIds) {
      const own = reasons.get(id) ?? [];
      if (!own.some((r) => r.signal === reason.signal)) own.push(reason);
      reasons.set(id, own);
    }
  }
  return reasons;
}
