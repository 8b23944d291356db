import type { ReviewRound } from '../../contest/schema/index.ts';

export interface Contender {
  id: string;
  score: number;
  judgeScore: number | null;
  votes: number;
  /** The score and judge score as compared (`level`), worked out once rather than in every comparison. */
  scoreLevel: number;
  judgeLevel: number;
}

/**
 * Scores are compared at nine decimals: two totals the same by hand (16.67 × 6 weights summed in
 * another order) must not part by a floating-point crumb.
 */
const level = (value: number | null) => (value === null ? -Infinity : Math.round(value * 1e9));

export const contenderOf = (id: string, score: number, judgeScore: number | null, votes: number): Contender => ({
  id,
  score,
  judgeScore,
  votes,
  scoreLevel: level(score),
  judgeLevel: level(judgeScore),
});

/** Higher first by score, then by each tie-break rule in turn; 0 where the rule cannot part them. */
export const comparerOf = (tieBreak: ReviewRound['tieBreak']) => (a: Contender, b: Contender) => {
  // `|| 0`: two absent judge scores (−∞ − −∞ is NaN) do not part entries.
  const byScore = b.scoreLevel - a.scoreLevel || 0;
  if (byScore !== 0) return byScore;
  for (const rule of tieBreak) {
    const difference = (rule === 'judges' ? b.judgeLevel - a.judgeLevel : b.votes - a.votes) || 0;
    if (difference !== 0) return difference;
  }
  return 0;
};

/** Best first, as groups the rule cannot part (a group of one where nothing ties); ids order a group. */
export const rankGroups = <C extends Contender>(contenders: readonly C[], compare: (a: C, b: C) => number): C[][] => {
  const sorted = [...contenders].sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: C[][] = [];
  for (const contender of sorted) {
    const last = groups.at(-1);
    if (last && compare(last[0], contender) === 0) last.push(contender);
    else groups.push([contender]);
  }
  return groups;
};

export interface Cut<T, P> {
  given: Map<T, P>;
  /** A tied group whose positions hold different places: who gets which waits on a decision. */
  undecided: { members: T[]; places: (P | undefined)[] }[];
}

/**
 * Gives position i of the order the place `places[i]`: a group takes the places of its positions when
 * they are all the same (every member the same, or none); otherwise the group is undecided.
 */
export const cut = <T, P>(groups: readonly (readonly T[])[], places: readonly P[]): Cut<T, P> => {
  const given = new Map<T, P>();
  const undecided: Cut<T, P>['undecided'] = [];
  let position = 0;
  for (const group of groups) {
    if (position >= places.length) break;
    const held = Array.from({ length: group.length }, (_, i) => places[position + i]);
    if (held.every((place) => place === held[0])) {
      if (held[0] !== undefined) for (const member of group) given.set(member, held[0]);
    } else {
      undecided.push({ members: [...group], places: held });
    }
    position += group.length;
  }
  return { given, undecided };
};
