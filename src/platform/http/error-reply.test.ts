import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { handleError, rateLimited, requestInvalid } from './error-reply.ts';

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

describe('a write that raced another request', () => {
  const replyTo = async (error: Error & { code?: string }) => {
    const app = Fastify({ logger: false });
    app.setErrorHandler(handleError);
    app.get('/', async () => {
      throw error;
    });
    const reply = await app.inject({ method: 'GET', url: '/' });
    await app.close();
    return [reply.statusCode, reply.json().error.code];
  };

  it('is a 409 request.conflict for a unique or foreign key violation, a deadlock or a serialisation failure, never a 500', async () => {
    for (const code of ['23505', '23503', '40001', '40P01']) {
      expect(await replyTo(Object.assign(new Error('duplicate key value violates unique constraint "contests_pkey"'), { code }))).toEqual([
        409,
        'request.conflict',
      ]);
    }
  });

  it('leaves any other database error a 500 internal, its message unsaid', async () => {
    expect(await replyTo(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toEqual([500, 'internal']);
  });
});
