import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import type { ContestDefinition, ReviewRound } from '../../contest/schema/index.ts';
import { combineScores, type ScoresByEntry } from './combine.ts';
import { computeResults } from './compute.ts';
import type { ResultProblem } from './types.ts';

const scale = { min: 0, max: 100 };
const scoresOf = (entry: string, ...values: number[]): CountedScore[] => values.map((total, i) => ({ judge: `j${i + 1}`, entry, total }));
interface CountedScore {
  judge: string;
  entry: string;
  total: number;
}
const combined = (mode: ReviewRound['combine'], scores: CountedScore[]) => {
  const problems: ResultProblem[] = [];
  const byEntry: ScoresByEntry = new Map();
  for (const { judge, entry, total } of scores) {
    const scored = byEntry.get(entry) ?? { judges: [], totals: [] };
    scored.judges.push(judge);
    scored.totals.push(total);
    byEntry.set(entry, scored);
  }
  return { values: Object.fromEntries(combineScores(mode, byEntry, scale, problems)), problems };
};

describe('combining judges’ scores', () => {
  it('averages (mean), drops one highest and one lowest (trimmed-mean), takes the middle (median)', () => {
    const scores = scoresOf('e', 60, 70, 80, 100);
    expect(combined('mean', scores).values).toEqual({ e: 77.5 });
    expect(combined('trimmed-mean', scores).values).toEqual({ e: 75 });
    expect(combined('median', scores).values).toEqual({ e: 75 });
    expect(combined('median', scoresOf('e', 90, 10, 50)).values).toEqual({ e: 50 });
  });

  it('drops only one of several equal highest scores', () => {
    expect(combined('trimmed-mean', scoresOf('e', 90, 90, 90, 60)).values).toEqual({ e: 90 });
  });

  it('with fewer than three scores trims nothing, takes the mean and says so', () => {
    const { values, problems } = combined('trimmed-mean', [...scoresOf('a', 80, 60), ...scoresOf('b', 70, 80, 90)]);
    expect(values).toEqual({ a: 70, b: 80 });
    expect(problems).toMatchObject([{ code: 'combine.too_few_to_trim', entries: ['a'] }]);
  });

  it('z-score: puts each judge on their own mean and spread, so the top of a strict judge equals the top of a lenient one', () => {
    // Lenient A: e1 95, e3 85 (mean 90, sd 5); strict B: e2 60, e3 40 (mean 50, sd 10). Mean would say e1 95, e3 62.5, e2 60.
    // z: e1 +1, e2 +1, e3 (−1 − 1) / 2 = −1. All four totals: mean 70, sd √462.5 = 21.5058…; e1 = e2 = 70 + 21.5058, e3 = 70 − 21.5058.
    const scores: CountedScore[] = [
      { judge: 'a', entry: 'e1', total: 95 },
      { judge: 'a', entry: 'e3', total: 85 },
      { judge: 'b', entry: 'e2', total: 60 },
      { judge: 'b', entry: 'e3', total: 40 },
    ];
    const { values, problems } = combined('z-score', scores);
    const sd = Math.sqrt(462.5);
    expect(values.e1).toBeCloseTo(70 + sd, 9);
    expect(values.e2).toBeCloseTo(70 + sd, 9);
    expect(values.e3).toBeCloseTo(70 - sd, 9);
    expect(problems).toEqual([]);
  });

  it('z-score: a judge who gives everyone the same separates nobody (reported), and results stay within the scale', () => {
    const scores: CountedScore[] = [
      { judge: 'flat', entry: 'e1', total: 70 },
      { judge: 'flat', entry: 'e2', total: 70 },
      { judge: 'wide', entry: 'e1', total: 100 },
      { judge: 'wide', entry: 'e2', total: 0 },
      { judge: 'wide', entry: 'e3', total: 100 },
    ];
    const { values, problems } = combined('z-score', scores);
    expect(problems).toMatchObject([{ code: 'combine.judge_without_spread', judge: 'flat' }]);
    for (const value of Object.values(values)) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of Object.values(values)) expect(value).toBeLessThanOrEqual(100);
    expect(values.e1).toBeGreaterThan(values.e2);
  });
});

describe('each combine mode through a round', () => {
  const withCombine = (definition: ContestDefinition, combine: ReviewRound['combine']): ContestDefinition => ({
    ...definition,
    review: { ...definition.review, rounds: definition.review.rounds.map((r) => (r.id === 'final' ? { ...r, combine } : r)) },
  });
  const input = {
    entries: ['a', 'b'].map((id) => ({ id, division: 'publicity' })),
    // a: 50, 60, 100; b: 65, 66, 67.
    scores: [...scoresOf('a', 50, 60, 100), ...scoresOf('b', 65, 66, 67)],
    votes: [],
  };
  const order = (combine: ReviewRound['combine']) =>
    computeResults(withCombine(seedDefinition('000'), combine), 'final', input).divisions[0].entries.map((e) => `${e.id} ${e.score}`);

  it('orders a and b as each mode says', () => {
    expect(order('mean')).toEqual(['a 70', 'b 66']);
    expect(order('trimmed-mean')).toEqual(['b 66', 'a 60']);
    expect(order('median')).toEqual(['b 66', 'a 60']);
    // Each judge scores only a and b, so each gives z ±1: j1 and j2 put b above a, j3 a above b; a averages −1/3, b +1/3.
    expect(order('z-score').map((line) => line.split(' ')[0])).toEqual(['b', 'a']);
  });
});
