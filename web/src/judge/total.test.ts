import { describe, expect, it } from 'vitest';
import { reviewRoundSchema } from '../../../src/contest/schema/review.ts';
import { roundScale, scoreTotal } from '../../../src/review/results/scores.ts';
import { directTotal, totalScale, weightedTotal, type RubricCriterion } from './total.ts';

const criterion = (id: string, weight: number, min = 0, max = 100): RubricCriterion => ({ id, weight, min, max });

// 003's online and workshop rounds: six criteria on 0–100 with unequal weights.
const finalRubric = [
  criterion('innovation', 30),
  criterion('practical-value', 15),
  criterion('growth-potential', 15),
  criterion('social-benefit', 15),
  criterion('prototype-usability', 15),
  criterion('written-presentation', 10),
];

// 003's selection: six criteria on 1–10, weights 16.67 × 4 + 16.66 × 2.
const selectionRubric = ['a', 'b', 'c', 'd'].map((id) => criterion(id, 16.67, 1, 10)).concat(['e', 'f'].map((id) => criterion(id, 16.66, 1, 10)));

describe('the weighted total a judge sees', () => {
  it('weights each criterion by its percent (003 final: 80/70/60/90/50/100 → 74.5)', () => {
    const values = {
      innovation: 80,
      'practical-value': 70,
      'growth-potential': 60,
      'social-benefit': 90,
      'prototype-usability': 50,
      'written-presentation': 100,
    };
    expect(weightedTotal(finalRubric, values)).toBe(74.5);
  });

  it('stays on a shared 1–10 scale: all tens make 10, all ones make 1, mixed to two decimals', () => {
    const all = (v: number) => Object.fromEntries(selectionRubric.map((c) => [c.id, v]));
    expect(weightedTotal(selectionRubric, all(10))).toBe(10);
    expect(weightedTotal(selectionRubric, all(1))).toBe(1);
    // 0.1667·(10+7+7+7) + 0.1666·(5+5) = 5.1677 + 1.666 = 6.8337 → 6.83
    expect(weightedTotal(selectionRubric, { a: 10, b: 7, c: 7, d: 7, e: 5, f: 5 })).toBe(6.83);
    expect(totalScale(selectionRubric, null)).toEqual({ min: 1, max: 10 });
  });

  it('puts criteria of different scales on 0–100 before weighting', () => {
    const mixed = [criterion('idea', 50, 1, 10), criterion('demo', 50)];
    expect(totalScale(mixed, null)).toEqual({ min: 0, max: 100 });
    expect(weightedTotal(mixed, { idea: 10, demo: 40 })).toBe(70);
    expect(weightedTotal(mixed, { idea: 1, demo: 40 })).toBe(20);
    expect(weightedTotal(mixed, { idea: 5.5, demo: 0 })).toBe(25);
  });

  it('shows no total while a criterion is missing or outside its scale', () => {
    const mixed = [criterion('idea', 50, 1, 10), criterion('demo', 50)];
    expect(weightedTotal(mixed, { idea: 10 })).toBeNull();
    expect(weightedTotal(mixed, { idea: 11, demo: 40 })).toBeNull();
    expect(weightedTotal(mixed, { idea: 0, demo: 40 })).toBeNull();
    expect(weightedTotal(mixed, { idea: Number.NaN, demo: 40 })).toBeNull();
  });

  it('takes a round without a rubric at the total given, on its scale (0–100 when it names none)', () => {
    expect(directTotal({ min: 0, max: 10 }, 8.5)).toBe(8.5);
    expect(directTotal({ min: 0, max: 10 }, 11)).toBeNull();
    expect(directTotal(null, 100)).toBe(100);
    expect(directTotal(null, undefined)).toBeNull();
  });

  it('agrees with the results engine on random scores of random rubrics', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const scales = [
      { min: 0, max: 100 },
      { min: 1, max: 10 },
      { min: 0, max: 5 },
    ];
    for (let run = 0; run < 500; run++) {
      const size = 1 + Math.floor(random() * 6);
      const weights = Array.from({ length: size }, () => 1 + Math.floor(random() * 20));
      const sum = weights.reduce((a, b) => a + b, 0);
      // Percent weights that sum to exactly 100: the last takes what rounding leaves.
      const percents = weights.map((w) => Math.floor((w / sum) * 100));
      percents[size - 1] += 100 - percents.reduce((a, b) => a + b, 0);
      const sharedScale = random() < 0.5;
      const rubric = percents.map((weight, i) => {
        const scale = sharedScale ? scales[1] : scales[Math.floor(random() * scales.length)];
        return { id: `c${i}`, name: `c${i}`, weight, scale };
      });
      const values = Object.fromEntries(rubric.map((c) => [c.id, Math.round((c.scale.min + random() * (c.scale.max - c.scale.min)) * 10) / 10]));
      const round = reviewRoundSchema.parse({ id: 'r', name: 'r', phase: 'p', rubric });
      const engine = scoreTotal(round, roundScale(round), { judge: 'j', entry: 'e', criteria: values });
      const mine = weightedTotal(
        rubric.map((c) => ({ id: c.id, weight: c.weight, min: c.scale.min, max: c.scale.max })),
        values,
      );
      expect(mine).toBe(Math.round((engine as number) * 100) / 100);
    }
  });
});
