import { describe, expect, it } from 'vitest';
import type { ContestView, DivisionResults, RankedEntry } from '../../api/types.ts';
import { openPlaces, problemsOf, rankingRows, scoreText, tierNameOf } from './ranking.ts';

const entry = (id: string, rank: number | null, score: number | null): RankedEntry => ({
  id,
  division: 'app-dev',
  score,
  rank,
  tied: false,
  advances: rank !== null && rank <= 1,
  judgeScore: score,
  voteScore: null,
  votes: 0,
  judges: score === null ? 0 : 3,
});

describe('the ranking preview', () => {
  const division: DivisionResults = {
    id: 'app-dev',
    entries: [entry('r1', 1, 91.5), entry('r2', 2, 80), entry('r3', null, null)],
    awards: [{ entry: 'r2', division: 'app-dev', tier: 'first', name: '一等奖', prizeCny: 10_000 }],
    vacancies: [],
  };

  it('labels each ranked entry with its reference and title and gathers its awards, the contest-wide first', () => {
    const contestAwards = [{ entry: 'r1', division: 'app-dev', tier: 'grand', name: '特等奖', prizeCny: 50_000 }];
    const rows = rankingRows(division, contestAwards, { r1: { ref: 'HB-0001', title: '政务数据助手' }, r2: { ref: 'HB-0002', title: '一网通办' } });
    expect(rows.map((r) => [r.ref, r.title, r.rank, r.awards.map((a) => a.name)])).toEqual([
      ['HB-0001', '政务数据助手', 1, ['特等奖']],
      ['HB-0002', '一网通办', 2, ['一等奖']],
      ['r3', '', null, []],
    ]);
  });

  it('prints scores to two decimals and a dash for none', () => {
    expect([scoreText(91.5), scoreText(80), scoreText(null), scoreText(66.666)]).toEqual(['91.50', '80.00', '—', '66.67']);
  });

  it('names a tier from the definition, or by its id when the definition has no such tier', () => {
    const contest = { awards: { groups: [{ tiers: [{ id: 'first', name: '一等奖', nameEn: 'First prize' }] }] } } as unknown as ContestView;
    expect([tierNameOf(contest, 'first'), tierNameOf(contest, 'gone')]).toEqual([{ name: '一等奖', nameEn: 'First prize' }, { name: 'gone' }]);
  });

  it('keeps only the places left empty or waiting on a tie', () => {
    const vacancies = [
      { tier: 'first', empty: 0, undecided: 0 },
      { tier: 'second', empty: 1, undecided: 0 },
      { tier: 'third', empty: 0, undecided: 2 },
    ];
    expect(openPlaces(vacancies).map((v) => v.tier)).toEqual(['second', 'third']);
  });

  it('sorts the engine’s problems by division, those of no division apart', () => {
    const message = { zh: '并列', en: 'tied' };
    const results = {
      problems: [
        { code: 'a', message, division: 'app-dev' },
        { code: 'b', message },
      ],
    };
    expect([problemsOf(results, 'app-dev').map((p) => p.code), problemsOf(results, null).map((p) => p.code)]).toEqual([['a'], ['b']]);
  });
});
