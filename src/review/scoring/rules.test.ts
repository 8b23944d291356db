import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import { reviewRoundSchema, type ReviewRound } from '../../contest/schema/index.ts';
import { scoreProblems, scoringRefusal, shownTotal } from './rules.ts';

const roundOf = (seed: '000' | '003', id: string): ReviewRound => seedDefinition(seed).review.rounds.find((r) => r.id === id)!;
/** 003's selection: six criteria, each 1–10 (评委打分（1-10分，10分为最高分）). */
const selection = roundOf('003', 'application-selection');
/** 003's online stage: six weighted criteria on the default 0–100. */
const online = roundOf('003', 'online-stage');
/** 000's final: no rubric, no scale: a total on 0–100. */
const final = roundOf('000', 'final');
const scaled = reviewRoundSchema.parse({ id: 'r', name: '复评', phase: 'p', quote: '复评按百分制', scale: { min: 60, max: 90 } });

const allSelection = (value: number) => Object.fromEntries(selection.rubric!.map((c) => [c.id, value]));
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('scoreProblems: a rubric round', () => {
  it('takes every criterion at both ends of 003’s 1–10 scale', () => {
    expect(scoreProblems(selection, { criteria: allSelection(1) }, 'submit')).toEqual([]);
    expect(scoreProblems(selection, { criteria: allSelection(10) }, 'submit')).toEqual([]);
  });

  it('refuses 0 and 10.1 on 1–10, naming the criterion, the range and the value', () => {
    const problems = scoreProblems(selection, { criteria: { ...allSelection(5), experience: 0, 'qualification-mix': 10.1 } }, 'submit');
    expect(problems).toEqual([
      {
        code: 'score.out_of_scale',
        message: { zh: '「成员资格的属性和组合」的分值 10.1 不在 1–10 之内', en: 'qualification-mix: 10.1 is outside 1–10' },
        path: 'criteria.qualification-mix',
        rule: 'qualification-mix: 1–10',
      },
      {
        code: 'score.out_of_scale',
        message: { zh: '「成员的经验」的分值 0 不在 1–10 之内', en: 'experience: 0 is outside 1–10' },
        path: 'criteria.experience',
        rule: 'experience: 1–10',
      },
    ]);
  });

  it('takes one decimal place (7.5, 0.1 on 0–100) and refuses two (7.25)', () => {
    expect(scoreProblems(selection, { criteria: { experience: 7.5 } }, 'draft')).toEqual([]);
    expect(scoreProblems(online, { criteria: { innovation: 0.1, 'practical-value': 99.9 } }, 'draft')).toEqual([]);
    expect(scoreProblems(selection, { criteria: { experience: 7.25 } }, 'draft')).toEqual([
      {
        code: 'score.step',
        message: { zh: '「成员的经验」的分值 7.25 最多保留一位小数', en: 'experience: 7.25 has more than one decimal place' },
        path: 'criteria.experience',
      },
    ]);
  });

  it('saves a partial draft, an empty one too, but submits only a complete score, naming what is missing', () => {
    const partial = { criteria: { innovation: 80, 'social-benefit': 60 } };
    expect(scoreProblems(online, partial, 'draft')).toEqual([]);
    expect(scoreProblems(online, {}, 'draft')).toEqual([]);
    expect(scoreProblems(online, partial, 'submit')).toEqual([
      {
        code: 'score.incomplete',
        message: {
          zh: '提交前请为以下评分项打分：实用价值、升级和发展潜力、原型的可用性、文本表述',
          en: 'Score these criteria before submitting: practical-value, growth-potential, prototype-usability, written-presentation',
        },
        path: 'criteria',
      },
    ]);
  });

  it('refuses a criterion the rubric does not have and a total given beside the rubric', () => {
    const problems = scoreProblems(online, { criteria: { charm: 50 }, total: 80 }, 'draft');
    expect(codes(problems)).toEqual(['score.total_not_allowed', 'score.unknown_criterion']);
    expect(problems[1]).toMatchObject({ path: 'criteria.charm', message: { en: "Criterion charm is not in this round's rubric" } });
  });

  it('reports every problem of a submission at once', () => {
    expect(codes(scoreProblems(online, { criteria: { innovation: 101, charm: 1 } }, 'submit'))).toEqual([
      'score.out_of_scale',
      'score.unknown_criterion',
      'score.incomplete',
    ]);
  });
});

