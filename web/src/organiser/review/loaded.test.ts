import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/index.ts';
import { settle } from './loaded.ts';

describe('a part of the board loaded on its own', () => {
  it('gives the value, or the server’s refusal with its code', async () => {
    const waiting = new ApiError(409, 'assignment.waiting', { zh: '等待上一轮公布', en: 'Waiting for the round before' });
    expect(await settle(Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    expect(await settle(Promise.reject(waiting))).toEqual({ ok: false, code: 'assignment.waiting', error: waiting.messages });
    expect(await settle(Promise.reject(new TypeError('x')))).toMatchObject({ ok: false, code: 'unexpected' });
  });

  it('still fails the page when the session is gone or the page is left', async () => {
    const signedOut = new ApiError(401, 'auth.required', { zh: '请登录', en: 'Sign in' });
    await expect(settle(Promise.reject(signedOut))).rejects.toBe(signedOut);
    const aborted = Object.assign(new Error('aborted'), { name: 'AbortError' });
    await expect(settle(Promise.reject(aborted))).rejects.toBe(aborted);
  });
});
