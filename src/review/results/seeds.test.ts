import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import { computeResults } from './compute.ts';
import type { Results, ResultsInput } from './types.ts';

/** Hand-computed results of every seed's rounds, from the seed definitions as shipped. */

const division = (results: Results, id: string) => {
  const found = results.divisions.find((d) => d.id === id);
  if (!found) throw new Error(`no division ${id}`);
  return found;
};
const ranking = (results: Results, id: string) => division(results, id).entries.map((e) => [e.id, e.score, e.rank, e.advances]);
const awards = (results: Results, id: string) => division(results, id).awards.map((a) => [a.entry, a.tier, a.prizeCny]);
const codes = (results: Results) => results.problems.map((p) => p.code);

/** One judge's total per entry, `judge` by default. */
const totals = (scores: Record<string, number>, judge = 'j1') => Object.entries(scores).map(([entry, total]) => ({ judge, entry, total }));

describe('000: 50% judges, 50% votes, top 10 of each division to the final, 1 + 2 + 3 + 优秀 per division', () => {
  const definition = seedDefinition('000');

  it('scores the preliminary half by judges and half by votes ÷ the division highest × 100', () => {
    const results = computeResults(definition, 'preliminary', {
      entries: [
        { id: 'p1', division: 'publicity' },
        { id: 'p2', division: 'publicity' },
        { id: 'p3', division: 'publicity' },
      ],
      // p1: (80 + 90) / 2 = 85, votes 200 / 200 × 100 = 100 → 92.5; p2: 95, 100 / 200 → 50 → 72.5; p3: 65, 150 / 200 → 75 → 70.
      scores: [...totals({ p1: 80, p2: 95, p3: 70 }), ...totals({ p1: 90, p2: 95, p3: 60 }, 'j2')],
      votes: [
        { entry: 'p1', count: 200 },
        { entry: 'p2', count: 100 },
        { entry: 'p3', count: 150 },
      ],
    });
    expect(ranking(results, 'publicity')).toEqual([
      ['p1', 92.5, 1, true],
      ['p2', 72.5, 2, true],
      ['p3', 70, 3, true],
    ]);
    expect(division(results, 'publicity').entries[1]).toMatchObject({ judgeScore: 95, voteScore: 50, votes: 100, judges: 2 });
    expect(results.decidesAwards).toBe(false);
    expect(results.problems).toEqual([]);
  });

  it('sends the best 10 of each of the four divisions on: 40 finalists', () => {
    const divisions = ['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection'];
    const entries = divisions.flatMap((d, k) => Array.from({ length: 12 }, (_, i) => ({ id: `${k}-${String(i + 1).padStart(2, '0')}`, division: d })));
    // Entry i of each division: judges 100 − i, votes 100 − i (the division's highest is 99): score (100 − i + (100 − i) / 99 × 100) / 2.
    const input: ResultsInput = {
      entries,
      scores: entries.map((e) => ({ judge: 'j1', entry: e.id, total: 100 - Number(e.id.slice(2)) })),
      votes: entries.map((e) => ({ entry: e.id, count: 100 - Number(e.id.slice(2)) })),
    };
    const results = computeResults(definition, 'preliminary', input);
    expect(results.advancing).toBe(40);
    for (const d of divisions) {
      const ranked = division(results, d).entries;
      expect(ranked.filter((e) => e.advances).map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(ranked[0].score).toBe(99.5); // (99 + 100) / 2
    }
  });

  it('breaks an equal score by the higher judge score, then by more votes, and reports a tie neither breaks at the cut', () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ id: `e${String(i + 1).padStart(2, '0')}`, division: 'publicity' }));
    const judge = Object.fromEntries(entries.map((e, i) => [e.id, 95 - i * 2]));
    // e10 and e11 both score 62: e10 judges 60 with 64 votes (64 / 100 × 100), e11 judges 60 with 64 too: a tie at the cut.
    Object.assign(judge, { e10: 60, e11: 60 });
    const votes = entries.map((e, i) => ({ entry: e.id, count: i === 0 ? 100 : 64 }));
    const tied = computeResults(definition, 'preliminary', { entries, scores: totals(judge), votes });
    expect(ranking(tied, 'publicity').slice(-2)).toEqual([
      ['e10', 62, 10, false],
      ['e11', 62, 10, false],
    ]);
    expect(tied.problems).toMatchObject([{ code: 'advance.tie', entries: ['e10', 'e11'], division: 'publicity' }]);
    expect(tied.advancing).toBe(9);

    // e11 judges 62 with 60 votes: 62 as well, but the higher judge score puts it first.
    const broken = computeResults(definition, 'preliminary', {
      entries,
      scores: totals({ ...judge, e11: 64 }),
      votes: votes.map((v) => (v.entry === 'e11' ? { entry: 'e11', count: 60 } : v)),
    });
    expect(ranking(broken, 'publicity').slice(-2)).toEqual([
      ['e11', 62, 10, true],
      ['e10', 62, 11, false],
    ]);
    expect(broken.problems).toEqual([]);
  });

  it('gives each division of the final 1 first, 2 second, 3 third and 优秀作品奖 to the other finalists, with the money', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ id: `c${i + 1}`, division: 'app-dev/campus' }));
    const results = computeResults(definition, 'final', { entries, scores: totals(Object.fromEntries(entries.map((e, i) => [e.id, 90 - i]))), votes: [] });
    expect(results.decidesAwards).toBe(true);
    expect(awards(results, 'app-dev/campus')).toEqual([
      ['c1', 'first', 20000],
      ['c2', 'second', 10000],
      ['c3', 'second', 10000],
      ['c4', 'third', 5000],
      ['c5', 'third', 5000],
      ['c6', 'third', 5000],
      ['c7', 'excellence', 0],
      ['c8', 'excellence', 0],
      ['c9', 'excellence', 0],
      ['c10', 'excellence', 0],
    ]);
    expect(division(results, 'app-dev/campus').vacancies).toEqual([]);
    // Divisions without finalists leave every place empty (空缺).
    expect(division(results, 'publicity').vacancies).toEqual([
      { tier: 'first', empty: 1, undecided: 0 },
      { tier: 'second', empty: 2, undecided: 0 },
      { tier: 'third', empty: 3, undecided: 0 },
      { tier: 'excellence', empty: 4, undecided: 0 },
    ]);
  });

  it('leaves places empty (空缺) when too few reach the final, and a tie across 三等奖 and 优秀 undecided', () => {
    const entries = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id, division: 'case-selection' }));
    const two = computeResults(definition, 'final', { entries: entries.slice(0, 2), scores: totals({ a: 80, b: 70 }), votes: [] });
    expect(awards(two, 'case-selection')).toEqual([
      ['a', 'first', 5000],
      ['b', 'second', 3000],
    ]);
    expect(division(two, 'case-selection').vacancies).toEqual([
      { tier: 'second', empty: 1, undecided: 0 },
      { tier: 'third', empty: 3, undecided: 0 },
      { tier: 'excellence', empty: 4, undecided: 0 },
    ]);

    // f and g tie at the sixth place: one is 三等奖, the other 优秀作品奖, and the rule cannot say which.
    const tied = computeResults(definition, 'final', { entries, scores: totals({ a: 90, b: 85, c: 80, d: 75, e: 70, f: 60, g: 60 }), votes: [] });
    expect(awards(tied, 'case-selection').map(([entry, tier]) => `${entry}:${tier}`)).toEqual(['a:first', 'b:second', 'c:second', 'd:third', 'e:third']);
    expect(tied.problems).toMatchObject([{ code: 'award.tie', entries: ['f', 'g'] }]);
    expect(division(tied, 'case-selection').vacancies).toEqual([
      { tier: 'third', empty: 0, undecided: 1 },
      { tier: 'excellence', empty: 3, undecided: 1 },
    ]);
  });
});

