import { describe, expect, it } from 'vitest';
import { attemptFor, keepsAttempt } from './attempt.ts';

const keys =
  (...made: string[]) =>
  () =>
    made.shift()!;

describe('a vote attempt', () => {
  it('is new for an entry with nothing pending', () => {
    expect(attemptFor(null, 'e1', keys('k1'))).toEqual({ entryId: 'e1', key: 'k1' });
  });

  it('is the pending one, key and solved challenge, when the same entry is tried again', () => {
    const pending = { entryId: 'e1', key: 'k1', challenge: 'c1' };
    expect(attemptFor(pending, 'e1', keys('k2'))).toBe(pending);
  });

  it('is new for another entry, whatever is pending', () => {
    expect(attemptFor({ entryId: 'e1', key: 'k1', challenge: 'c1' }, 'e2', keys('k2'))).toEqual({ entryId: 'e2', key: 'k2' });
  });
});

describe('an attempt after a failed request', () => {
  it('stays pending when no answer came or the server failed, and ends on a refusal', () => {
    expect([0, 500, 502, 503, 400, 409, 422, 429].map(keepsAttempt)).toEqual([true, true, true, true, false, false, false, false]);
  });
});
