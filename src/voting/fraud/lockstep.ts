/**
 * Lockstep rings (the idea of Facebook's CopyCatch, WWW 2013, and SynchroTrap, CCS 2014): groups of
 * voters who act on the same entries in the same short windows, again and again. Two voters are
 * linked when they voted for the same entry within minutes of each other on several entries and
 * several days: a pair of honest fans of the same three entries may once vote in the same evening
 * minutes, but rarely on two days. Groups are what is left when every voter with fewer links than
 * `links` inside it is taken away (a k-core), split into connected parts of at least `voters`. Held:
 * the group's votes that another member of the group matched within the minutes, so a member's own
 * votes elsewhere still count.
 */
import type { Firing } from './detector.ts';
import { minutesOf } from './detector.ts';
import { groupBy, membersOf, sizeOf, type Groups, type StreamIndex } from './stream-index.ts';
import { thresholds } from './thresholds.ts';

type Lockstep = typeof thresholds.lockstep;

const bitCount = (mask: number) => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
};

/**
 * The votes by the voters who voted for enough entries to be in a ring: each such voter's rank
 * (-1: not one), the votes by entry in time order, and each vote's day of the phase as a bit.
 */
function actsOf(stream: StreamIndex, minEntries: number) {
  const rankOf = new Int32Array(stream.voterCount).fill(-1);
  let ranked = 0;
  for (let voter = 0; voter < stream.voterCount; voter += 1) if (sizeOf(stream.pairsOfVoter, voter) >= minEntries) rankOf[voter] = ranked++;
  const entryOfAct = stream.entry.map((entry, vote) => (rankOf[stream.voter[vote]] >= 0 ? entry : -1));
  const firstDay = stream.length > 0 ? stream.day[0] : 0;
  const dayBit = stream.day.map((day) => 1 << Math.min(30, day - firstDay));
  return { rankOf, ranked, byEntry: groupBy(entryOfAct, stream.entryCount), dayBit };
}

type Acts = ReturnType<typeof actsOf>;

/** The first of the entry's acts cast at or after `from`. */
function firstActFrom(acts: Groups, entry: number, castAt: Float64Array, from: number) {
  let low = acts.starts[entry];
  let high = acts.starts[entry + 1];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (castAt[acts.members[middle]] < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The pairs of voters linked: who voted for the same entry within `withinMs` of each other on at
 * least `entries` entries, those votes on at least `days` days. Voter by voter, each of their
 * votes meets the entry's votes within the minutes around it; what a voter shares with each other
 * is counted in arrays as long as the ranks, cleared for the next voter.
 */
function linksOf(stream: StreamIndex, acts: Acts, t: Lockstep) {
  const { castAt, voter } = stream;
  const { rankOf, byEntry, dayBit } = acts;
  const sharedEntries = new Int32Array(acts.ranked);
  const sharedDays = new Int32Array(acts.ranked);
  const lastEntry = new Int32Array(acts.ranked).fill(-1);
  const met: number[] = [];
  const links = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    let near = links.get(a);
    if (!near) links.set(a, (near = new Set()));
    near.add(b);
  };
  for (let v = 0; v < stream.voterCount; v += 1) {
    const a = rankOf[v];
    if (a < 0) continue;
    for (const pair of membersOf(stream.pairsOfVoter, v)) {
      const e = stream.pairEntry[pair];
      for (const own of membersOf(stream.votesOfPair, pair)) {
        const until = castAt[own] + t.withinMs;
        for (let at = firstActFrom(byEntry, e, castAt, castAt[own] - t.withinMs); at < byEntry.starts[e + 1]; at += 1) {
          const other = byEntry.members[at];
          if (castAt[other] > until) break;
          const b = rankOf[voter[other]];
          if (b === a) continue;
          if (lastEntry[b] !== e) {
            if (lastEntry[b] < 0) met.push(b);
            lastEntry[b] = e;
            sharedEntries[b] += 1;
          }
          sharedDays[b] |= dayBit[own] | dayBit[other];
        }
      }
    }
    for (const b of met) {
      if (b > a && sharedEntries[b] >= t.entries && bitCount(sharedDays[b]) >= t.days) {
        link(a, b);
        link(b, a);
      }
      sharedEntries[b] = 0;
      sharedDays[b] = 0;
      lastEntry[b] = -1;
    }
    met.length = 0;
  }
  return links;
}

/** The k-core's connected parts of at least `size` voters. */
function groupsOf(links: Map<number, Set<number>>, k: number, size: number): number[][] {
  const removed = new Set<number>();
  const queue = [...links].filter(([, near]) => near.size < k).map(([voter]) => voter);
  while (queue.length > 0) {
    const voter = queue.pop()!;
    if (removed.has(voter)) continue;
    removed.add(voter);
    for (const other of links.get(voter)!) {
      const near = links.get(other)!;
      near.delete(voter);
      if (near.size < k && !removed.has(other)) queue.push(other);
    }
  }
  const seen = new Set<number>();
  const groups: number[][] = [];
  for (const start of links.keys()) {
    if (removed.has(start) || seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i += 1) {
      for (const other of links.get(group[i])!) {
        if (!removed.has(other) && !seen.has(other)) {
          seen.add(other);
          group.push(other);
        }
      }
    }
    if (group.length >= size) groups.push(group);
  }
  return groups;
}

/**
 * The group's votes matched by a neighbour among the group's votes for the same entry (the one
 * before or the next): another member's, cast within `withinMs`.
 */
function votesInStep(group: Set<number>, stream: StreamIndex, acts: Acts, withinMs: number) {
  const votes: number[] = [];
  const entries = new Set<number>();
  const days = new Set<number>();
  for (let entry = 0; entry < stream.entryCount; entry += 1) {
    const own = membersOf(acts.byEntry, entry).filter((vote) => group.has(acts.rankOf[stream.voter[vote]]));
    own.forEach((vote, i) => {
      const inStep = (other: number | undefined) =>
        other !== undefined && stream.voter[other] !== stream.voter[vote] && Math.abs(stream.castAt[other] - stream.castAt[vote]) <= withinMs;
      if (!inStep(own[i - 1]) && !inStep(own[i + 1])) return;
      votes.push(vote);
      entries.add(entry);
      days.add(acts.dayBit[vote]);
    });
  }
  return { ids: votes.map(stream.idOf), entries: entries.size, days: days.size };
}

/** The lockstep groups of a vote phase's stream, as firings of the `lockstep` signal. */
export function lockstepFirings(stream: StreamIndex, t = thresholds.lockstep): Firing[] {
  const acts = actsOf(stream, t.entries);
  const minutes = minutesOf(t.withinMs);
  return groupsOf(linksOf(stream, acts, t), t.links, t.voters).map((group) => {
    const step = votesInStep(new Set(group), stream, acts, t.withinMs);
    return {
      reason: {
        signal: 'lockstep',
        detail: {
          zh: `${group.length} 个号码在 ${step.days} 天里一次次在 ${minutes} 分钟之内投给同样的作品（共 ${step.entries} 个）`,
          en: `${group.length} voters voted for the same entries (${step.entries} in all) within ${minutes} min of each other, again and again over ${step.days} days`,
        },
      },
      voteIds: step.ids,
    };
  });
}
