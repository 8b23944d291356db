/**
 * How far each judge's scores stand from the other judges' on the same entries, for the organiser's
 * review board (a judge far stricter or more lenient than the rest is worth a look before
 * publishing). Pure: submitted totals on the round's scale come in.
 *
 * The rule: a judge's deviation is the mean, over the entries they scored that at least one other
 * judge also scored, of (their total − the mean of the other judges' totals on that entry), in the
 * round's scale units. A judge stands apart when |deviation| exceeds a tenth of the scale's width
 * (10 points on 0–100, 0.9 on 003's 1–10) over at least three such entries: fewer say too little
 * to single anyone out.
 */
import type { Scale } from '../results/scores.ts';
import { groupBy } from '../../platform/group-by.ts';

export interface SubmittedTotal {
  judge: string;
  entry: string;
  total: number;
}

export interface JudgeStanding {
  judge: string;
  /** The mean of the judge's totals; null without any. */
  mean: number | null;
  /** Their mean difference from the other judges on shared entries; null when they share none. */
  deviation: number | null;
  /** How many entries the deviation is taken over. */
  compared: number;
  standsApart: boolean;
}

/** A tenth of the scale's width: what a judge's mean difference must exceed to stand apart. */
export const standsApartThreshold = (scale: Scale) => (scale.max - scale.min) / 10;

export const MIN_COMPARED_ENTRIES = 3;

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const rounded = (value: number) => Math.round(value * 100) / 100;

/** Each judge's standing, in the order of `judges`. */
export const judgeStandings = (judges: readonly string[], totals: readonly SubmittedTotal[], scale: Scale): JudgeStanding[] => {
  const byEntry = groupBy(totals, (t) => t.entry);
  const byJudge = groupBy(totals, (t) => t.judge);
  const threshold = standsApartThreshold(scale);
  return judges.map((judge) => {
    const own = byJudge.get(judge) ?? [];
    const differences = own.flatMap(({ entry, total }) => {
      const others = byEntry.get(entry)!.filter((t) => t.judge !== judge);
      return others.length === 0 ? [] : [total - mean(others.map((t) => t.total))];
    });
    const deviation = differences.length === 0 ? null : mean(differences);
    return {
      judge,
      mean: own.length === 0 ? null : rounded(mean(own.map((t) => t.total))),
      deviation: deviation === null ? null : rounded(deviation),
      compared: differences.length,
      standsApart: deviation !== null && differences.length >= MIN_COMPARED_ENTRIES && Math.abs(deviation) > threshold,
    };
  });
};
