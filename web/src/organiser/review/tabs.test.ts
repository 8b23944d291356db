import { describe, expect, it } from 'vitest';
import { percentOf, tabOf, tabSearch, waitingJudges } from './tabs.ts';

describe('the review board’s tabs', () => {
  const rounds = ['preliminary', 'final'];

  it('reads a round, the conflicts or (by default) the judges from the address', () => {
    expect(tabOf(new URLSearchParams('round=final'), rounds)).toEqual({ kind: 'round', roundId: 'final' });
    expect(tabOf(new URLSearchParams('tab=conflicts'), rounds)).toEqual({ kind: 'conflicts' });
    expect(tabOf(new URLSearchParams(''), rounds)).toEqual({ kind: 'judges' });
  });

  it('falls back to the judges for a round the contest does not have', () => {
    expect(tabOf(new URLSearchParams('round=semifinal&tab=conflicts'), rounds)).toEqual({ kind: 'conflicts' });
    expect(tabOf(new URLSearchParams('round=semifinal'), rounds)).toEqual({ kind: 'judges' });
  });

  it('writes each tab’s address back, so that reading it gives the same tab', () => {
    for (const tab of [{ kind: 'judges' }, { kind: 'conflicts' }, { kind: 'round', roundId: 'final' }] as const) {
      expect(tabOf(new URLSearchParams(tabSearch(tab)), rounds)).toEqual(tab);
    }
  });
});

describe('a run’s progress and the reminders', () => {
  it('gives whole percent of the places routed, 0 before the total is known', () => {
    expect([percentOf(0, 0), percentOf(1, 3), percentOf(30_000, 30_000), percentOf(2, 3)]).toEqual([0, 33, 100, 66]);
  });

  it('reminds the judges who have an assigned entry not yet submitted', () => {
    const judges = [
      { id: 'a', assigned: 5, submitted: 5 },
      { id: 'b', assigned: 5, submitted: 2 },
      { id: 'c', assigned: 0, submitted: 0 },
    ];
    expect(waitingJudges(judges).map((j) => j.id)).toEqual(['b']);
  });
});
