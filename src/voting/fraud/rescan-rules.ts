/**
 * What a rescan holds, from a vote phase's whole stream so far (pure: the rescan service reads the
 * votes and writes the result). The ingest signals are replayed in time order, and a group that
 * fired has all its votes held, the ones that came before it fired too; then the signals that only
 * the stream over time shows: lockstep rings, spray farms, slow farms. The stream is held in
 * columns (stream-columns.ts) and indexed once for the three (stream-index.ts).
 */
import type { HoldReason } from '../hold-reason.ts';
import type { Firing, SignalVote } from './detector.ts';
import { localTimeIn } from '../../contest/local-time.ts';
import { lockstepFirings } from './lockstep.ts';
import { createVoteSignals } from './signals.ts';
import { slowFirings } from './slow.ts';
import { sprayFirings } from './spray.ts';
import { columnsOf, votesOf, type StreamColumns } from './stream-columns.ts';
import { indexStream } from './stream-index.ts';

/** The ingest signals' firings over the stream, a vote at a time: only the votes in their windows are kept. */
function replayedFirings(columns: StreamColumns, timeZone: string): Firing[] {
  const signals = createVoteSignals({ timeZoneOf: () => timeZone });
  const { voteAt } = votesOf(columns);
  const firings: Firing[] = [];
  for (let vote = 0; vote < columns.length; vote += 1) firings.push(...signals.observe(voteAt(vote)));
  return firings;
}

/** Each suspect vote's id with the reasons to hold it, one per signal. The stream's votes in time order. */
export function suspectVotesOfStream(columns: StreamColumns, timeZone: string): Map<string, HoldReason[]> {
  const stream = indexStream(columns, localTimeIn(timeZone));
  const firings = [...replayedFirings(columns, timeZone), ...lockstepFirings(stream), ...sprayFirings(stream), ...slowFirings(stream)];
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

/** suspectVotesOfStream of votes of one phase, in time order. */
export const suspectVotes = (votes: readonly SignalVote[], timeZone: string) => suspectVotesOfStream(columnsOf(votes), timeZone);
