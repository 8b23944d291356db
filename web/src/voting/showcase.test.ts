import { describe, expect, it } from 'vitest';
import { currentDivision } from './showcase.ts';

describe('the division tab shown', () => {
  const divisions = [{ id: 'promo' }, { id: 'app-dev/campus' }, { id: 'app-dev/public' }];

  it('is the one the address names', () => {
    expect(currentDivision(divisions, 'app-dev/campus')).toBe('app-dev/campus');
  });

  it('is the first when the address names none, or one the showcase does not have', () => {
    expect(currentDivision(divisions, undefined)).toBe('promo');
    expect(currentDivision(divisions, 'no-such')).toBe('promo');
  });

  it('is none for a showcase without divisions', () => {
    expect(currentDivision([], 'promo')).toBeUndefined();
  });
});
