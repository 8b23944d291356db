/**
 * `npm run simulate:votes`, as a pure function: builds a world of honest voters, honest crowds and
 * farms, runs the signals over its votes in time order as ingest would, then the rescan over the
 * whole stream as it stands when the vote closes, and measures what was held against what each
 * vote really was.
 */
import { createVoteSignals } from '../signals.ts';
import { suspectVotes } from '../rescan-rules.ts';
import { farms } from './farms.ts';
import { honestBackground, schoolClass, viralSurge } from './honest.ts';
import { timeZone, World, type SimulatedVote, type WorldOptions } from './world.ts';

export interface KindResult {
  farm: boolean;
  votes: number;
  held: number;
  /** held ÷ votes: the recall of a farm, the share wrongly held of an honest kind. */
  share: number;
}

export interface SimulationReport {
  votes: number;
  farmVotes: number;
  /** Of the votes held, how many were a farm's. */
  precision: number;
  /** Of the farms' votes, how many were held. */
  recall: number;
  /** The same, from the ingest signals alone, before any rescan; and what assessing a vote cost on average. */
  atIngest: { precision: number; recall: number; microsecondsPerVote: number };
  kinds: Record<string, KindResult>;
  /** Per signal: the votes it held and how many of them were a farm's. */
  signals: Record<string, { held: number; precision: number }>;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000);

export function buildWorld(options: WorldOptions): SimulatedVote[] {
  const world = new World(options);
  honestBackground(world);
  schoolClass(world, 45);
  schoolClass(world, 120);
  viralSurge(world, 1500);
  for (const farm of Object.values(farms)) farm(world, options.farmScale);
  return world.votes.sort((a, b) => a.castAt.getTime() - b.castAt.getTime());
}

const measure = (votes: readonly SimulatedVote[], held: (vote: SimulatedVote) => boolean) => {
  const heldVotes = votes.filter(held);
  const caught = heldVotes.filter((vote) => vote.farm).length;
  return { precision: ratio(caught, heldVotes.length), recall: ratio(caught, votes.filter((vote) => vote.farm).length) };
};

export function simulateVotes(options: WorldOptions): SimulationReport {
  const votes = buildWorld(options);
  const signals = createVoteSignals();
  const reasons = new Map<string, Set<string>>();
  const hold = (id: string, signal: string) => {
    const own = reasons.get(id) ?? new Set();
    own.add(signal);
    reasons.set(id, own);
  };
  const started = performance.now();
  const assessed = votes.map((vote) => signals.assess(vote));
  const microsecondsPerVote = Math.round(((performance.now() - started) * 1000) / Math.max(1, votes.length));
  assessed.forEach((found, i) => found.forEach((reason) => hold(votes[i].id, reason.signal)));
  const atIngest = { ...measure(votes, (vote) => reasons.has(vote.id)), microsecondsPerVote };
  for (const [id, found] of suspectVotes(votes, timeZone)) for (const reason of found) hold(id, reason.signal);

  const kinds: Record<string, KindResult> = {};
  const signalCounts: Record<string, { held: number; farm: number }> = {};
  for (const vote of votes) {
    const kind = (kinds[vote.kind] ??= { farm: vote.farm, votes: 0, held: 0, share: 0 });
    kind.votes += 1;
    const own = reasons.get(vote.id);
    if (!own) continue;
    kind.held += 1;
    for (const signal of own) {
      const counts = (signalCounts[signal] ??= { held: 0, farm: 0 });
      counts.held += 1;
      if (vote.farm) counts.farm += 1;
    }
  }
  for (const kind of Object.values(kinds)) kind.share = ratio(kind.held, kind.votes);
  return {
    votes: votes.length,
    farmVotes: votes.filter((vote) => vote.farm).length,
    ...measure(votes, (vote) => reasons.has(vote.id)),
    atIngest,
    kinds,
    signals: Object.fromEntries(Object.entries(signalCounts).map(([signal, c]) => [signal, { held: c.held, precision: ratio(c.farm, c.held) }])),
  };
}