describe('001: one 特等奖 across the three tracks, 1/2/3 per track, 人气奖 by votes alone', () => {
  const definition = seedDefinition('001');
  const tracks = ['government-services', 'economic-development', 'financial-innovation'];
  // Four finalists per track; g1 has the best final score of all (96), e1 the most votes.
  const scores = { g1: 96, g2: 90, g3: 80, g4: 70, e1: 85, e2: 95, e3: 75, e4: 65, f1: 94, f2: 88, f3: 78, f4: 68 };
  const entries = Object.keys(scores).map((id) => ({ id, division: tracks['gef'.indexOf(id[0])] }));
  const votes = Object.keys(scores).map((id) => ({ entry: id, count: id === 'e1' ? 5000 : 100 }));

  it('gives the 特等奖 to the best finalist of all tracks, and that track’s 一等奖 to its next', () => {
    const results = computeResults(definition, 'final', { entries, scores: totals(scores), votes });
    expect(results.contestAwards.map((a) => [a.entry, a.division, a.tier, a.prizeCny])).toEqual([
      ['g1', 'government-services', 'grand', 500000],
      ['e1', 'economic-development', 'popularity', 0],
      ...Object.keys(scores).map((id) => [id, tracks['gef'.indexOf(id[0])], 'finalist-prizes', 0]),
    ]);
    expect(awards(results, 'government-services')).toEqual([
      ['g2', 'first', 100000],
      ['g3', 'second', 50000],
      ['g4', 'second', 50000],
    ]);
    expect(division(results, 'government-services').vacancies).toEqual([{ tier: 'third', empty: 3, undecided: 0 }]);
    expect(awards(results, 'economic-development')).toEqual([
      ['e2', 'first', 100000],
      ['e1', 'second', 50000],
      ['e3', 'second', 50000],
      ['e4', 'third', 20000],
    ]);
    // The 单项奖 (若干) and the 创新精神奖 (chosen by the judges) are left to people.
    expect(results.notComputed).toEqual([
      { what: 'award', tier: 'special', reason: 'count-not-published' },
      { what: 'award', tier: 'innovation-spirit', reason: 'chosen-by-judges' },
    ]);
  });

  it('keeps the 人气奖 independent of the final: the most-voted finalist wins it whatever the judges score', () => {
    const results = computeResults(definition, 'final', { entries, scores: totals({ ...scores, e1: 10 }), votes });
    expect(results.contestAwards.find((a) => a.tier === 'popularity')?.entry).toBe('e1');
    expect(division(results, 'economic-development').entries.find((e) => e.id === 'e1')?.rank).toBe(4);
  });

  it('passes an entry that already has an award over where the definition gives one award per entry', () => {
    const oneEach = { ...definition, awards: { ...definition.awards, oneAwardPerEntry: true } };
    // Three more finalists of financial-innovation: f7 is the only finalist without a placed award.
    const more = { f5: 60, f6: 59, f7: 58 };
    const results = computeResults(oneEach, 'final', {
      entries: [...entries, ...Object.keys(more).map((id) => ({ id, division: 'financial-innovation' }))],
      scores: totals({ ...scores, ...more }),
      votes: [...votes.map((v) => (v.entry === 'g1' ? { entry: 'g1', count: 9000 } : v)), { entry: 'f7', count: 3000 }],
    });
    // g1 (特等奖) and e1 (二等奖) have more votes, but an award already: the 人气奖 goes to f7; nobody holds two.
    expect(results.contestAwards.map((a) => `${a.entry}:${a.tier}`)).toEqual(['g1:grand', 'f7:popularity']);
    const all = [...results.contestAwards, ...results.divisions.flatMap((d) => d.awards)].map((a) => a.entry);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('002: 金/银/铜 per category and 3 推荐官, by votes alone', () => {
  const definition = seedDefinition('002');

  it('ranks by votes, gives gold, silver and bronze per category and leaves bronze empty where only two have votes', () => {
    const entries = [
      ...['v1', 'v2', 'v3', 'v4'].map((id) => ({ id, division: 'works/video' })),
      ...['g1', 'g2', 'g3'].map((id) => ({ id, division: 'works/graphic-design' })),
      ...['a1', 'a2', 'a3', 'a4'].map((id) => ({ id, division: 'ambassador' })),
    ];
    const counts = { v1: 300, v2: 500, v3: 100, v4: 400, g1: 20, g2: 10, g3: 0, a1: 7, a2: 9, a3: 8, a4: 6 };
    const results = computeResults(definition, 'public-vote', {
      entries,
      scores: [],
      votes: Object.entries(counts).map(([entry, count]) => ({ entry, count })),
    });
    // Votes ÷ the division's highest × 100: v4 400 / 500 → 80.
    expect(ranking(results, 'works/video')).toEqual([
      ['v2', 100, 1, false],
      ['v4', 80, 2, false],
      ['v1', 60, 3, false],
      ['v3', 20, 4, false],
    ]);
    expect(awards(results, 'works/video').map(([e, t]) => `${e}:${t}`)).toEqual(['v2:gold', 'v4:silver', 'v1:bronze']);
    expect(awards(results, 'works/graphic-design').map(([e, t]) => `${e}:${t}`)).toEqual(['g1:gold', 'g2:silver']);
    expect(division(results, 'works/graphic-design').vacancies).toEqual([{ tier: 'bronze', empty: 1, undecided: 0 }]);
    expect(awards(results, 'ambassador')).toEqual([
      ['a2', 'ambassador', 0],
      ['a3', 'ambassador', 0],
      ['a1', 'ambassador', 0],
    ]);
    expect(results.problems).toEqual([]);
  });

  it('reports equal votes for silver and bronze instead of choosing', () => {
    const entries = ['x', 'y', 'z'].map((id) => ({ id, division: 'works/copywriting' }));
    const votes = [
      { entry: 'x', count: 50 },
      { entry: 'y', count: 30 },
      { entry: 'z', count: 30 },
    ];
    const results = computeResults(definition, 'public-vote', { entries, scores: [], votes });
    expect(awards(results, 'works/copywriting').map(([e, t]) => `${e}:${t}`)).toEqual(['x:gold']);
    expect(results.problems).toMatchObject([{ code: 'award.tie', entries: ['y', 'z'], division: 'works/copywriting' }]);
    expect(division(results, 'works/copywriting').vacancies).toEqual([
      { tier: 'silver', empty: 0, undecided: 1 },
      { tier: 'bronze', empty: 0, undecided: 1 },
    ]);
  });
});

describe('003: six criteria 1–10 to choose 20, then 创新性 30% and five more to choose 5 and 3 winners', () => {
  const definition = seedDefinition('003');
  const criteria = (innovation: number, others: number, written = others) => ({
    innovation,
    'practical-value': others,
    'growth-potential': others,
    'social-benefit': others,
    'prototype-usability': others,
    'written-presentation': written,
  });

  it('orders by the weights where the plain mean of the criteria would order the other way', () => {
    // t1: 0.3 × 90 + 0.7 × 60 = 69 (plain mean 65); t2: 0.3 × 60 + 0.7 × 70 = 67 (plain mean 68.33).
    const results = computeResults(definition, 'online-stage', {
      entries: ['t1', 't2'].map((id) => ({ id, division: 'hackathon' })),
      scores: [
        { judge: 'j1', entry: 't1', criteria: criteria(90, 60) },
        { judge: 'j1', entry: 't2', criteria: criteria(60, 70) },
      ],
      votes: [],
    });
    expect(ranking(results, 'hackathon')).toEqual([
      ['t1', 69, 1, true],
      ['t2', 67, 2, true],
    ]);
  });

  it('sends 5 of 6 on from the online stage', () => {
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];
    const results = computeResults(definition, 'online-stage', {
      entries: ids.map((id) => ({ id, division: 'hackathon' })),
      scores: ids.map((id, i) => ({ judge: 'j1', entry: id, criteria: criteria(80 - i * 5, 70) })),
      votes: [],
    });
    expect(ranking(results, 'hackathon').map(([id, , , advances]) => `${id}:${advances}`)).toEqual([
      't1:true',
      't2:true',
      't3:true',
      't4:true',
      't5:true',
      't6:false',
    ]);
  });

  it('scores the application on six equal criteria 1–10 and refuses a 0 or an 11', () => {
    const six = (value: number) => ({
      'qualification-level': value,
      'qualification-mix': value,
      experience: value,
      'concept-relevance': value,
      'concept-feasibility': value,
      'regional-representation': 8,
    });
    const results = computeResults(definition, 'application-selection', {
      entries: ['a', 'b', 'c'].map((id) => ({ id, division: 'hackathon' })),
      scores: [
        { judge: 'j1', entry: 'a', criteria: six(10) },
        { judge: 'j1', entry: 'b', criteria: six(0) },
        { judge: 'j2', entry: 'b', criteria: { ...six(5), experience: 11 } },
        { judge: 'j1', entry: 'c', criteria: six(5) },
      ],
      votes: [],
    });
    // a: 16.67 × 4 × 10 + 16.66 × 10 + 16.66 × 8, ÷ 100 = 9.6668; c: (16.67 × 4 + 16.66) × 5 + 16.66 × 8, ÷ 100 = 5.4998.
    expect(ranking(results, 'hackathon')).toEqual([
      ['a', 9.6668, 1, true],
      ['c', 5.4998, 2, true],
      ['b', null, null, false],
    ]);
    expect(codes(results)).toEqual(['score.out_of_scale', 'score.out_of_scale', 'entry.unscored']);
  });

  it('names 3 winners at the workshop and leaves the participation certificates to the organisers', () => {
    const ids = ['w1', 'w2', 'w3', 'w4', 'w5'];
    const results = computeResults(definition, 'workshop', {
      entries: ids.map((id) => ({ id, division: 'hackathon' })),
      scores: ids.map((id, i) => ({ judge: 'j1', entry: id, criteria: criteria(90 - i * 10, 80) })),
      votes: [],
    });
    expect(awards(results, 'hackathon')).toEqual([
      ['w1', 'winners', 0],
      ['w2', 'winners', 0],
      ['w3', 'winners', 0],
    ]);
    expect(results.notComputed).toEqual([{ what: 'award', tier: 'participation-certificate', reason: 'chosen-by-judges' }]);
  });
});

describe('004: a preliminary per track and a final roadshow, totals 0–100', () => {
  const definition = seedDefinition('004');
  const entries = [
    { id: 'm1', division: 'medical-insurance' },
    { id: 'm2', division: 'medical-insurance' },
    { id: 't1', division: 'transport' },
  ];
  const scores = [...totals({ m1: 70, m2: 88, t1: 75 }), ...totals({ m1: 80, m2: 84, t1: 77 }, 'j2')];

  it('ranks each track in the preliminary and says that no advancement count is published (择优晋级)', () => {
    const results = computeResults(definition, 'preliminary', { entries, scores, votes: [] });
    expect(ranking(results, 'medical-insurance')).toEqual([
      ['m2', 86, 1, false],
      ['m1', 75, 2, false],
    ]);
    expect(ranking(results, 'transport')).toEqual([['t1', 76, 1, false]]);
    expect(results.notComputed).toEqual([{ what: 'advancement', reason: 'count-not-published' }]);
  });

  it('ranks the final and gives no award, since none is declared; a total over 100 is refused', () => {
    const results = computeResults(definition, 'final', { entries, scores: [...scores, { judge: 'j3', entry: 't1', total: 101 }], votes: [] });
    expect(results.decidesAwards).toBe(true);
    expect(ranking(results, 'medical-insurance')[0]).toEqual(['m2', 86, 1, false]);
    expect([results.contestAwards, results.divisions.flatMap((d) => d.awards), results.notComputed]).toEqual([[], [], []]);
    expect(results.problems).toMatchObject([{ code: 'score.out_of_scale', judge: 'j3', entries: ['t1'] }]);
  });
});
