import type { ContestView, RegistrationFilters } from '../api/types.ts';

/** Rows on one page of the organiser's table: a phone scrolls 50 comfortably; the API allows up to 500. */
export const PAGE_SIZE = 50;

export type SortColumn = 'ref' | 'title' | 'created';
const sortColumns: readonly SortColumn[] = ['ref', 'title', 'created'];

/** The page number in the address (`?page=3`, from 1), anything else read as the first page. */
const pageOf = (search: URLSearchParams) => {
  const page = Number(search.get('page'));
  return Number.isInteger(page) && page > 1 ? page : 1;
};

/**
 * The filters, search, sort and page in the page's address
 * (`?division=app-dev/society&zone=…&status=active&q=张&sort=title&order=desc&page=2`) as the API's query.
 */
export const filtersOf = (contest: ContestView, search: URLSearchParams): RegistrationFilters => {
  const division = contest.divisions.find((d) => d.id === search.get('division'));
  const zoneId = search.get('zone') || undefined;
  const status = search.get('status');
  const q = search.get('q')?.trim().slice(0, 100);
  const sort = search.get('sort') as SortColumn | null;
  const order = search.get('order');
  const page = pageOf(search);
  return {
    ...(division ? { trackId: division.trackId, groupId: division.groupId, categoryId: division.categoryId } : {}),
    ...(zoneId ? { zoneId } : {}),
    ...(status === 'active' || status === 'withdrawn' ? { status } : {}),
    ...(q ? { q } : {}),
    ...(sort && sortColumns.includes(sort) ? { sort } : {}),
    ...(order === 'asc' || order === 'desc' ? { order } : {}),
    ...(page > 1 ? { offset: String((page - 1) * PAGE_SIZE) } : {}),
    limit: String(PAGE_SIZE),
  };
};

/** The address after clicking a column's header: sorts by it ascending, or flips the order when it already sorts; back to page 1. */
export const sortedBy = (search: URLSearchParams, column: SortColumn): string => {
  const next = new URLSearchParams(search);
  const current = (search.get('sort') as SortColumn | null) ?? 'ref';
  const order = current === column && (search.get('order') ?? 'asc') === 'asc' ? 'desc' : 'asc';
  next.set('sort', column);
  next.set('order', order);
  next.delete('page');
  return `?${next}`;
};

/** Which rows a page shows and whether there are pages either side, for the pager under the table. */
export const pagerOf = (search: URLSearchParams, matched: number) => {
  const page = pageOf(search);
  const last = Math.max(1, Math.ceil(matched / PAGE_SIZE));
  const to = (n: number) => {
    const next = new URLSearchParams(search);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    return `?${next}`;
  };
  return {
    from: matched === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
    to: Math.min(page * PAGE_SIZE, matched),
    matched,
    previous: page > 1 ? to(Math.min(page - 1, last)) : null,
    next: page < last ? to(page + 1) : null,
  };
};
