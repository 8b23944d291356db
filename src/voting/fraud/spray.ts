/**
 * Spray farms: accounts that vote for their target and spread their other votes over many entries
 * to hide it, so that no entry's stream shows a burst and no account votes for one entry only. What
 * gives them away is the target's voter list: its voters turn up among the voters of many other
 * entries, each far more often than chance would give (the lift), where an honest entry's voters
 * vote elsewhere as everyone does. A sprayer touches each decoy about once, new ones
 * day after day; an honest fan comes back to the same favourites, and a ring's members to the same
 * partners (an entry most of the suspects voted for is a partner, lockstep's to find, not a decoy).
 * Held: every vote of each of the target's voters who voted for at least `entries` decoys about
 * once each (the decoys are bought votes too).
 */
import type { Firing } from './detector.ts';
import { membersOf, sizeOf, type StreamIndex } from './stream-index.ts';
import { thresholds } from './thresholds.ts';

type Spray = typeof thresholds.spray;

const votersOf = (entry: number, stream: StreamIndex) => [...membersOf(stream.pairsOfEntry, entry)].map((pair) => stream.pairVoter[pair]);

/**
 * The entries that the target's wide voters (those who voted for at least `entries` other entries)
 * turn up among far beyond chance: more than `lift` times what as many voters drawn at random
 * would give. Honest wide voters follow the crowd to popular entries, about as often as chance and
 * the few more votes they cast give; a farm's decoys land anywhere, mostly where few others go.
 */
function linkedEntries(target: number, stream: StreamIndex, t: Spray) {
  const wide = votersOf(target, stream).filter((voter) => sizeOf(stream.pairsOfVoter, voter) > t.entries);
  const overlap = new Map<number, number>();
  for (const voter of wide) {
    for (const pair of membersOf(stream.pairsOfVoter, voter)) {
      const entry = stream.pairEntry[pair];
      if (entry !== target) overlap.set(entry, (overlap.get(entry) ?? 0) + 1);
    }
  }
  const linked = new Set<number>();
  for (const [entry, shared] of overlap) {
    if (shared >= t.overlap && shared * stream.voterCount >= t.lift * wide.length * sizeOf(stream.pairsOfEntry, entry)) linked.add(entry);
  }
  return linked;
}

/** The target's voters who voted for at least `entries` of the decoys, about once each, and mostly for decoys. */
function sprayersOf(target: number, decoys: Set<number>, stream: StreamIndex, t: Spray) {
  return votersOf(target, stream).filter((voter) => {
    const own = membersOf(stream.pairsOfVoter, voter);
    const onDecoys = own.filter((pair) => decoys.has(stream.pairEntry[pair]));
    const votes = onDecoys.reduce((sum, pair) => sum + sizeOf(stream.votesOfPair, pair), 0);
    return onDecoys.length >= t.entries && onDecoys.length >= (own.length - 1) * t.decoyShare && votes <= onDecoys.length * t.votesPerDecoy;
  });
}

/** The linked entries that at least `partnerShare` of the suspects voted for: partners, not decoys. */
function partnersOf(linked: Set<number>, suspects: number[], stream: StreamIndex, t: Spray) {
  const voted = new Map<number, number>();
  for (const voter of suspects) {
    for (const pair of membersOf(stream.pairsOfVoter, voter)) {
      const entry = stream.pairEntry[pair];
      if (linked.has(entry)) voted.set(entry, (voted.get(entry) ?? 0) + 1);
    }
  }
  return [...linked].filter((entry) => (voted.get(entry) ?? 0) >= suspects.length * t.partnerShare);
}

/** The votes of the voters, in time order. */
const votesOfVoters = (voters: Iterable<number>, stream: StreamIndex) =>
  Int32Array.from(
    [...voters].flatMap((voter) => [...membersOf(stream.pairsOfVoter, voter)].flatMap((pair) => [...membersOf(stream.votesOfPair, pair)])),
  ).sort();

/** The spray farms of a vote phase's stream, as firings of the `spray` signal (one per target). */
export function sprayFirings(stream: StreamIndex, t = thresholds.spray): Firing[] {
  const needed = Math.max(t.linkedEntries, Math.ceil(t.linkedShare * stream.entryCount));
  const firings: Firing[] = [];
  for (let target = 0; target < stream.entryCount; target += 1) {
    const linked = linkedEntries(target, stream, t);
    if (linked.size < needed) continue;
    for (const partner of partnersOf(linked, sprayersOf(target, linked, stream, t), stream, t)) linked.delete(partner);
    if (linked.size < needed) continue;
    const farm = sprayersOf(target, linked, stream, t);
    if (farm.length === 0) continue;
    firings.push({
      reason: {
        signal: 'spray',
        detail: {
          zh: `${farm.length} 个号码都投了同一个作品，又把其余的票分散投给 ${linked.size} 个作品（每个大多只投一次），这些作品的投票者与它们重合的程度远超常人`,
          en: `${farm.length} voters all voted for one entry and spread their other votes, about once each, over ${linked.size} entries whose voters overlap theirs far beyond chance`,
        },
      },
      voteIds: [...votesOfVoters(farm, stream)].map(stream.idOf),
    });
  }
  return firings;
}
