/**
 * What a judge may write as a score, and when. Pure: the round, the values, its state, window and
 * the time come in; problems or a refusal go out.
 *
 * A value is a number on its criterion's scale (the round's `scale` for a round without a rubric,
 * 0–100 when it names none), in steps of 0.1: a judge on a phone types 7.5, never 7.25, and a
 * finer step would only split ties by accident. A draft may leave criteria out (the judge is still
 * working); a submission gives every criterion, or the total.
 */
import type { ReviewRound } from '../../contest/schema/index.ts';
import { isoWithOffset, isWithin, type Window } from '../../contest/time.ts';
import { AppError, type Problem } from '../../platform/errors.ts';
import type { RoundState } from '../../schedule/rules.ts';
import { roundScale, scoreTotal, type Scale } from '../results/scores.ts';

export interface ScoreValues {
  criteria?: Readonly<Record<string, number>>;
  total?: number | null;
}

export type ScoreIntent = 'draft' | 'submit';

/** One decimal place at most: 7.5 is a value, 7.55 is not (checked with a tolerance for binary fractions). */
const onStep = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

const range = (scale: Scale) => `${scale.min}–${scale.max}`;

const valueProblems = (value: number, scale: Scale, what: { id: string; name: string }, path: string): Problem[] => {
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
    return [
      {
        code: 'score.out_of_scale',
        message: {
          zh: `「${what.name}」的分值 ${value} 不在 ${range(scale)} 之内`,
          en: `${what.id}: ${value} is outside ${range(scale)}`,
        },
        path,
        rule: `${what.id}: ${range(scale)}`,
      },
    ];
  }
  if (!onStep(value)) {
    return [
      {
        code: 'score.step',
        message: { zh: `「${what.name}」的分值 ${value} 最多保留一位小数`, en: `${what.id}: ${value} has more than one decimal place` },
        path,
      },
    ];
  }
  return [];
};

const rubricProblems = (round: ReviewRound, values: ScoreValues, intent: ScoreIntent): Problem[] => {
  const rubric = round.rubric ?? [];
  const criteria = values.criteria ?? {};
  const problems: Problem[] = [];
  if (values.total !== undefined && values.total !== null) {
    problems.push({
      code: 'score.total_not_allowed',
      message: { zh: '本轮按评分细则逐项打分，总分由各项加权得出', en: "This round is scored by its rubric; the total follows from the criteria's weights" },
      path: 'total',
    });
  }
  for (const [id, value] of Object.entries(criteria)) {
    const criterion = rubric.find((c) => c.id === id);
    if (!criterion) {
      problems.push({
        code: 'score.unknown_criterion',
        message: { zh: `评分项 ${id} 不在本轮评分细则中`, en: `Criterion ${id} is not in this round's rubric` },
        path: `criteria.${id}`,
      });
    } else {
      problems.push(...valueProblems(value, criterion.scale, criterion, `criteria.${id}`));
    }
  }
  const missing = rubric.filter((c) => criteria[c.id] === undefined);
  if (intent === 'submit' && missing.length > 0) {
    problems.push({
      code: 'score.incomplete',
      message: {
        zh: `提交前请为以下评分项打分：${missing.map((c) => c.name).join('、')}`,
        en: `Score these criteria before submitting: ${missing.map((c) => c.id).join(', ')}`,
      },
      path: 'criteria',
    });
  }
  return problems;
};

const totalProblems = (round: ReviewRound, values: ScoreValues, intent: ScoreIntent): Problem[] => {
  const problems: Problem[] = Object.keys(values.criteria ?? {}).map((id) => ({
    code: 'score.unknown_criterion',
    message: { zh: `本轮没有评分细则，请直接给出总分（评分项 ${id} 无效）`, en: `This round has no rubric: give a total (criterion ${id} is not known)` },
    path: `criteria.${id}`,
  }));
  if (values.total === undefined || values.total === null) {
    if (intent === 'submit') {
      problems.push({ code: 'score.total_needed', message: { zh: '提交前请给出总分', en: 'Give a total before submitting' }, path: 'total' });
    }
  } else {
    problems.push(...valueProblems(values.total, roundScale(round), { id: 'total', name: '总分' }, 'total'));
  }
  return problems;
};

/** Everything wrong with the values for this round; empty when a draft may be saved or a score submitted. */
export const scoreProblems = (round: ReviewRound, values: ScoreValues, intent: ScoreIntent): Problem[] =>
  round.rubric && round.rubric.length > 0 ? rubricProblems(round, values, intent) : totalProblems(round, values, intent);

/** The refusal for these problems: a single problem is its own code, several are counted. */
export const invalidScore = (problems: Problem[]) =>
  new AppError(
    problems.length === 1 ? problems[0].code : 'score.invalid',
    problems.length === 1 ? problems[0].message : { zh: `评分有 ${problems.length} 处问题`, en: `The score has ${problems.length} problems` },
    422,
    problems,
  );

/**
 * The weighted total the judge sees beside the rubric: the results engine's own (scoreTotal), so
 * what the judge reads is what the ranking counts; two decimals. Null while criteria are missing.
 */
export const shownTotal = (round: ReviewRound, values: ScoreValues): number | null => {
  const rubric = round.rubric ?? [];
  const score = rubric.length > 0 ? { judge: '', entry: '', criteria: values.criteria ?? {} } : { judge: '', entry: '', total: values.total ?? undefined };
  if (rubric.length === 0 && score.total === undefined) return null;
  const total = scoreTotal(round, roundScale(round), score);
  return typeof total === 'number' ? Math.round(total * 100) / 100 : null;
};

const lastSecond = (window: Window) => isoWithOffset(window.endExclusive.minus({ seconds: 1 }));

/**
 * Why a judge cannot write a score in this round now: the round is closed or published (the
 * organiser's decision), or the time is outside the round's phase window as scheduled. Undefined
 * while scoring is open.
 */
export const scoringRefusal = (round: Pick<ReviewRound, 'name' | 'nameEn'>, state: RoundState, window: Window, at: Date): AppError | undefined => {
  if (state !== 'open') {
    return new AppError(
      'score.round_closed',
      {
        zh: `「${round.name}」评审已${state === 'published' ? '公布结果' : '截止'}，不能再评分`,
        en: `"${round.nameEn ?? round.name}" is ${state}: scores can no longer change`,
      },
      409,
    );
  }
  if (!isWithin(window, at)) {
    const start = isoWithOffset(window.start);
    const end = lastSecond(window);
    return new AppError(
      'score.window_closed',
      {
        zh: `不在「${round.name}」的评审时间内：${start} 至 ${end}`,
        en: `Outside the scoring window of "${round.nameEn ?? round.name}": ${start} to ${end}`,
      },
      409,
    );
  }
  return undefined;
};

/** A submitted score is final for the judge; only the organiser reopens it. */
export const alreadySubmitted = () =>
  new AppError('score.already_submitted', { zh: '该评分已提交，如需修改请联系主办方', en: 'This score is submitted; ask the organiser to reopen it' }, 409);
