import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { editionNames, editionYear, flaggedWords } from './edition-name.ts';
import type { Phase } from './schema/index.ts';

const phase = (kind: Phase['kind'], start: string, end: string): Phase => ({ id: `${kind}-${start}`, kind, name: kind, start, end });

describe('the year an edition is called by', () => {
  it('is the year of each seed’s final or award ceremony, or of its last phase when it has neither (002)', () => {
    expect((['000', '001', '002', '003', '004'] as const).map((seed) => editionYear(seedDefinition(seed)))).toEqual([2025, 2022, 2022, 2021, 2025]);
  });

  it('is the year of the final, not of the registration: registration from December 2026 and a final in 2027 make the 2027 edition', () => {
    const phases = [phase('registration', '2026-12-01', '2027-02-28'), phase('final', '2027-04-18', '2027-04-18')];
    expect(editionYear({ phases })).toBe(2027);
  });

  it('takes the ceremony when it ends after the final, and one phase that is both (alsoKinds)', () => {
    const phases = [
      phase('registration', '2026-10-01', '2026-11-30'),
      phase('final', '2026-12-20', '2026-12-21'),
      phase('ceremony', '2027-01-10', '2027-01-10'),
    ];
    expect(editionYear({ phases })).toBe(2027);
    const both = { ...phase('other', '2027-01-05', '2027-01-05'), alsoKinds: ['final' as const] };
    expect(editionYear({ phases: [phase('registration', '2026-10-01', '2026-11-30'), both] })).toBe(2027);
  });

  it('ignores a promotion after a contest without a final, unless promotion is all there is', () => {
    const phases = [
      phase('registration', '2026-10-01', '2026-11-30'),
      phase('public-vote', '2026-12-01', '2026-12-20'),
      phase('promotion', '2027-01-01', '2027-03-01'),
    ];
    expect(editionYear({ phases })).toBe(2026);
    expect(editionYear({ phases: [phase('promotion', '2027-01-01', '2027-03-01')] })).toBe(2027);
  });
});

describe('the names of the next edition', () => {
  it('replaces the old year in the id, the names and the edition label of 000 and 004', () => {
    expect(
      editionNames(
        { id: 'hebei-data-elements-2025', name: '2025年“数据要素×”大赛河北分赛', nameEn: '2025 "Data Elements ×" Contest', edition: '2025' },
        2025,
        2027,
        '2026-12-01',
      ),
    ).toEqual({
      id: 'hebei-data-elements-2027',
      name: '2027年“数据要素×”大赛河北分赛',
      nameEn: '2027 "Data Elements ×" Contest',
      shortName: undefined,
      edition: '2027',
    });
  });

  it('starts a name without the year with the new one, and makes a label without it (首届) the year', () => {
    const seed = seedDefinition('001');
    const names = editionNames(seed, 2022, 2023, '2023-03-10');
    expect(names).toEqual({
      id: 'hebei-smart-government-data-2023',
      name: '2023年河北省首届“智慧政务 创想未来”数据应用创新创业大赛',
      nameEn: `2023 ${seed.nameEn}`,
      shortName: seed.shortName,
      edition: '2023',
    });
  });

  it('adds the year to an id without one, and tells a copy within the same year by its registration day', () => {
    expect(editionNames({ id: 'hackathon', name: '创客马拉松' }, 2021, 2022, '2022-06-10').id).toBe('hackathon-2022');
    expect(editionNames({ id: 'card-2025', name: '2025 大赛' }, 2025, 2025, '2025-06-01')).toEqual({
      id: 'card-2025-20250601',
      name: '2025 大赛',
      nameEn: undefined,
      shortName: undefined,
      edition: undefined,
    });
  });

  it('replaces the year only where it stands alone, never inside a longer number', () => {
    expect(editionNames({ id: 'x-2025', name: '第20251期 2025 大赛', shortName: '12025 短名' }, 2025, 2026, '2026-01-01')).toMatchObject({
      name: '第20251期 2026 大赛',
      shortName: '12025 短名',
    });
  });
});

describe('first-edition words', () => {
  it('flags 首届 and 1st in 001’s names, and nothing in the other seeds', () => {
    expect(flaggedWords(seedDefinition('001'))).toEqual([
      { field: 'name', word: '首届' },
      { field: 'nameEn', word: '1st' },
    ]);
    expect((['000', '002', '003', '004'] as const).flatMap((seed) => flaggedWords(seedDefinition(seed)))).toEqual([]);
  });

  it('flags 第一届, 首次, 第1届, First and Inaugural, but not a word that only contains them', () => {
    expect(flaggedWords({ name: '第一届·首次·第1届', nameEn: 'The First Inaugural Contest, firstly', shortName: 'Firsthand' }).map((f) => f.word)).toEqual([
      '第一届',
      '首次',
      '第1届',
      'First',
      'Inaugural',
    ]);
  });
});
