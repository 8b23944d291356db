import { describe, expect, it } from 'vitest';
import type { ContestView } from '../api/types.ts';
import { divisionsWithWorks, similarityPercent } from './works.ts';

const contest = {
  divisions: [
    { id: 'works/graphic-design', name: '平面设计类', trackId: 'works', categoryId: 'graphic-design' },
    { id: 'works/copywriting', name: '文案类', trackId: 'works', categoryId: 'copywriting' },
    { id: 'talks', name: '讲座', trackId: 'talks' },
  ],
  tracks: [
    {
      id: 'works',
      groups: [],
      categories: [
        { id: 'graphic-design', works: { files: [{ id: 'image' }], fields: [] } },
        { id: 'copywriting', works: { files: [], fields: [{ id: 'copy' }] } },
      ],
    },
    { id: 'talks', groups: [], categories: [] },
  ],
} as unknown as ContestView;

describe('organiser works', () => {
  it('offers downloads for the divisions that take works', () => {
    expect(divisionsWithWorks(contest).map((d) => d.id)).toEqual(['works/graphic-design', 'works/copywriting']);
  });

  it('shows similarity as a whole percent, never rounded up to 100', () => {
    expect(similarityPercent(0.973)).toBe(97);
    expect(similarityPercent(0.996)).toBe(99);
    expect(similarityPercent(1)).toBe(100);
  });
});
