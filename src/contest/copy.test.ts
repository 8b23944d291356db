import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { copyEdition, proposeEdition, settleCarriedOver } from './copy.ts';

const seeds = ['000', '001', '002', '003', '004'] as const;

describe('the next edition of each seed', () => {
  it('is called by the year of its final, with every phase shifted alike, from a registration opening in December 2026', () => {
    const proposals = seeds.map((seed) => proposeEdition(seedDefinition(seed), '2026-12-01'));
    expect(
      proposals.map(({ definition, year, previousYear, firstDay, lastDay }) => [definition.id, definition.edition, previousYear, year, firstDay, lastDay]),
    ).toEqual([
      ['jjj-social-security-card-2027', '2027', 2025, 2027, '2026-12-01', '2027-04-19'],
      ['hebei-smart-government-data-2027', '2027', 2022, 2027, '2026-11-22', '2027-06-23'],
      ['yangquan-medical-e-voucher-works-2026', '2026', 2022, 2026, '2026-12-01', '2026-12-31'],
      ['ilo-digital-social-security-hackathon-2027', '2027', 2021, 2027, '2026-12-01', '2027-05-04'],
      ['hebei-data-elements-2027', '2027', 2025, 2027, '2026-12-01', '2027-03-12'],
    ]);
    expect(proposals.map((p) => p.definition.name)).toEqual([
      '2027年京津冀社保卡"一卡通"应用创新大赛',
      '2027年河北省首届“智慧政务 创想未来”数据应用创新创业大赛',
      '2026“漾泉医保”医保电子凭证创意作品征集和宣介活动',
      '2027年“数字化社会保障”创客马拉松',
      '2027年“数据要素×”大赛河北分赛',
    ]);
  });

  it('keeps each phase’s length and gaps, and drops the wording that named the old dates', () => {
    for (const seed of seeds) {
      const original = seedDefinition(seed);
      const { definition } = proposeEdition(original, '2026-12-01');
      const lengths = (d: typeof original) => d.phases.map((p) => [p.id, Date.parse(p.end.slice(0, 10)) - Date.parse(p.start.slice(0, 10))]);
      expect(lengths(definition)).toEqual(lengths(original));
      expect(definition.phases.every((p) => p.asPublished === undefined)).toBe(true);
    }
    // 000's quotes of its dates go; the one on how the preliminary is scored stays.
    expect(copyEdition(seedDefinition('000'), '2026-12-01').phases.map((p) => [p.id, p.quote])).toEqual([
      ['registration', undefined],
      ['preliminary', undefined],
      ['public-vote', '初赛成绩由专家评委专业评分（占50%）和网上大众投票评分（占50%）构成'],
      ['final', undefined],
    ]);
  });

  it('flags 001’s 首届 and 1st and keeps them in the proposed names until the organiser writes their own', () => {
    const proposed = proposeEdition(seedDefinition('001'), '2027-03-10');
    expect(proposed.flagged).toEqual([
      { field: 'name', word: '首届' },
      { field: 'nameEn', word: '1st' },
    ]);
    const edited = proposeEdition(seedDefinition('001'), '2027-03-10', { name: '2027年河北省“智慧政务 创想未来”数据应用创新创业大赛', nameEn: undefined });
    expect([edited.definition.id, edited.definition.name, edited.definition.nameEn, edited.flagged]).toEqual([
      'hebei-smart-government-data-2027',
      '2027年河北省“智慧政务 创想未来”数据应用创新创业大赛',
      proposed.definition.nameEn,
      [{ field: 'nameEn', word: '1st' }],
    ]);
  });

  it('marks the summary and announcement as the previous edition’s, and only those the original has', () => {
    expect(seeds.map((seed) => copyEdition(seedDefinition(seed), '2026-12-01').carriedOver)).toEqual(seeds.map(() => ['summary', 'announcement']));
    const { announcement: _none, ...withoutAnnouncement } = seedDefinition('000');
    expect(copyEdition(withoutAnnouncement, '2026-12-01').carriedOver).toEqual(['summary']);
    const { summary: _nothing, ...bare } = withoutAnnouncement;
    expect('carriedOver' in copyEdition(bare, '2026-12-01')).toBe(false);
  });
});

describe('publishing over a carried-over text', () => {
  const copy = copyEdition(seedDefinition('000'), '2026-12-01');

  it('keeps the mark on the texts left as they were, and drops it from a text replaced', () => {
    expect(settleCarriedOver(copy, { ...copy, name: '改名' }).carriedOver).toEqual(['summary', 'announcement']);
    expect(settleCarriedOver(copy, { ...copy, summary: '2027 年的新简介' }).carriedOver).toEqual(['announcement']);
    const replaced = settleCarriedOver(copy, { ...copy, summary: '新简介', announcement: { title: '2027 年公告', url: 'https://example.cn/2027' } });
    expect('carriedOver' in replaced).toBe(false);
  });

  it('drops the mark from a text removed, and keeps the first version’s mark as published', () => {
    const { summary: _removed, ...withoutSummary } = copy;
    expect(settleCarriedOver(copy, withoutSummary).carriedOver).toEqual(['announcement']);
    expect(settleCarriedOver(undefined, copy)).toBe(copy);
  });
});
