import type { ReviewRound } from '../../contest/schema/index.ts';

/**
 * Each entry's public-vote score (`publicVoteScore`): its votes ÷ the highest count in its division
 * (or across the round) × the scale; 0 for all where nobody has a vote.
 */
export const voteScores = (rule: ReviewRound['publicVoteScore'], entries: ReadonlyMap<string, string>, votes: ReadonlyMap<string, number>) => {
  const highest = new Map<string, number>();
  const scopeOf = (division: string) => (rule.relativeTo === 'round-max' ? '' : division);
  for (const [id, division] of entries) {
    const scope = scopeOf(division);
    highest.set(scope, Math.max(highest.get(scope) ?? 0, votes.get(id) ?? 0));
  }
  const scores = new Map<string, number>();
  for (const [id, division] of entries) {
    const top = highest.get(scopeOf(division)) ?? 0;
    scores.set(id, top === 0 ? 0 : ((votes.get(id) ?? 0) / top) * rule.scale);
  }
  return scores;
};
