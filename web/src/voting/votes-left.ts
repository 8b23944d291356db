import type { VotesLeft } from '../api/voting.ts';

export type VotesLeftLine =
  | { key: 'vote.left.today' | 'vote.left.total' | 'vote.left.division'; n: number }
  | { key: 'vote.left.noneToday' | 'vote.left.noneTotal' | 'vote.left.noneDivision' };

const line = (n: number, some: 'today' | 'total' | 'division'): VotesLeftLine => {
  if (n > 0) return { key: `vote.left.${some}`, n };
  return { key: some === 'today' ? 'vote.left.noneToday' : some === 'total' ? 'vote.left.noneTotal' : 'vote.left.noneDivision' };
};

/**
 * What a voter still has, as lines to show: today's votes, the whole vote's, and the division's
 * being looked at (one in each category). A limit the phase does not have (null) says nothing;
 * one used up says so, so the voter knows why the button no longer works.
 */
export const votesLeftLines = (left: VotesLeft | null, division?: string): VotesLeftLine[] => {
  if (!left) return [];
  const lines: VotesLeftLine[] = [];
  if (left.today !== null) lines.push(line(left.today, 'today'));
  if (left.total !== null) lines.push(line(left.total, 'total'));
  const inDivision = division === undefined ? undefined : left.perDivision?.[division];
  if (inDivision !== undefined) lines.push(line(inDivision, 'division'));
  return lines;
};

/** Whether one more vote for `entry` is within every limit the voter has left (unknown limits do not stop it). */
export const mayVoteIn = (left: VotesLeft | null, entry: { id: string; division: string }) => {
  if (!left) return true;
  if (left.entriesAtLimit.includes(entry.id)) return false;
  return [left.today, left.total, left.perDivision?.[entry.division]].every((n) => n === undefined || n === null || n > 0);
};
