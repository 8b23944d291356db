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
import type { Firing, SignalVote } from './detector.ts';
import { minutesOf } from './detector.ts';
import { thresholds } from './thresholds.ts';

interface Act {
  voter: number;
  at: number;
  day: number;
  id: string;
}

const bitCount = (mask: number) => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
};

/** Each entry's votes by the voters who voted for enough entries to be in a ring, in time order. */
function actsByEntry(votes: readonly SignalVote[], dayOf: (ms: number) => number, minEntries: number) {
  const entriesOf = new Map<string, Set<string>>();
  for (const vote of votes) {
    let entries = entriesOf.get(vote.voterId);
    if (!entries) entriesOf.set(vote.voterId, (entries = new Set()));
    entries.add(vote.registrationId);
  }
  const voters = [...entriesOf].filter(([, entries]) => entries.size >= minEntries).map(([voter]) => voter);
  const indexOf = new Map(voters.map((voter, i) => [voter, i]));
  const firstDay = votes.length > 0 ? dayOf(votes[0].castAt.getTime()) : 0;
  const acts = new Map<string, Act[]>();
  for (const vote of votes) {
    const voter = indexOf.get(vote.voterId);
    if (voter === undefined) continue;
    let list = acts.get(vote.registrationId);
    if (!list) acts.set(vote.registrationId, (list = []));
    const at = vote.castAt.getTime();
    list.push({ voter, at, day: Math.min(30, dayOf(at) - firstDay), id: vote.id });
  }
  return { voters, acts };
}

/** For each pair of voters: on how many entries, and on which days, they voted within `withinMs` of each other. */
function pairsInStep(acts: Map<string, Act[]>, voterCount: number, withinMs: number) {
  const slotOf = new Map<number, number>();
  const entries: number[] = [];
  const days: number[] = [];
  for (const list of acts.values()) {
    const counted = new Set<number>();
    let start = 0;
    for (let i = 0; i < list.length; i += 1) {
      while (list[start].at < list[i].at - withinMs) start += 1;
      for (let j = start; j < i; j += 1) {
        const [a, b] = list[i].voter < list[j].voter ? [list[i].voter, list[j].voter] : [list[j].voter, list[i].voter];
        if (a === b) continue;
        const key = a * voterCount + b;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = entries.length;
          slotOf.set(key, slot);
          entries.push(0);
          days.push(0);
        }
        days[slot] |= (1 << list[i].day) | (1 << list[j].day);
        if (!counted.has(key)) {
          counted.add(key);
          entries[slot] += 1;
        }
      }
    }
  }
  return { slotOf, entries, days };
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

/** The group's votes matched by another member's vote for the same entry within `withinMs`. */
function votesInStep(group: Set<number>, acts: Map<string, Act[]>, withinMs: number) {
  const ids: string[] = [];
  const entries = new Set<string>();
  const days = new Set<number>();
  for (const [entry, list] of acts) {
    const own = list.filter((act) => group.has(act.voter));
    own.forEach((act, i) => {
      const matched = [own[i - 1], own[i + 1]].some((other) => other && other.voter !== act.voter && Math.abs(other.at - act.at) <= withinMs);
      if (!matched) return;
      ids.push(act.id);
      entries.add(entry);
      days.add(act.day);
    });
  }
  return { ids, entries: entries.size, days: days.size };
}

/** The lockstep groups of a vote phase's stream (votes in time order), as firings of the `lockstep` signal. */
export function lockstepFirings(votes: readonly SignalVote[], dayOf: (ms: number) => number, t = thresholds.lockstep): Firing[] {
  const { voters, acts } = actsByEntry(votes, dayOf, t.entries);
  const pairs = pairsInStep(acts, voters.length, t.withinMs);
  const links = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    let near = links.get(a);
    if (!near) links.set(a, (near = new Set()));
    near.add(b);
  };
  for (const [key, slot] of pairs.slotOf) {
    if (pairs.entries[slot] < t.entries || bitCount(pairs.days[slot]) < t.days) continue;
    const a = Math.floor(key / voters.length);
    const b = key % voters.length;
    link(a, b);
    link(b, a);
  }
  const minutes = minutesOf(t.withinMs);
  return groupsOf(links, t.links, t.voters).map((group) => {
    const step = votesInStep(new Set(group), acts, t.withinMs);
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