describe('scoreProblems: a round scored by a total', () => {
  it('takes 0 and 100 on the default 0–100, refuses −0.1 and 100.1', () => {
    expect(scoreProblems(final, { total: 0 }, 'submit')).toEqual([]);
    expect(scoreProblems(final, { total: 100 }, 'submit')).toEqual([]);
    expect(scoreProblems(final, { total: -0.1 }, 'draft')).toMatchObject([{ code: 'score.out_of_scale', path: 'total', rule: 'total: 0–100' }]);
    expect(scoreProblems(final, { total: 100.1 }, 'draft')).toMatchObject([
      { code: 'score.out_of_scale', message: { zh: '「总分」的分值 100.1 不在 0–100 之内', en: 'total: 100.1 is outside 0–100' } },
    ]);
  });

  it('uses the round’s own scale where it names one', () => {
    expect(scoreProblems(scaled, { total: 60 }, 'submit')).toEqual([]);
    expect(codes(scoreProblems(scaled, { total: 59.9 }, 'submit'))).toEqual(['score.out_of_scale']);
    expect(codes(scoreProblems(scaled, { total: 90.05 }, 'submit'))).toEqual(['score.out_of_scale']);
  });

  it('saves a draft without a total, submits none without one', () => {
    expect(scoreProblems(final, { total: null }, 'draft')).toEqual([]);
    expect(scoreProblems(final, {}, 'submit')).toEqual([
      { code: 'score.total_needed', message: { zh: '提交前请给出总分', en: 'Give a total before submitting' }, path: 'total' },
    ]);
  });

  it('refuses criteria in a round without a rubric', () => {
    expect(codes(scoreProblems(final, { criteria: { innovation: 50 }, total: 50 }, 'submit'))).toEqual(['score.unknown_criterion']);
  });

  it('refuses a total with two decimals', () => {
    expect(codes(scoreProblems(final, { total: 88.88 }, 'draft'))).toEqual(['score.step']);
  });
});

describe('shownTotal: the engine’s weighted total', () => {
  it('weights 003’s online criteria 30/15/15/15/15/10', () => {
    const criteria = {
      innovation: 90,
      'practical-value': 60,
      'growth-potential': 60,
      'social-benefit': 60,
      'prototype-usability': 60,
      'written-presentation': 60,
    };
    // 0.3 × 90 + 0.7 × 60
    expect(shownTotal(online, { criteria })).toBe(69);
  });

  it('weights 003’s 1–10 selection (16.67 ×4, 16.66 ×2) to two decimals', () => {
    expect(shownTotal(selection, { criteria: allSelection(7) })).toBe(7);
    expect(shownTotal(selection, { criteria: { ...allSelection(10), experience: 1 } })).toBe(8.5);
  });

  it('is null while a criterion is missing or the total is not given, the total itself otherwise', () => {
    expect(shownTotal(online, { criteria: { innovation: 90 } })).toBeNull();
    expect(shownTotal(final, {})).toBeNull();
    expect(shownTotal(final, { total: 77.5 })).toBe(77.5);
  });
});

describe('scoringRefusal', () => {
  const zone = 'Asia/Shanghai';
  const window = { start: DateTime.fromISO('2025-09-12T00:00:00', { zone }), endExclusive: DateTime.fromISO('2025-09-17T00:00:00', { zone }) };
  const at = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();

  it('lets a judge score from the window’s first second to its last', () => {
    expect(scoringRefusal(final, 'open', window, at('2025-09-12T00:00:00'))).toBeUndefined();
    expect(scoringRefusal(final, 'open', window, at('2025-09-16T23:59:59'))).toBeUndefined();
  });

  it('refuses before and after the window, naming it', () => {
    const after = scoringRefusal(final, 'open', window, at('2025-09-17T00:00:00'));
    expect(after).toMatchObject({
      code: 'score.window_closed',
      status: 409,
      localised: {
        zh: '不在「决赛路演」的评审时间内：2025-09-12T00:00:00+08:00 至 2025-09-16T23:59:59+08:00',
        en: 'Outside the scoring window of "Final roadshow": 2025-09-12T00:00:00+08:00 to 2025-09-16T23:59:59+08:00',
      },
    });
    expect(scoringRefusal(final, 'open', window, at('2025-09-11T23:59:59'))?.code).toBe('score.window_closed');
  });

  it('refuses in a closed or published round even inside the window', () => {
    const inside = at('2025-09-13T10:00:00');
    expect(scoringRefusal(final, 'closed', window, inside)).toMatchObject({
      code: 'score.round_closed',
      localised: { en: '"Final roadshow" is closed: scores can no longer change' },
    });
    expect(scoringRefusal(final, 'published', window, inside)?.code).toBe('score.round_closed');
  });
});
