import { describe, expect, it } from 'vitest';
import type { ContestView, Works } from '../api/types.ts';
import { divisionsWithWorks, similarityPercent, stagesOfWorks } from './works.ts';

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

  it('lists a division’s stages in the contest’s order with their requirements, those without a stage last', () => {
    const phase = (id: string, name: string) => ({ id, name, start: '2021-06-10T00:00:00+08:00', end: '2021-08-30T23:59:59+08:00' });
    const hackathon = {
      phases: [phase('registration', '申请报名'), phase('selection', '申请和选拔'), phase('online-stage', '线上阶段')],
    } as unknown as ContestView;
    const works = {
      files: [
        { id: 'presentation', name: '在线作品展示', phase: 'online-stage' },
        { id: 'appendix', name: '附件' },
      ],
      fields: [{ id: 'concept-proposal', name: '初步概念提案', phase: 'registration' }],
    } as unknown as Works;
    expect(stagesOfWorks(hackathon, works).map(({ phase, requirements }) => [phase?.id ?? null, requirements])).toEqual([
      ['registration', ['初步概念提案']],
      ['online-stage', ['在线作品展示']],
      [null, ['附件']],
    ]);
    expect(stagesOfWorks(hackathon, { files: [{ id: 'work', name: '作品' }], fields: [] } as unknown as Works)).toEqual([]);
  });
});
