import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { indexInstance, type AssignmentInstance } from './model.ts';
import { checkMove } from './move.ts';
import { solveAssignment } from './solve.ts';

const judge = (id: string, covers: string[], cap: number) => ({ id, covers, cap });
const entry = (id: string, groups: string[], judgesNeeded = 2) => ({ id, groups, judgesNeeded });

describe('solveAssignment', () => {
  it('balances loads first, then gives each entry the judges who fit it best', async () => {
    // Two entries, two places each, three judges of cap 2: loads 2/1/1 at best. a1 fits both entries
    // best, yet balance keeps it at 2; then the better second judge of each entry is chosen.
    const instance: AssignmentInstance = {
      entries: [entry('e1', ['division:A']), entry('e2', ['division:A'])],
      judges: [judge('a1', ['division:A'], 2), judge('a2', ['division:A'], 2), judge('a3', ['division:A'], 2)],
      conflicts: [],
      affinity: [
        { judge: 'a1', entry: 'e1', score: 90 },
        { judge: 'a1', entry: 'e2', score: 90 },
        { judge: 'a2', entry: 'e1', score: 60 },
        { judge: 'a3', entry: 'e2', score: 40 },
      ],
    };
    const result = await solveAssignment(instance);
    expect(result.pairs).toEqual([
      { entry: 'e1', judge: 'a1' },
      { entry: 'e1', judge: 'a2' },
      { entry: 'e2', judge: 'a1' },
      { entry: 'e2', judge: 'a3' },
    ]);
    expect(result.objective).toEqual({ shortfall: 0, spread: 0, balance: 3 + 1 + 1, affinity: 90 + 60 + 90 + 40 });

    const unbalanced = await solveAssignment({ ...instance, judges: instance.judges.map((j) => ({ ...j, cap: 3 })) }, { balance: false });
    expect(unbalanced.objective.affinity).toBe(90 + 60 + 90 + 40);
  });

  it('says which entries cannot be fully staffed and why: too few cover it, conflicts, caps', async () => {
    const result = await solveAssignment({
      entries: [entry('lonely', ['track:Rare']), entry('conflicted', ['division:B']), entry('crowded1', ['division:C']), entry('crowded2', ['division:C'])],
      judges: [
        judge('r', ['track:Rare'], 5),
        judge('b1', ['division:B'], 5),
        judge('b2', ['division:B'], 5),
        judge('c1', ['division:C'], 1),
        judge('c2', ['division:C'], 2),
      ],
      conflicts: [{ judge: 'b2', entry: 'conflicted' }],
    });
    expect(result.shortfalls).toEqual([
      { entry: 'lonely', needed: 2, assigned: 1, covering: 1, conflicted: 0, reason: 'coverage' },
      { entry: 'conflicted', needed: 2, assigned: 1, covering: 2, conflicted: 1, reason: 'conflicts' },
      { entry: expect.stringMatching(/^crowded/), needed: 2, assigned: 1, covering: 2, conflicted: 0, reason: 'caps' },
    ]);
    expect(result.objective.shortfall).toBe(3);
  });

  it('spreads the places it cannot fill over the entries rather than leaving one entry with a single judge', async () => {
    // Four judges of cap 1 for two entries of three places: two places stay empty whatever is done; the
    // best-fitting pairs would leave both on e2, spreading leaves one on each.
    const result = await solveAssignment({
      entries: [entry('e1', ['division:A'], 3), entry('e2', ['division:A'], 3)],
      judges: [judge('j1', ['division:A'], 1), judge('j2', ['division:A'], 1), judge('j3', ['division:A'], 1), judge('j4', ['division:A'], 1)],
      conflicts: [],
      affinity: ['j1', 'j2', 'j3'].map((j) => ({ judge: j, entry: 'e1', score: 100 })),
    });
    expect(result.objective).toMatchObject({ shortfall: 2, spread: 2 });
    expect(result.shortfalls.map(({ assigned }) => assigned)).toEqual([2, 2]);
  });

  it('reports progress up to every place, and stops when cancelled', async () => {
    const instance: AssignmentInstance = {
      entries: Array.from({ length: 40 }, (_, e) => entry(`e${e}`, [`division:${e % 2}`], 3)),
      judges: Array.from({ length: 12 }, (_, j) => judge(`j${j}`, [`division:${j % 2}`], 12)),
      conflicts: [],
    };
    const progress: number[] = [];
    await solveAssignment(instance, { onProgress: ({ routed, total }) => progress.push(routed / total) });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const cancel = new AbortController();
    const cancelled = solveAssignment(instance, { signal: cancel.signal, onProgress: () => cancel.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('solves a contest whose judges have no practical cap, affinity scored, exactly (once refused as too large)', async () => {
    const result = await solveAssignment({
      entries: Array.from({ length: 2000 }, (_, e) => entry(`e${e}`, ['division:A'], 3)),
      judges: Array.from({ length: 200 }, (_, j) => judge(`j${j}`, ['division:A'], 1_000_000)),
      conflicts: [],
      affinity: Array.from({ length: 2000 }, (_, e) => ({ entry: `e${e}`, judge: `j${e % 200}`, score: 100 })),
    });
    expect(result.objective).toEqual({ shortfall: 0, spread: 0, balance: 200 * ((30 * 31) / 2), affinity: 2000 * 100 });
  });

  it('refuses an instance with every problem in it', async () => {
    const refused = solveAssignment({
      entries: [entry('e1', ['division:A'], 0), entry('e1', ['division:A'])],
      judges: [judge('j1', ['division:A'], -1)],
      conflicts: [{ judge: 'nobody', entry: 'e1' }],
      affinity: [{ judge: 'j1', entry: 'e1', score: 101 }],
    });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      code: 'assignment.invalid_instance',
      problems: [
        { code: 'assignment.duplicate_id', path: 'entries[1].id' },
        { code: 'assignment.invalid_count', path: 'entries[0].judgesNeeded' },
        { code: 'assignment.invalid_cap', path: 'judges[0].cap' },
        { code: 'assignment.unknown_pair', path: 'conflicts[0]' },
        { code: 'assignment.invalid_score', path: 'affinity[0].score' },
      ],
    });
  });
});

describe('checkMove', () => {
  const instance: AssignmentInstance = {
    entries: [entry('e1', ['division:A'], 1), entry('e2', ['division:A'], 1)],
    judges: [judge('j1', ['division:A'], 1), judge('j2', ['division:A'], 1), judge('j3', ['division:B'], 1), judge('j4', ['division:A'], 2)],
    conflicts: [{ judge: 'j4', entry: 'e1' }],
  };
  const pairs = [
    { entry: 'e1', judge: 'j1' },
    { entry: 'e2', judge: 'j2' },
  ];
  const refusal = (move: Parameters<typeof checkMove>[2]) => {
    try {
      checkMove(indexInstance(instance), pairs, move);
      return undefined;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, status: error.status, problems: error.problems.map(({ code }) => code) };
    }
  };

  it('allows a move that keeps coverage, conflicts and caps', () => {
    expect(refusal({ entry: 'e2', from: 'j2', to: 'j4' })).toBeUndefined();
  });

  it('refuses a move to a conflicted, uncovering or full judge, or of a judge the entry does not have, with each reason', () => {
    expect(refusal({ entry: 'e1', from: 'j1', to: 'j4' })).toEqual({ code: 'assignment.move_refused', status: 409, problems: ['assignment.conflict'] });
    expect(refusal({ entry: 'e1', from: 'j1', to: 'j3' })?.problems).toEqual(['assignment.not_covering']);
    expect(refusal({ entry: 'e1', from: 'j1', to: 'j2' })?.problems).toEqual(['assignment.over_cap']);
    expect(refusal({ entry: 'e1', from: 'j2', to: 'j1' })?.problems).toEqual(['assignment.not_assigned', 'assignment.already_assigned', 'assignment.over_cap']);
    expect(refusal({ entry: 'e1', to: 'j4' })?.problems).toEqual(['assignment.entry_full', 'assignment.conflict']);
    expect(refusal({ entry: 'e9', to: 'j9' })?.problems).toEqual(['assignment.unknown_entry', 'assignment.unknown_judge']);
  });
});
