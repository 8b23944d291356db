import { describe, expect, it } from 'vitest';
import { mayVoteIn, votesLeftLines } from './votes-left.ts';

describe('the votes a voter has left, in lines', () => {
  it('says nothing without a voter', () => {
    expect(votesLeftLines(null)).toEqual([]);
  });

  it('says today’s votes where the phase counts votes a day, and nothing of a total it does not have', () => {
    expect(votesLeftLines({ today: 7, total: null, entriesAtLimit: [] })).toEqual([{ key: 'vote.left.today', n: 7 }]);
  });

  it('says the total too, and the division being looked at', () => {
    expect(votesLeftLines({ today: null, total: 3, perDivision: { promo: 1, 'app-dev/campus': 0 }, entriesAtLimit: [] }, 'promo')).toEqual([
      { key: 'vote.left.total', n: 3 },
      { key: 'vote.left.division', n: 1 },
    ]);
  });

  it('says a limit is used up rather than 0', () => {
    expect(votesLeftLines({ today: 0, total: 0, perDivision: { promo: 0 }, entriesAtLimit: [] }, 'promo')).toEqual([
      { key: 'vote.left.noneToday' },
      { key: 'vote.left.noneTotal' },
      { key: 'vote.left.noneDivision' },
    ]);
  });
});

describe('whether one more vote for an entry is within the limits left', () => {
  const promo = { id: 'r1', division: 'promo' };

  it('is while every known limit has a vote left', () => {
    expect(mayVoteIn({ today: 1, total: null, perDivision: { promo: 1 }, entriesAtLimit: ['r2'] }, promo)).toBe(true);
    expect(mayVoteIn(null, promo)).toBe(true);
    expect(mayVoteIn({ today: 2, total: 5, entriesAtLimit: [] }, { id: 'r3', division: 'other' })).toBe(true);
  });

  it('is not once today’s, the total or the division’s votes are used up', () => {
    expect(mayVoteIn({ today: 0, total: 5, entriesAtLimit: [] }, promo)).toBe(false);
    expect(mayVoteIn({ today: null, total: 0, entriesAtLimit: [] }, promo)).toBe(false);
    expect(mayVoteIn({ today: 3, total: null, perDivision: { promo: 0, other: 1 }, entriesAtLimit: [] }, promo)).toBe(false);
    expect(mayVoteIn({ today: 3, total: null, perDivision: { promo: 0, other: 1 }, entriesAtLimit: [] }, { id: 'r3', division: 'other' })).toBe(true);
  });

  it('is not for an entry at its own limit (one vote a day for it, say), while others may still be voted for', () => {
    const left = { today: 9, total: null, entriesAtLimit: ['r1'] };
    expect([mayVoteIn(left, promo), mayVoteIn(left, { id: 'r2', division: 'promo' })]).toEqual([false, true]);
  });
});
