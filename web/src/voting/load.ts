import { ApiError, contests } from '../api/index.ts';
import { voters, voting } from '../api/voting.ts';

const noSuchPhase = new ApiError(404, 'vote.phase_not_found', { zh: '没有这个投票。', en: 'There is no such vote.' });

/** What every voting page needs: the contest, the vote phase (with the voter's votes left) and the voter. */
export const loadBooth = async (contestId: string, phaseId: string, signal: AbortSignal) => {
  const [{ contest }, { phases }, { voter }] = await Promise.all([contests.get(contestId, signal), voting.phases(contestId, signal), voters.me(signal)]);
  const phase = phases.find((p) => p.id === phaseId);
  if (!phase) throw noSuchPhase;
  return { contest, phase, voter };
};

/** The showcase's address, on a division's tab when one is named. */
export const showcasePath = (contestId: string, phaseId: string, division?: string) =>
  `/contests/${encodeURIComponent(contestId)}/vote/${encodeURIComponent(phaseId)}${division ? `?division=${encodeURIComponent(division)}` : ''}`;

export const entryPath = (contestId: string, phaseId: string, entryId: string) =>
  `/contests/${encodeURIComponent(contestId)}/vote/${encodeURIComponent(phaseId)}/entries/${encodeURIComponent(entryId)}`;
