/**
 * A round's assignment problem (model.ts) from what the service loads: the round's entries, its judges,
 * the conflicts, and the pairs that must stay. Pure.
 *
 * - judgesNeeded: the round's judgesPerEntry; in a live round every judge of the round scores every
 *   entry, so each entry needs every judge who covers it and has no conflict with it (at least one,
 *   so an entry nobody can judge is reported short, not left out).
 * - cap: the judge's own cap or the round's judgeCap, whichever is lower; with neither, every entry.
 * - kept pairs (a judge has a draft or submitted score): a new run keeps them and solves only the
 *   places left, so each entry needs fewer judges, each judge has fewer entries left under the cap,
 *   and the kept judge is not given the same entry twice. The balance part of the objective then
 *   spreads only the new entries; a judge's kept ones count against the cap alone.
 * - affinity: each of a judge's expertise words found in an entry's title or track name scores 25
 *   (at most 100), so among equal assignments the solver prefers judges whose field fits the entry.
 */
import { coverGroups, type RoundEntry } from '../round-entries.ts';
import { maxAffinityScore, type AffinityScore, type AssignmentInstance, type JudgeEntryPair } from './model.ts';

export interface InstanceRound {
  mode: 'online' | 'live';
  judgesPerEntry: number;
  judgeCap?: number;
}

export interface InstanceEntry extends Pick<RoundEntry, 'id' | 'groups'> {
  /** What a judge's expertise is looked for in: the title and the track's name. */
  text: string;
}

export interface InstanceJudge {
  id: string;
  covers: readonly string[];
  cap: number | null;
  expertise: readonly string[];
}

export interface InstanceInput {
  round: InstanceRound;
  entries: readonly InstanceEntry[];
  judges: readonly InstanceJudge[];
  conflicts: readonly JudgeEntryPair[];
  /** Pairs that stay as they are; none for a hand move, which checks against the whole assignment. */
  kept?: readonly JudgeEntryPair[];
}

const affinityPerWord = 25;

const pairKey = (pair: JudgeEntryPair) => `${pair.judge}\u0000${pair.entry}`;

const countBy = (pairs: readonly JudgeEntryPair[], side: 'judge' | 'entry') => {
  const counts = new Map<string, number>();
  for (const pair of pairs) counts.set(pair[side], (counts.get(pair[side]) ?? 0) + 1);
  return counts;
};

export const judgeCapIn = (round: InstanceRound, judge: Pick<InstanceJudge, 'cap'>, entries: number) =>
  Math.min(judge.cap ?? Infinity, round.judgeCap ?? Infinity, entries);

function affinityOf(entries: readonly InstanceEntry[], judges: readonly InstanceJudge[], reaches: (judge: number, entry: InstanceEntry) => boolean) {
  const scores: AffinityScore[] = [];
  judges.forEach((judge, j) => {
    const words = judge.expertise.map((word) => word.trim()).filter((word) => word.length > 0);
    if (words.length === 0) return;
    for (const entry of entries) {
      const found = words.filter((word) => entry.text.includes(word)).length;
      if (found > 0 && reaches(j, entry)) scores.push({ judge: judge.id, entry: entry.id, score: Math.min(maxAffinityScore, found * affinityPerWord) });
    }
  });
  return scores;
}

export function buildInstance({ round, entries, judges, conflicts, kept = [] }: InstanceInput): AssignmentInstance {
  const entryIds = new Set(entries.map((entry) => entry.id));
  const judgeIds = new Set(judges.map((judge) => judge.id));
  const known = (pair: JudgeEntryPair) => entryIds.has(pair.entry) && judgeIds.has(pair.judge);
  const keptPairs = kept.filter(known);
  // A kept judge is, for the places left, as good as conflicted: never given the entry again.
  const excluded = new Map([...conflicts.filter(known), ...keptPairs].map((pair) => [pairKey(pair), pair]));
  const groupsOf = judges.map((judge) => new Set(coverGroups(judge.covers)));
  const reaches = (j: number, entry: InstanceEntry) => entry.groups.some((group) => groupsOf[j].has(group));
  const keptOfEntry = countBy(keptPairs, 'entry');
  const keptOfJudge = countBy(keptPairs, 'judge');
  const needed = (entry: InstanceEntry) => {
    const keptHere = keptOfEntry.get(entry.id) ?? 0;
    if (round.mode === 'online') return Math.max(0, round.judgesPerEntry - keptHere);
    const free = judges.filter((judge, j) => reaches(j, entry) && !excluded.has(pairKey({ judge: judge.id, entry: entry.id }))).length;
    return free > 0 || keptHere > 0 ? free : 1;
  };
  const open = entries.map((entry) => ({ entry, judgesNeeded: needed(entry) })).filter((place) => place.judgesNeeded > 0);
  const openIds = new Set(open.map((place) => place.entry.id));
  return {
    entries: open.map(({ entry, judgesNeeded }) => ({ id: entry.id, groups: entry.groups, judgesNeeded })),
    judges: judges.map((judge) => ({
      id: judge.id,
      covers: coverGroups(judge.covers),
      cap: Math.max(0, judgeCapIn(round, judge, entries.length) - (keptOfJudge.get(judge.id) ?? 0)),
    })),
    conflicts: [...excluded.values()].filter((pair) => openIds.has(pair.entry)),
    affinity: affinityOf(
      open.map((place) => place.entry),
      judges,
      reaches,
    ),
  };
}
