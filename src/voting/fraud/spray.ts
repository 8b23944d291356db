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
import type { Firing, SignalVote } from './detector.ts';
import { thresholds } from './thresholds.ts';

type Spray = typeof thresholds.spray;

interface Stream {
  votersOf: Map<string, Set<string>>;
  /** Per voter, how many votes for each entry. */
  votesOf: Map<string, Map<string, number>>;
}

function streamOf(votes: readonly SignalVote[]): Stream {
  const votersOf = new Map<string, Set<string>>();
  const votesOf = new Map<string, Map<string, number>>();
  for (const { voterId, registrationId } of votes) {
    let voters = votersOf.get(registrationId);
    if (!voters) votersOf.set(registrationId, (voters = new Set()));
    voters.add(voterId);
    let own = votesOf.get(voterId);
    if (!own) votesOf.set(voterId, (own = new Map()));
    own.set(registrationId, (own.get(registrationId) ?? 0) + 1);
  }
  return { votersOf, votesOf };
}

/**
 * The entries that the target's wide voters (those who voted for at least `entries` other entries)
 * turn up among far beyond chance: more than `lift` times what as many voters drawn at random
 * would give. Honest wide voters follow the crowd to popular entries, about as often as chance and
 * the few more votes they cast give; a farm's decoys land anywhere, mostly where few others go.
 */
function linkedEntries(target: string, { votersOf, votesOf }: Stream, t: Spray) {
  const wide = [...votersOf.get(target)!].filter((voter) => votesOf.get(voter)!.size > t.entries);
  const overlap = new Map<string, number>();
  for (const voter of wide) for (const entry of votesOf.get(voter)!.keys()) if (entry !== target) overlap.set(entry, (overlap.get(entry) ?? 0) + 1);
  const linked = new Set<string>();
  for (const [entry, shared] of overlap) {
    if (shared >= t.overlap && shared * votesOf.size >= t.lift * wide.length * votersOf.get(entry)!.size) linked.add(entry);
  }
  return linked;
}

/** The target's voters who voted for at least `entries` of the decoys, about once each, and mostly for decoys. */
function sprayersOf(target: string, decoys: Set<string>, { votersOf, votesOf }: Stream, t: Spray) {
  return [...votersOf.get(target)!].filter((voter) => {
    const own = votesOf.get(voter)!;
    const onDecoys = [...own].filter(([entry]) => decoys.has(entry));
    const votes = onDecoys.reduce((sum, [, count]) => sum + count, 0);
    return onDecoys.length >= t.entries && onDecoys.length >= (own.size - 1) * t.decoyShare && votes <= onDecoys.length * t.votesPerDecoy;
  });
}

/** The spray farms of a vote phase's stream, as firings of the `spray` signal (one per target). */
export function sprayFirings(votes: readonly SignalVote[], t = thresholds.spray): Firing[] {
  const stream = streamOf(votes);
  const needed = Math.max(t.linkedEntries, Math.ceil(t.linkedShare * stream.votersOf.size));
  const firings: Firing[] = [];
  for (const target of stream.votersOf.keys()) {
    const linked = linkedEntries(target, stream, t);
    if (linked.size < needed) continue;
    const suspects = sprayersOf(target, linked, stream, t);
    for (const entry of [...linked]) {
      const voters = stream.votersOf.get(entry)!;
      if (suspects.filter((voter) => voters.has(voter)).length >= suspects.length * t.partnerShare) linked.delete(entry);
    }
    if (linked.size < needed) continue;
    const farm = new Set(sprayersOf(target, linked, stream, t));
    if (farm.size === 0) continue;
    firings.push({
      reason: {
        signal: 'spray',
        detail: {
          zh: `${farm.size} 个号码都投了同一个作品，又把其余的票分散投给 ${linked.size} 个作品（每个大多只投一次），这些作品的投票者与它们重合的程度远超常人`,
          en: `${farm.size} voters all voted for one entry and spread their other votes, about once each, over ${linked.size} entries whose voters overlap theirs far beyond chance`,
        },
      },
      voteIds: votes.filter((vote) => farm.has(vote.voterId)).map((vote) => vote.id),
    });
  }
  return firings;
}
