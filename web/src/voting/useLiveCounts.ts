import { useEffect } from 'react';
import { useRevalidator } from 'react-router';
import type { VotePhase } from '../api/voting.ts';

/** How often live counts are read again while the page is in view. */
export const liveCountsEveryMs = 30_000;

/**
 * Live counts (a phase that shows them as they come in): the page reads them again every half
 * minute while it is in view and the vote is open; a page in a background tab asks nothing.
 */
export const useLiveCounts = (phase: VotePhase) => {
  const revalidator = useRevalidator();
  const live = phase.open && phase.showCounts === 'live' && phase.countsShown === true;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') void revalidator.revalidate();
    }, liveCountsEveryMs);
    return () => clearInterval(timer);
  }, [live, revalidator]);
};
