/** The vote path's replies, field by field (schema.ts has their shapes). */
import { isWithin, windowToIso } from '../contest/time.ts';
import type { EntryCounts } from './ingest/counts.ts';
import { limitsInWords, showCountsWords, type VotesLeft } from './rules.ts';
import type { VotePhase } from './vote-phase.ts';

const presentVotesLeft = (left: VotesLeft) => ({
  today: left.today,
  total: left.total,
  ...(left.perDivision && { perDivision: left.perDivision }),
  entriesAtLimit: left.entriesAtLimit,
});

export const presentVote = (cast: { vote: { id: string }; votesLeft: VotesLeft }) => ({
  vote: { id: cast.vote.id, status: 'received' as const },
  votesLeft: presentVotesLeft(cast.votesLeft),
});

export const presentVotePhase = ({ phase, at, countsShown, votesLeft }: { phase: VotePhase; at: Date; countsShown: boolean; votesLeft: VotesLeft | null }) => {
  const { rules } = phase;
  const limits = limitsInWords(rules);
  return {
    id: rules.phase.id,
    name: rules.phase.name,
    ...(rules.phase.nameEn && { nameEn: rules.phase.nameEn }),
    window: windowToIso(rules.window),
    open: isWithin(rules.window, at),
    rules: {
      words: [...limits.map((limit) => limit.text), showCountsWords[rules.showCounts]],
      limits: Object.fromEntries(limits.map((limit) => [limit.limit, limit.max])),
    },
    showCounts: rules.showCounts,
    countsShown,
    divisions: rules.divisions.map((division) => ({ id: division.id, name: division.name, ...(division.nameEn && { nameEn: division.nameEn }) })),
    votesLeft: votesLeft && presentVotesLeft(votesLeft),
  };
};

const none: EntryCounts = { counted: 0, held: 0 };

/** Every entry voted on, in reference order, with its counts; held votes for organisers only. */
export const presentTallies = ({ phase, counts, organiser }: { phase: VotePhase; counts: ReadonlyMap<string, EntryCounts>; organiser: boolean }) => {
  const entries = [...phase.entries.values()].map((entry) => {
    const { counted, held } = counts.get(entry.id) ?? none;
    return { id: entry.id, ref: entry.ref, title: entry.title, division: entry.division, counted, ...(organiser && { held }) };
  });
  const sum = (pick: (c: EntryCounts) => number) => [...counts.values()].reduce((total, c) => total + pick(c), 0);
  return { phaseId: phase.rules.phase.id, entries, counted: sum((c) => c.counted), ...(organiser && { held: sum((c) => c.held) }) };
};
