import { describe, expect, it } from 'vitest';
import type { ContestView } from '../api/types.ts';
import { filtersOf } from './filters.ts';

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
    });
  });

  it('ignores an unknown division or status', () => {
    expect(filtersOf(contest, new URLSearchParams('division=nope&status=maybe&zone=shijiazhuang'))).toEqual({ zoneId: 'shijiazhuang' });
  });
});
