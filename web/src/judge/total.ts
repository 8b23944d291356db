/**
 * The weighted total a judge sees beside the rubric, computed as the results engine computes it
 * (src/review/results/scores.ts `roundScale` and `scoreTotal`, rounded as scoring/rules.ts
 * `shownTotal` rounds it), so the number on the phone is the number the ranking counts.
 */

export interface Scale {
  min: number;
  max: number;
}

/** A rubric criterion as the judging reply gives it: weight in percent of the judge's score, its own scale. */
export interface RubricCriterion {
  id: string;
  weight: number;
  min: number;
  max: number;
}

/**
 * The range of a judge's total: the criteria's shared scale (003's 1–10), 0–100 where the criteria's
 * scales differ, or the round's own scale without a rubric (0–100 when it names none).
 */
export const totalScale = (rubric: readonly RubricCriterion[], scale: Scale | null): Scale => {
  if (rubric.length === 0) return scale ?? { min: 0, max: 100 };
  const [first] = rubric;
  const shared = rubric.every((c) => c.min === first.min && c.max === first.max);
  return shared ? { min: first.min, max: first.max } : { min: 0, max: 100 };
};

const within = (value: number, range: Scale) => Number.isFinite(value) && value >= range.min && value <= range.max;

/**
 * Each criterion's value put on the total's scale and weighted by its percent; two decimals. Null
 * while a criterion is missing or outside its scale: the engine would not count such a score.
 */
export const weightedTotal = (rubric: readonly RubricCriterion[], criteria: Readonly<Record<string, number | undefined>>): number | null => {
  const scale = totalScale(rubric, null);
  let total = 0;
  for (const criterion of rubric) {
    const value = criteria[criterion.id];
    if (value === undefined || !within(value, criterion)) return null;
    const onScale = scale.min + ((value - criterion.min) / (criterion.max - criterion.min)) * (scale.max - scale.min);
    total += (criterion.weight / 100) * onScale;
  }
  return Math.round(total * 100) / 100;
};

/** The total a round without a rubric takes as given, when it lies on the round's scale. */
export const directTotal = (scale: Scale | null, total: number | undefined): number | null =>
  total !== undefined && within(total, totalScale([], scale)) ? total : null;
