import { describe, expect, it } from 'vitest';
import { askedOf, votingPath } from './view.ts';

const phases = [{ id: 'public-vote' }, { id: 'ambassadors' }];

describe('the voting page’s view from its address', () => {
  it('is the first phase by the hour, unfiltered, when the address says nothing', () => {
    expect(askedOf(new URLSearchParams(''), phases)).toEqual({ phase: 'public-vote', reason: undefined, entry: undefined, bucket: 'hour' });
  });

  it('is the phase, filter and period the address names', () => {
    expect(askedOf(new URLSearchParams('phase=ambassadors&reason=burst&entry=r1&bucket=minute'), phases)).toEqual({
      phase: 'ambassadors',
      reason: 'burst',
      entry: 'r1',
      bucket: 'minute',
    });
  });

  it('is by the hour when the minute is asked for without an entry', () => {
    expect(askedOf(new URLSearchParams('bucket=minute'), phases)?.bucket).toBe('hour');
  });

  it('falls back to the first phase for one the contest does not vote in, and is nothing without phases', () => {
    expect(askedOf(new URLSearchParams('phase=final&bucket=day'), phases)?.phase).toBe('public-vote');
    expect(askedOf(new URLSearchParams('phase=final&bucket=day'), phases)?.bucket).toBe('hour');
    expect(askedOf(new URLSearchParams(''), [])).toBeUndefined();
  });
});

describe('the voting page’s address', () => {
  it('names what differs from the defaults', () => {
    expect(votingPath('c 1', {})).toBe('/organiser/contests/c%201/voting');
    expect(votingPath('c1', { phase: 'public-vote', bucket: 'hour' })).toBe('/organiser/contests/c1/voting?phase=public-vote');
    expect(votingPath('c1', { phase: 'public-vote', reason: 'shared-subnet', entry: 'r/1', bucket: 'minute' })).toBe(
      '/organiser/contests/c1/voting?phase=public-vote&reason=shared-subnet&entry=r%2F1&bucket=minute',
    );
  });
});
