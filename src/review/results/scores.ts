import type { ReviewRound } from '../../contest/schema/index.ts';
import { problem } from './problems.ts';
import type { ResultProblem, ResultsInput } from './types.ts';

export interface Scale {
  min: number;
  max: number;
}

/**
 * The range of a judge's total in a round: the criteria's shared scale (003's 1–10), 0–100 where
 * criteria differ (each is then put on 0–100 before weighting), or the round's `scale` without a rubric.
 */
export const roundScale = (round: ReviewRound): Scale => {
  const rubric = round.rubric ?? [];
  if (rubric.length === 0) return round.scale ?? { min: 0, max: 100 };
  const [first] = rubric;
  const shared = rubric.every((c) => c.scale.min === first.scale.min && c.scale.max === first.scale.max);
  return shared ? first.scale : { min: 0, max: 100 };
};

export type JudgeScore = ResultsInput['scores'][number];

/** A valid score's total on the round's scale, or why it cannot count. */
const within = (value: number, range: Scale) => Number.isFinite(value) && value >= range.min && value <= range.max;

export const scoreTotal = (round: ReviewRound, scale: Scale, score: JudgeScore): number | ResultProblem => {
  // The common case first, without building the refusal below (half a million scores a round).
  if (score.criteria === undefined && score.total !== undefined && within(score.total, scale)) return score.total;
  const refuse = (code: string, zh: string, en: string) => problem(code, { zh, en }, { entries: [score.entry], judge: score.judge });
  if ((score.total === undefined) === (score.criteria === undefined)) {
    return refuse(
      'score.shape',
      `评委 ${score.judge} 对 ${score.entry} 的评分须给出各评分项或总分之一`,
      `${score.judge}'s score of ${score.entry} must give either criteria or a total`,
    );
  }
  if (score.total !== undefined) {
    if (within(score.total, scale)) return score.total;
    return refuse(
      'score.out_of_scale',
      `评委 ${score.judge} 对 ${score.entry} 的总分 ${score.total} 不在 ${scale.min}–${scale.max} 之内`,
      `${score.judge}'s total for ${score.entry}, ${score.total}, is outside ${scale.min}–${scale.max}`,
    );
  }
  const criteria = score.criteria ?? {};
  const rubric = round.rubric ?? [];
  const unknown = Object.keys(criteria).filter((id) => !rubric.some((c) => c.id === id));
  if (unknown.length > 0) {
    return refuse(
      'score.unknown_criterion',
      `评分项 ${unknown.join('、')} 不在本轮评分标准中`,
      `Criteria ${unknown.join(', ')} are not in this round's rubric`,
    );
  }
  let total = 0;
  for (const criterion of rubric) {
    const value = criteria[criterion.id];
    if (value === undefined) {
      return refuse(
        'score.missing_criterion',
        `评委 ${score.judge} 对 ${score.entry} 未给出「${criterion.name}」`,
        `${score.judge}'s score of ${score.entry} lacks ${criterion.id}`,
      );
    }
    if (!within(value, criterion.scale)) {
      return refuse(
        'score.out_of_scale',
        `评委 ${score.judge} 对 ${score.entry} 的「${criterion.name}」${value} 不在 ${criterion.scale.min}–${criterion.scale.max} 之内`,
        `${score.judge}'s ${criterion.id} for ${score.entry}, ${value}, is outside ${criterion.scale.min}–${criterion.scale.max}`,
      );
    }
    const onScale = scale.min + ((value - criterion.scale.min) / (criterion.scale.max - criterion.scale.min)) * (scale.max - scale.min);
    total += (criterion.weight / 100) * onScale;
  }
  return total;
};
