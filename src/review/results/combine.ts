import type { ReviewRound } from '../../contest/schema/index.ts';
import { problem } from './problems.ts';
import type { Scale } from './scores.ts';
import type { ResultProblem } from './types.ts';

export type CombineMode = ReviewRound['combine'];

/** Each entry's counted scores: the judges who gave them and their totals, in the same order. */
export type ScoresByEntry = Map<string, { judges: string[]; totals: number[] }>;

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** 去掉一个最高分和一个最低分: with fewer than three scores nothing is dropped (the caller reports it). */
const trimmedMean = (values: readonly number[]) => {
  if (values.length < 3) return mean(values);
  const sorted = [...values].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
};

interface Spread {
  mean: number;
  sd: number;
}

const spreadOf = (values: readonly number[]): Spread => {
  const m = mean(values);
  return { mean: m, sd: Math.sqrt(mean(values.map((v) => (v - m) ** 2))) };
};

/**
 * Each judge's totals become z-scores on that judge's own mean and (population) standard deviation;
 * an entry's z-scores are averaged and put back on the round's scale with the mean and deviation of
 * all the round's totals, clamped to the scale. A judge whose totals are all equal separates nobody:
 * their z-scores are 0 (reported).
 */
const zScoreCombine = (scores: ScoresByEntry, scale: Scale, problems: ResultProblem[]) => {
  const byJudge = new Map<string, number[]>();
  const all: number[] = [];
  for (const { judges, totals } of scores.values()) {
    judges.forEach((judge, i) => {
      const list = byJudge.get(judge);
      if (list) list.push(totals[i]);
      else byJudge.set(judge, [totals[i]]);
      all.push(totals[i]);
    });
  }
  const spreads = new Map<string, Spread>();
  for (const [judge, totals] of byJudge) {
    const spread = spreadOf(totals);
    spreads.set(judge, spread);
    if (spread.sd === 0) {
      problems.push(
        problem(
          'combine.judge_without_spread',
          {
            zh: `评委 ${judge} 的 ${totals.length} 个评分全部相同，标准化后不区分作品`,
            en: `Judge ${judge}'s ${totals.length} totals are all equal, so they separate no entries once normalised`,
          },
          { judge },
        ),
      );
    }
  }
  const overall = spreadOf(all);
  const combined = new Map<string, number>();
  for (const [entry, { judges, totals }] of scores) {
    const zs = judges.map((judge, i) => {
      const { mean: m, sd } = spreads.get(judge)!;
      return sd === 0 ? 0 : (totals[i] - m) / sd;
    });
    combined.set(entry, Math.min(scale.max, Math.max(scale.min, overall.mean + mean(zs) * overall.sd)));
  }
  return combined;
};

/** The judges' score of each entry that has scores, by the round's `combine`. */
export const combineScores = (mode: CombineMode, scores: ScoresByEntry, scale: Scale, problems: ResultProblem[]): Map<string, number> => {
  if (scores.size === 0) return new Map();
  if (mode === 'z-score') return zScoreCombine(scores, scale, problems);
  const combine = mode === 'median' ? median : mode === 'trimmed-mean' ? trimmedMean : mean;
  const combined = new Map<string, number>();
  const untrimmed: string[] = [];
  for (const [entry, { totals }] of scores) {
    combined.set(entry, combine(totals));
    if (mode === 'trimmed-mean' && totals.length < 3) untrimmed.push(entry);
  }
  if (untrimmed.length > 0) {
    problems.push(
      problem(
        'combine.too_few_to_trim',
        {
          zh: `${untrimmed.length} 个作品的评分少于 3 个，无法去掉最高分和最低分，按平均分计`,
          en: `${untrimmed.length} ${untrimmed.length === 1 ? 'entry has' : 'entries have'} fewer than 3 scores: nothing dropped, the plain mean counts`,
        },
        { entries: untrimmed },
      ),
    );
  }
  return combined;
};
