import { describe, expect, it } from 'vitest';
import type { AssignedEntry } from '../api/judging.ts';
import { entriesToShow, entryStatus, neighbours, statusCounts, statusTone } from './status.ts';

const entry = (id: string, score: AssignedEntry['score']): AssignedEntry => ({ id, ref: id.toUpperCase(), title: id, division: 'd', divisionName: 'D', score });
const submitted = { status: 'submitted' as const, total: 80 };
const draft = { status: 'draft' as const, total: null };

const list = [entry('a', submitted), entry('b', null), entry('c', draft), entry('d', null), entry('e', submitted)];

describe('the status chip of an assigned entry', () => {
  it('reads 未评 without a score, else the score’s own status', () => {
    expect([null, draft, submitted].map(entryStatus)).toEqual(['none', 'draft', 'submitted']);
    expect(statusTone).toEqual({ none: 'warn', draft: 'info', submitted: 'open' });
  });

  it('lists unscored entries first, then drafts, then submitted, keeping the server’s order within each', () => {
    expect(entriesToShow(list, 'all').map((e) => e.id)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  it('filters to one status', () => {
    expect(entriesToShow(list, 'none').map((e) => e.id)).toEqual(['b', 'd']);
    expect(entriesToShow(list, 'submitted').map((e) => e.id)).toEqual(['a', 'e']);
  });

  it('counts each status for the filter’s buttons', () => {
    expect(statusCounts(list)).toEqual({ all: 5, none: 2, draft: 1, submitted: 2 });
  });

  it('finds the previous and next entry in the server’s order', () => {
    expect(neighbours(list, 'a')).toEqual({ previous: null, next: 'b' });
    expect(neighbours(list, 'c')).toEqual({ previous: 'b', next: 'd' });
    expect(neighbours(list, 'e')).toEqual({ previous: 'd', next: null });
    expect(neighbours(list, 'x')).toEqual({ previous: null, next: null });
  });
});
