import type { ContestView, RegistrationFilters } from '../api/types.ts';

/** The filters in the page's address (`?division=app-dev/society&zone=…&status=active`) as the API's query. */
export const filtersOf = (contest: ContestView, search: URLSearchParams): RegistrationFilters => {
  const division = contest.divisions.find((d) => d.id === search.get('division'));
  const zoneId = search.get('zone') || undefined;
  const status = search.get('status');
  return {
    ...(division ? { trackId: division.trackId, groupId: division.groupId, categoryId: division.categoryId } : {}),
    ...(zoneId ? { zoneId } : {}),
    ...(status === 'active' || status === 'withdrawn' ? { status } : {}),
  };
};
