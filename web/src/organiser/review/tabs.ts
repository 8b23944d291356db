/** What the review board shows: the judges, the conflicts, or one round's assignment, progress and ranking. */
export type ReviewTab = { kind: 'judges' } | { kind: 'conflicts' } | { kind: 'round'; roundId: string };

/**
 * The tab in the address: `?round=<id>` a round of the contest, `?tab=conflicts`, else the judges.
 * A round the definition does not have falls back to the judges rather than an empty page.
 */
export const tabOf = (search: URLSearchParams, roundIds: readonly string[]): ReviewTab => {
  const round = search.get('round');
  if (round && roundIds.includes(round)) return { kind: 'round', roundId: round };
  if (search.get('tab') === 'conflicts') return { kind: 'conflicts' };
  return { kind: 'judges' };
};

/** The address of a tab, relative to the board's path. */
export const tabSearch = (tab: ReviewTab) =>
  tab.kind === 'round' ? `?round=${encodeURIComponent(tab.roundId)}` : tab.kind === 'conflicts' ? '?tab=conflicts' : '?';

/** How far something is, in whole percent (a run's places routed, a judge's entries submitted); 0 while the whole is 0. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0);

/** The judges a reminder goes to: those with an assigned entry not yet submitted. */
export const waitingJudges = <T extends { id: string; assigned: number; submitted: number }>(judges: readonly T[]) =>
  judges.filter((judge) => judge.submitted < judge.assigned);
