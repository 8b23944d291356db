/**
 * The solver reaches the optimum: on random small instances its objective equals the optimum HiGHS
 * finds for the same model written as a linear program from the instance alone (not from the
 * solver's network), its parts weighted so that the sum orders them as the objective does.
 */
import fc from 'fast-check';
import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { smallInstance } from '../../../test/support/assignment-instances.ts';
import type { AssignmentInstance } from './model.ts';
import { solveAssignment } from './solve.ts';

const highs = await loadHighs();

type Terms = [coefficient: number, variable: string][];

interface Lp {
  bounds: string[];
  rows: string[];
  shortfall: Terms;
  spread: Terms;
  balance: Terms;
  affinity: Terms;
}

/** x per covering, unconflicted pair; y_l per judge for its l-th entry (l ≤ cap); z_m per entry for its m-th empty place. */
function lpOf(instance: AssignmentInstance): Lp {
  const conflicted = new Set(instance.conflicts.map(({ entry, judge }) => `${entry}|${judge}`));
  const score = new Map((instance.affinity ?? []).map(({ entry, judge, score }) => [`${entry}|${judge}`, score]));
  const bounds: string[] = [];
  const judgeTerms = instance.judges.map(() => [] as string[]);
  const lp: Lp = { bounds, rows: [], shortfall: [], spread: [], balance: [], affinity: [] };
  instance.entries.forEach((entry, e) => {
    const terms: string[] = [];
    for (let m = 1; m <= entry.judgesNeeded; m++) {
      const z = `z${e}_${m}`;
      bounds.push(`0 <= ${z} <= 1`);
      terms.push(z);
      lp.shortfall.push([1, z]);
      lp.spread.push([m, z]);
    }
    instance.judges.forEach((judge, j) => {
      if (!judge.covers.some((group) => entry.groups.includes(group)) || conflicted.has(`${entry.id}|${judge.id}`)) return;
      const x = `x${e}_${j}`;
      bounds.push(`0 <= ${x} <= 1`);
      terms.push(x);
      judgeTerms[j].push(x);
      lp.affinity.push([score.get(`${entry.id}|${judge.id}`) ?? 0, x]);
    });
    lp.rows.push(`${terms.join(' + ')} = ${entry.judgesNeeded}`);
  });
  instance.judges.forEach((judge, j) => {
    const levels = Array.from({ length: judge.cap }, (_, l) => `y${j}_${l + 1}`);
    levels.forEach((y, l) => {
      bounds.push(`0 <= ${y} <= 1`);
      lp.balance.push([l + 1, y]);
    });
    if (judgeTerms[j].length > 0) lp.rows.push(`${judgeTerms[j].join(' + ')}${levels.map((y) => ` - ${y}`).join('')} = 0`);
  });
  return lp;
}

// Weights that make the sum lexicographic on these sizes (≤ 8 entries × 3 places, scores ≤ 5, ≤ 6
// judges with cap ≤ 5): affinity moves by at most 120 < balanceWeight; balance by at most
// 6 · 15 · 1,000 + 120 < spreadWeight; spread by at most 8 · 6 · 10^6 + 90,120 < shortfallWeight.
const balanceWeight = 1_000;
const spreadWeight = 1_000_000;
const shortfallWeight = 100_000_000;

const scaled = (terms: Terms, by: number): Terms => terms.map(([coefficient, variable]) => [coefficient * by, variable]);

/**
 * The LP relaxation's optimum of shortfall · M + spread · S + balance · W − affinity. It bounds every integer
 * assignment from below, so an assignment that reaches it is optimal.
 */
function lpOptimum(instance: AssignmentInstance, balanceOn: boolean): number {
  const lp = lpOf(instance);
  // One coefficient per variable: LP format does not add up a variable named twice.
  const objective = new Map<string, number>();
  const terms = [
    ...scaled(lp.shortfall, shortfallWeight),
    ...scaled(lp.spread, spreadWeight),
    ...(balanceOn ? scaled(lp.balance, balanceWeight) : []),
    ...scaled(lp.affinity, -1),
  ];
  for (const [coefficient, variable] of terms) objective.set(variable, (objective.get(variable) ?? 0) + coefficient);
  const text = [
    'Minimize',
    ` obj: ${[...objective].map(([variable, coefficient]) => `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient)} ${variable}`).join(' ')}`,
    'Subject To',
    ...lp.rows.map((row, i) => ` r${i}: ${row}`),
    'Bounds',
    ...lp.bounds.map((bound) => ` ${bound}`),
    'End',
  ].join('\n');
  const solution = highs.solve(text, { output_flag: false });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  return Math.round(solution.ObjectiveValue);
}

// One starting pair per place leaves most pairs out, so pricing (part.ts) has to find the ones that matter.
const instanceInMode = fc
  .record({ withAffinity: fc.boolean(), balance: fc.boolean(), startingPairsPerPlace: fc.constantFrom(1, 8) })
  .chain(({ withAffinity, ...options }) => smallInstance(8, 6, withAffinity).map((instance) => ({ instance, options })));

describe('solveAssignment against HiGHS', () => {
  it('reaches HiGHS’s optimum on 2,000 random instances of at most 8 entries × 6 judges, with and without affinity, balancing and pricing', async () => {
    await fc.assert(
      fc.asyncProperty(instanceInMode, async ({ instance, options }) => {
        const { balance } = options;
        const { objective } = await solveAssignment(instance, options);
        const weighted =
          objective.shortfall * shortfallWeight + objective.spread * spreadWeight + (balance ? objective.balance * balanceWeight : 0) - objective.affinity;
        expect(weighted).toBe(lpOptimum(instance, balance));
      }),
      { numRuns: 2000, seed: 9 },
    );
  }, 120_000);
});
