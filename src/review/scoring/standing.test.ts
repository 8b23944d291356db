import { describe, expect, it } from 'vitest';
import { judgeStandings, standsApartThreshold } from './standing.ts';

const hundred = { min: 0, max: 100 };

describe('judgeStandings', () => {
  it('measures each judge against the mean of the others on the same entries', () => {
    // e1: a 80, b 70, c 60 · e2: a 90, b 70 · e3: a 50 alone
    const totals = [
      { judge: 'a', entry: 'e1', total: 80 },
      { judge: 'b', entry: 'e1', total: 70 },
      { judge: 'c', entry: 'e1', total: 60 },
      { judge: 'a', entry: 'e2', total: 90 },
      { judge: 'b', entry: 'e2', total: 70 },
      { judge: 'a', entry: 'e3', total: 50 },
    ];
    expect(judgeStandings(['a', 'b', 'c', 'd'], totals, hundred)).toEqual([
      // e1: 80 − 65 = 15, e2: 90 − 70 = 20; e3 has no other judge
      { judge: 'a', mean: 73.33, deviation: 17.5, compared: 2, standsApart: false },
      // e1: 70 − 70 = 0, e2: 70 − 90 = −20
      { judge: 'b', mean: 70, deviation: -10, compared: 2, standsApart: false },
      // e1: 60 − 75
      { judge: 'c', mean: 60, deviation: -15, compared: 1, standsApart: false },
      { judge: 'd', mean: null, deviation: null, compared: 0, standsApart: false },
    ]);
  });

  it('flags a judge more than a tenth of the scale away over three shared entries, and not one exactly at it', () => {
    const entries = ['e1', 'e2', 'e3'];
    const totals = (lenient: number) =>
      entries.flatMap((entry) => [
        { judge: 'x', entry, total: 70 },
        { judge: 'y', entry, total: 70 },
        { judge: 'lenient', entry, total: lenient },
      ]);
    expect(judgeStandings(['lenient'], totals(80.1), hundred)[0]).toMatchObject({ deviation: 10.1, compared: 3, standsApart: true });
    expect(judgeStandings(['lenient'], totals(80), hundred)[0]).toMatchObject({ deviation: 10, standsApart: false });
    expect(judgeStandings(['lenient'], totals(55), hundred)[0]).toMatchObject({ deviation: -15, standsApart: true });
  });

  it('takes 003’s 1–10 scale: 0.9 is the threshold', () => {
    expect(standsApartThreshold({ min: 1, max: 10 })).toBe(0.9);
    const totals = ['e1', 'e2', 'e3'].flatMap((entry) => [
      { judge: 'x', entry, total: 6 },
      { judge: 'strict', entry, total: 5 },
    ]);
    expect(judgeStandings(['strict', 'x'], totals, { min: 1, max: 10 }).map((s) => [s.deviation, s.standsApart])).toEqual([
      [-1, true],
      [1, true],
    ]);
  });
});
