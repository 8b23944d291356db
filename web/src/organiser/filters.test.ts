import { describe, expect, it } from 'vitest';
import type { ContestView } from '../api/types.ts';
import { filtersOf, pagerOf, sortedBy } from './filters.ts';

const contest = {
  divisions: [
    { id: 'publicity', name: '社保卡宣传赛道', trackId: 'publicity' },
    { id: 'app-dev/society', name: '应用开发赛道（社会组）', trackId: 'app-dev', groupId: 'society' },
  ],
} as unknown as ContestView;

describe('organiser filters', () => {
  it('turns the division in the address into the track and group the API filters by', () => {
    expect(filtersOf(contest, new URLSearchParams('division=app-dev/society&status=active'))).toEqual({
      trackId: 'app-dev',
      groupId: 'society',
      categoryId: undefined,
      status: 'active',
      limit: '50',
    });
  });

  it('ignores an unknown division or status', () => {
    expect(filtersOf(contest, new URLSearchParams('division=nope&status=maybe&zone=shijiazhuang'))).toEqual({ zoneId: 'shijiazhuang', limit: '50' });
  });
});

describe('the organiser table’s search, sort and pages', () => {
  it('passes the search, a known sort and order, and the page as an offset of 50 rows', () => {
    expect(filtersOf(contest, new URLSearchParams('q=%20张三%20&sort=title&order=desc&page=3'))).toEqual({
      q: '张三',
      sort: 'title',
      order: 'desc',
      offset: '100',
      limit: '50',
    });
  });

  it('ignores an unknown sort or order and a page that is not a whole number above 1', () => {
    expect([filtersOf(contest, new URLSearchParams('sort=phone&order=up&page=0')), filtersOf(contest, new URLSearchParams('page=2.5'))]).toEqual([
      { limit: '50' },
      { limit: '50' },
    ]);
  });

  it('sorts by a clicked column ascending, flips the order on a second click, and goes back to page 1', () => {
    expect(sortedBy(new URLSearchParams('q=a&page=4'), 'title')).toBe('?q=a&sort=title&order=asc');
    expect(sortedBy(new URLSearchParams('sort=title&order=asc'), 'title')).toBe('?sort=title&order=desc');
    expect(sortedBy(new URLSearchParams(''), 'ref')).toBe('?sort=ref&order=desc');
  });

  it('says which rows a page shows and links the pages either side, keeping the filters', () => {
    expect(pagerOf(new URLSearchParams('status=active'), 120)).toEqual({ from: 1, to: 50, matched: 120, previous: null, next: '?status=active&page=2' });
    expect(pagerOf(new URLSearchParams('status=active&page=3'), 120)).toEqual({
      from: 101,
      to: 120,
      matched: 120,
      previous: '?status=active&page=2',
      next: null,
    });
    expect(pagerOf(new URLSearchParams('page=2'), 60)).toEqual({ from: 51, to: 60, matched: 60, previous: '?', next: null });
    expect(pagerOf(new URLSearchParams(''), 0)).toEqual({ from: 0, to: 0, matched: 0, previous: null, next: null });
  });
});
