/** What the voting page shows, as its address says it: the phase's tab, the held votes' filter, the chart's period. */
export interface VotingView {
  phase: string;
  reason?: string;
  entry?: string;
  bucket: 'minute' | 'hour';
}

/**
 * The view the address asks for: the phase named if there is one, else the first; by the hour unless
 * by the minute, which the server gives for one entry only.
 */
export const askedOf = (search: URLSearchParams, phases: readonly { id: string }[]): VotingView | undefined => {
  const phase = phases.find((p) => p.id === search.get('phase'))?.id ?? phases[0]?.id;
  if (phase === undefined) return undefined;
  const entry = search.get('entry') || undefined;
  return { phase, reason: search.get('reason') || undefined, entry, bucket: entry && search.get('bucket') === 'minute' ? 'minute' : 'hour' };
};

/** The page's address for a view; what is left out takes its default. */
export const votingPath = (contestId: string, view: Partial<VotingView>) => {
  const search = new URLSearchParams();
  for (const key of ['phase', 'reason', 'entry', 'bucket'] as const) {
    const value = view[key];
    if (value && !(key === 'bucket' && value === 'hour')) search.set(key, value);
  }
  const query = search.toString();
  return `/organiser/contests/${encodeURIComponent(contestId)}/voting${query ? `?${query}` : ''}`;
};
