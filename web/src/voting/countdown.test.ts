import { describe, expect, it } from 'vitest';
import { secondsUntil } from './countdown.ts';

describe('the seconds until a time', () => {
  const sent = Date.parse('2026-09-12T02:00:00.000Z');
  const resendAfter = '2026-09-12T02:01:00.000Z';

  it('counts down whole seconds, a part of one counting as one', () => {
    expect([0, 1, 999, 1000, 59_001, 59_999].map((ms) => secondsUntil(resendAfter, sent + ms))).toEqual([60, 60, 60, 59, 1, 1]);
  });

  it('is 0 once the time has come and after', () => {
    expect([60_000, 61_000, 3_600_000].map((ms) => secondsUntil(resendAfter, sent + ms))).toEqual([0, 0, 0]);
  });
});
