import { describe, expect, it } from 'vitest';
import { rateLimited, requestInvalid } from './error-reply.ts';

describe('the rate limit refusal', () => {
  it('gives the wait in seconds in Chinese throughout, and in English', () => {
    const refusal = rateLimited(55_200);
    expect([refusal.status, refusal.code, refusal.localised]).toEqual([
      429,
      'request.rate_limited',
      { zh: '请求过于频繁，请 56 秒后再试', en: 'Too many attempts; try again in 56 seconds' },
    ]);
  });

  it('says "1 second", never "0 seconds", for the last moments of a window', () => {
    expect(rateLimited(1_000).localised.en).toBe('Too many attempts; try again in 1 second');
    expect(rateLimited(0).localised).toEqual({ zh: '请求过于频繁，请 1 秒后再试', en: 'Too many attempts; try again in 1 second' });
  });
});

describe('the request.invalid reply', () => {
  it('counts several problems, one problem in the singular', () => {
    const problem = { code: 'too_small', message: { zh: '请填写作品名称', en: 'Enter the title' }, path: 'title' };
    expect(requestInvalid([problem, problem]).error.message).toEqual({ zh: '请求有 2 处不符合要求', en: 'The request has 2 problems' });
    expect(requestInvalid([problem]).error.message).toEqual(problem.message);
  });
});
