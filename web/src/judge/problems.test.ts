import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/index.ts';
import { expertiseOf, problemsOf } from './problems.ts';

describe('a judge’s expertise as typed', () => {
  it('splits at commas of either width, 顿号 and semicolons, trimming and dropping repeats', () => {
    expect(expertiseOf('人工智能、 金融科技，machine learning, 人工智能;；')).toEqual(['人工智能', '金融科技', 'machine learning']);
    expect(expertiseOf('  ')).toEqual([]);
  });
});

describe('a refusal placed on a form', () => {
  it('keeps the server’s problems, or shows the refusal itself', () => {
    const problem = { code: 'score.out_of_scale', message: { zh: '不在范围内', en: 'Outside' }, path: 'criteria.innovation' };
    expect(problemsOf(new ApiError(422, 'score.out_of_scale', problem.message, [problem]))).toEqual([problem]);
    expect(problemsOf(new ApiError(409, 'score.already_submitted', { zh: '已提交', en: 'Submitted' }))).toEqual([
      { code: 'score.already_submitted', message: { zh: '已提交', en: 'Submitted' } },
    ]);
    expect(problemsOf(new Error('boom'))[0].code).toBe('unexpected');
  });
});
