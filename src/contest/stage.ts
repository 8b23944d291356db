import type { ContestDefinition } from './schema/index.ts';
import { isWithin } from './time.ts';
import { phaseWindow, phasesOfKind } from './views.ts';

/**
 * Where a contest stands for someone who might enter it: registration not yet open (upcoming),
 * open, closed while the contest runs on, or the whole contest over (ended: every phase has ended).
 * One answer for the list and the page, so a contest of 2021 never reads 报名未开放.
 */
export type ContestStage = 'upcoming' | 'open' | 'closed' | 'ended';

export const contestStage = (definition: ContestDefinition, at: Date): ContestStage => {
  const registration = phasesOfKind(definition, 'registration').map((phase) => phaseWindow(definition, phase));
  if (registration.some((window) => isWithin(window, at))) return 'open';
  const instant = at.getTime();
  const ends = definition.phases.map((phase) => phaseWindow(definition, phase).endExclusive.toMillis());
  if (ends.length > 0 && instant >= Math.max(...ends)) return 'ended';
  return registration.some((window) => instant < window.start.toMillis()) ? 'upcoming' : 'closed';
};
