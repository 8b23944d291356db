import { ApiError, contests } from '../api/index.ts';
import { voters, voting, type VotePhase } from '../api/voting.ts';

const noSuchPhase = new ApiError(404, 'vote.phase_not_found', { zh: '没有这个投票。', en: 'There is no such vote.' });

/** Counted votes by entry, where this reader sees them now; null where they are not shown (or could not be read). */
const countsOf = async (contestId: string, phase: VotePhase, signal: AbortSignal): Promise<ReadonlyMap<string, number> | null> => {
  if (!phase.countsShown) return null;
  try {
    const tallies = await voting.tallies(contestId, phase.id, signal);
    return new Map(tallies.entries.map((entry) => [entry.id, entry.counted]));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return null;
  }
};

/**
 * What every voting page needs: the contest, the vote phase (with the voter's votes left), the voter,
 * and the counts where shown.
 */
export const loadBooth = async (contestId: string, phaseId: string, signal: AbortSignal) => {
  const [{ contest }, { phases }, { voter }] = await Promise.all([contests.get(contestId, signal), voting.phases(contestId, signal), voters.me(signal)]);
  const phase = phases.find((p) => p.id === phaseId);
  if (!phase) throw noSuchPhase;
  return { contest, phase, voter, counts: await countsOf(contestId, phase, signal) };
};

/** The showcase's address, on a division's tab when one is named. */
export const showcasePath = (contestId: string, phaseId: string, division?: string) =>
  `/contests/${encodeURIComponent(contestId)}/vote/${encodeURIComponent(phaseId)}${division ? `?division=${encodeURIComponent(division)}` : ''}`;

export const entryPath = (contestId: string, phaseId: string, entryId: string) =>
  `/contests/${encodeURIComponent(contestId)}/vote/${encodeURIComponent(phaseId)}/entries/${encodeURIComponent(entryId)}`;
