/**
 * The score form's values as typed (text, so a half-typed "7." or an empty box stays as it is) and
 * the request they make: empty or unreadable boxes are left out, which a draft allows.
 */
import type { JudgingRound, ScoreValues, ScoreView } from '../api/judging.ts';
import { directTotal, weightedTotal } from './total.ts';

export interface ScoreForm {
  criteria: Record<string, string>;
  total: string;
  comment: string;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export const formOf = (score: ScoreView | null): ScoreForm => ({
  criteria: Object.fromEntries(Object.entries(score?.criteria ?? {}).map(([id, value]) => [id, text(value)])),
  total: text(score?.total),
  comment: score?.comment ?? '',
});

/** What the form says of the saved values, for a reload to take up a draft kept in the browser. */
export const formOfValues = (values: ScoreValues): ScoreForm => ({
  criteria: Object.fromEntries(Object.entries(values.criteria ?? {}).map(([id, value]) => [id, text(value)])),
  total: text(values.total),
  comment: values.comment ?? '',
});

const numberIn = (value: string | undefined): number | undefined => {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
};

const hasRubric = (round: Pick<JudgingRound, 'rubric'>) => round.rubric.length > 0;

export const requestOf = (round: Pick<JudgingRound, 'rubric'>, form: ScoreForm): ScoreValues => {
  if (!hasRubric(round)) {
    const total = numberIn(form.total);
    return total === undefined ? { comment: form.comment } : { total, comment: form.comment };
  }
  const criteria: Record<string, number> = {};
  for (const criterion of round.rubric) {
    const value = numberIn(form.criteria[criterion.id]);
    if (value !== undefined) criteria[criterion.id] = value;
  }
  return { criteria, comment: form.comment };
};

/** The total the engine would count for these values, or null while incomplete or off scale. */
export const liveTotal = (round: Pick<JudgingRound, 'rubric' | 'scale'>, form: ScoreForm): number | null => {
  const values = requestOf(round, form);
  return hasRubric(round) ? weightedTotal(round.rubric, values.criteria ?? {}) : directTotal(round.scale, values.total ?? undefined);
};

/** The fields still empty, by the name a problem beside them uses (`criteria.<id>`, `total`). */
export const missingFields = (round: Pick<JudgingRound, 'rubric'>, form: ScoreForm): string[] => {
  const values = requestOf(round, form);
  if (!hasRubric(round)) return values.total === undefined ? ['total'] : [];
  return round.rubric.filter((c) => values.criteria?.[c.id] === undefined).map((c) => `criteria.${c.id}`);
};

/** The fields a problem can stand beside; any other lands at the top of the form. */
export const fieldNames = (round: Pick<JudgingRound, 'rubric'>) => new Set(['total', 'comment', ...round.rubric.map((c) => `criteria.${c.id}`)]);
