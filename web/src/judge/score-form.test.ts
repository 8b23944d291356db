import { describe, expect, it } from 'vitest';
import { fieldNames, formOf, formOfValues, liveTotal, missingFields, requestOf } from './score-form.ts';

const rubricRound = {
  rubric: [
    { id: 'innovation', name: '创新性', nameEn: null, weight: 60, min: 0, max: 100 },
    { id: 'writing', name: '文本表述', nameEn: null, weight: 40, min: 0, max: 100 },
  ],
  scale: null,
};
const totalRound = { rubric: [], scale: { min: 0, max: 10 } };

describe('the score form', () => {
  it('sends the criteria typed, leaving out empty and unreadable boxes', () => {
    const form = { criteria: { innovation: '7.5', writing: ' ' }, total: '', comment: '清晰' };
    expect(requestOf(rubricRound, form)).toEqual({ criteria: { innovation: 7.5 }, comment: '清晰' });
    expect(requestOf(rubricRound, { ...form, criteria: { innovation: 'abc', writing: '80' } })).toEqual({ criteria: { writing: 80 }, comment: '清晰' });
  });

  it('sends a total in a round without a rubric', () => {
    expect(requestOf(totalRound, { criteria: {}, total: '8.5', comment: '' })).toEqual({ total: 8.5, comment: '' });
    expect(requestOf(totalRound, { criteria: {}, total: '', comment: '' })).toEqual({ comment: '' });
  });

  it('shows the weighted total once every criterion has a value', () => {
    expect(liveTotal(rubricRound, { criteria: { innovation: '80' }, total: '', comment: '' })).toBeNull();
    expect(liveTotal(rubricRound, { criteria: { innovation: '80', writing: '55' }, total: '', comment: '' })).toBe(70);
    expect(liveTotal(totalRound, { criteria: {}, total: '9', comment: '' })).toBe(9);
    expect(liveTotal(totalRound, { criteria: {}, total: '12', comment: '' })).toBeNull();
  });

  it('names the fields still empty before a submission', () => {
    expect(missingFields(rubricRound, { criteria: { writing: '3' }, total: '', comment: '' })).toEqual(['criteria.innovation']);
    expect(missingFields(totalRound, { criteria: {}, total: '', comment: '' })).toEqual(['total']);
    expect(fieldNames(rubricRound)).toEqual(new Set(['total', 'comment', 'criteria.innovation', 'criteria.writing']));
  });

  it('fills from a saved score, and from values kept in the browser', () => {
    const score = {
      criteria: { innovation: 80 },
      total: null,
      comment: '好',
      status: 'draft' as const,
      savedAt: '2026-12-01T10:00:00.000Z',
      submittedAt: null,
    };
    expect(formOf(score)).toEqual({ criteria: { innovation: '80' }, total: '', comment: '好' });
    expect(formOf(null)).toEqual({ criteria: {}, total: '', comment: '' });
    expect(formOfValues({ total: 7, comment: 'x' })).toEqual({ criteria: {}, total: '7', comment: 'x' });
  });
});
