/**
 * What the rules over a phase's whole stream (lockstep, spray, slow) look votes up by, built once per
 * rescan from its columns: each vote's local day and minute, and the pairs of a voter and an entry
 * they voted for, with the votes of each pair, the pairs of each entry and of each voter. Groups are
 * made by counting sort into typed arrays, not maps of sets: a few integers a vote.
 */
import type { LocalTime } from '../../contest/local-time.ts';
import { votesOf, type StreamColumns } from './stream-columns.ts';

/** Items grouped: group g's are members[starts[g]] to members[starts[g + 1] - 1], in the order of their numbers. */
export interface Groups {
  starts: Int32Array;
  members: Int32Array;
}

/** The numbers 0…keys.length - 1 grouped by key (a key below 0: in no group), each group in order. */
export function groupBy(keys: Int32Array, groupCount: number): Groups {
  const starts = new Int32Array(groupCount + 1);
  let grouped = 0;
  for (const key of keys) {
    if (key < 0) continue;
    starts[key + 1] += 1;
    grouped += 1;
  }
  for (let group = 0; group < groupCount; group += 1) starts[group + 1] += starts[group];
  const next = starts.slice(0, groupCount);
  const members = new Int32Array(grouped);
  keys.forEach((key, item) => {
    if (key >= 0) members[next[key]++] = item;
  });
  return { starts, members };
}

export const sizeOf = (groups: Groups, group: number) => groups.starts[group + 1] - groups.starts[group];

export const membersOf = (groups: Groups, group: number) => groups.members.subarray(groups.starts[group], groups.starts[group + 1]);

export interface StreamIndex {
  length: number;
  castAt: Float64Array;
  /** Per vote, its entry and its voter, numbered in the order of their first vote. */
  entry: Int32Array;
  voter: Int32Array;
  entryCount: number;
  voterCount: number;
  /** Per vote, the local calendar day and minute of the day (contest/local-time.ts). */
  day: Int32Array;
  minute: Int16Array;
  /** Per vote, its pair (its voter and entry); pairs are numbered in the order of their first vote. */
  pairOf: Int32Array;
  pairVoter: Int32Array;
  pairEntry: Int32Array;
  votesOfPair: Groups;
  pairsOfEntry: Groups;
  pairsOfVoter: Groups;
  idOf: (vote: number) => string;
}

/**
 * Each vote's pair, numbered in the order of the pairs' first votes. The votes are taken voter by
 * voter, and an entry's pair is the voter's own when it was numbered since the voter's first.
 */
function pairsOf(voter: Int32Array, entry: Int32Array, voterCount: number, entryCount: number) {
  const byVoter = groupBy(voter, voterCount);
  const pairOf = new Int32Array(voter.length);
  const latestOfEntry = new Int32Array(entryCount).fill(-1);
  let count = 0;
  for (let v = 0; v < voterCount; v += 1) {
    const first = count;
    for (const vote of membersOf(byVoter, v)) {
      let pair = latestOfEntry[entry[vote]];
      if (pair < first) latestOfEntry[entry[vote]] = pair = count++;
      pairOf[vote] = pair;
    }
  }
  const renumbered = new Int32Array(count).fill(-1);
  const pairVoter = new Int32Array(count);
  const pairEntry = new Int32Array(count);
  let next = 0;
  pairOf.forEach((pair, vote) => {
    if (renumbered[pair] < 0) {
      renumbered[pair] = next;
      pairVoter[next] = voter[vote];
      pairEntry[next] = entry[vote];
      next += 1;
    }
    pairOf[vote] = renumbered[pair];
  });
  return { pairOf, pairVoter, pairEntry };
}

export function indexStream(columns: StreamColumns, localTime: (ms: number) => LocalTime): StreamIndex {
  const { length, castAt } = columns;
  const entries = columns.interned.registrationId;
  const voters = columns.interned.voterId;
  const day = new Int32Array(length);
  const minute = new Int16Array(length);
  castAt.forEach((ms, vote) => {
    const local = localTime(ms);
    day[vote] = local.day;
    minute[vote] = local.minuteOfDay;
  });
  const pairs = pairsOf(voters.codes, entries.codes, voters.values.length, entries.values.length);
  return {
    length,
    castAt,
    entry: entries.codes,
    voter: voters.codes,
    entryCount: entries.values.length,
    voterCount: voters.values.length,
    day,
    minute,
    ...pairs,
    votesOfPair: groupBy(pairs.pairOf, pairs.pairVoter.length),
    pairsOfEntry: groupBy(pairs.pairEntry, entries.values.length),
    pairsOfVoter: groupBy(pairs.pairVoter, voters.values.length),
    idOf: votesOf(columns).idOf,
  };
}
