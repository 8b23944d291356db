/**
 * The organiser's choice of held votes: some ticked one by one, or every vote matching the filter
 * (the server decides those by the filter, so votes beyond the page shown are decided too).
 */
import type { HeldVote, HeldVotesFilter } from '../../api/voting.ts';

/** The ticked votes after one is ticked or unticked. */
export const toggled = (selected: ReadonlySet<string>, id: string): Set<string> => {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
};

/** Every vote shown, or none when all of them are ticked already (the header's box). */
export const toggledAll = (selected: ReadonlySet<string>, votes: readonly HeldVote[]): Set<string> =>
  votes.length > 0 && votes.every((v) => selected.has(v.id)) ? new Set() : new Set(votes.map((v) => v.id));

/** The ticked votes still shown: one decided or filtered away is no longer ticked. */
export const stillShown = (selected: ReadonlySet<string>, votes: readonly HeldVote[]): Set<string> =>
  new Set(votes.filter((v) => selected.has(v.id)).map((v) => v.id));

/** What a decision applies to: the ticked votes, or all that match the filter. */
export const decisionTarget = (scope: 'selected' | 'matching', selected: ReadonlySet<string>, filter: HeldVotesFilter) =>
  scope === 'selected' ? { voteIds: [...selected].sort() } : { filter: withoutEmpty(filter) };

/** The filter with its empty parts left out: an empty filter matches every held vote of the phase. */
export const withoutEmpty = (filter: HeldVotesFilter): HeldVotesFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as HeldVotesFilter;
