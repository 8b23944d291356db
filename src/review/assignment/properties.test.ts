/**
 * What every assignment keeps, in every mode (with and without affinity, balancing, pricing): no
 * conflicted, uncovering or repeated judge, no judge over its cap, no entry over its count; an entry
 * left short says why, truthfully; an instance built to be feasible is fully staffed; and a hand move
 * is allowed exactly when the assignment it makes keeps all of this.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallInstance } from '../../../test/support/assignment-instances.ts';
import { coveringJudges, indexInstance, isConflicted, type AssignmentInstance, type JudgeEntryPair } from './model.ts';
import { moveProblems } from './move.ts';
import { solveAssignment } from './solve.ts';

function brokenRules(instance: AssignmentInstance, pairs: readonly JudgeEntryPair[]): string[] {
  const broken: string[] = [];
  const conflicts = new Set(instance.conflicts.map(({ entry, judge }) => `${entry}|${judge}`));
  const seen = new Set<string>();
  for (const { entry, judge } of pairs) {
    const groups = instance.entries.find(({ id }) => id === entry)!.groups;
    if (!instance.judges.find(({ id }) => id === judge)!.covers.some((group) => groups.includes(group))) broken.push(`${judge} does not cover ${entry}`);
    if (conflicts.has(`${entry}|${judge}`)) broken.push(`${judge} is conflicted with ${entry}`);
    if (seen.has(`${entry}|${judge}`)) broken.push(`${judge} judges ${entry} twice`);
    seen.add(`${entry}|${judge}`);
  }
  for (const judge of instance.judges) if (pairs.filter((pair) => pair.judge === judge.id).length > judge.cap) broken.push(`${judge.id} is over its cap`);
  for (const entry of instance.entries)
    if (pairs.filter((pair) => pair.entry === entry.id).length > entry.judgesNeeded) broken.push(`${entry.id} has too many judges`);
  return broken;
}

const modes = fc.record({ withAffinity: fc.boolean(), balance: fc.boolean(), startingPairsPerPlace: fc.constantFrom(1, 4) });
const instanceInMode = modes.chain(({ withAffinity, ...options }) => smallInstance(8, 6, withAffinity).map((instance) => ({ instance, options })));

/** Judges who cover a random entry's group, with caps that fit a planted full assignment, and no conflict inside it. */
const feasibleInstance = modes.chain(({ withAffinity, ...options }) =>
  smallInstance(8, 6, withAffinity).chain((instance) =>
    fc.array(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), { minLength: instance.entries.length, maxLength: instance.entries.length }).map((picks) => {
      const judgeCount = Math.max(3, instance.judges.length);
      const judges = Array.from({ length: judgeCount }, (_, j) => ({ id: `j${j}`, covers: [] as string[], cap: 0 }));
      const planted = new Set<string>();
      instance.entries.forEach((entry, e) => {
        const chosen = new Set<number>();
        for (const pick of picks[e]) {
          let j = pick % judgeCount;
          while (chosen.has(j)) j = (j + 1) % judgeCount;
          chosen.add(j);
          if (chosen.size > entry.judgesNeeded) break;
          if (!judges[j].covers.includes(entry.groups[0])) judges[j].covers.push(entry.groups[0]);
          judges[j].cap++;
          planted.add(`${entry.id}|j${j}`);
        }
      });
      const conflicts = instance.conflicts.filter(({ entry, judge }) => !planted.has(`${entry}|${judge}`) && judges.some(({ id }) => id === judge));
      const affinity = instance.affinity?.filter(({ judge }) => judges.some(({ id }) => id === judge));
      return { instance: { ...instance, judges, conflicts, ...(affinity ? { affinity } : {}) }, options };
    }),
  ),
);

describe('solveAssignment, every mode', () => {
  it('never breaks a conflict, coverage or cap on 1,000 random instances, and says truthfully why an entry is short', async () => {
    await fc.assert(
      fc.asyncProperty(instanceInMode, async ({ instance, options }) => {
        const result = await solveAssignment(instance, options);
        expect(brokenRules(instance, result.pairs)).toEqual([]);
        const indexed = indexInstance(instance);
        const loads = new Map(result.loads.map(({ judge, load }) => [judge, load]));
        instance.entries.forEach((entry, e) => {
          const judges = result.pairs.filter((pair) => pair.entry === entry.id).map((pair) => pair.judge);
          const shortfall = result.shortfalls.find((short) => short.entry === entry.id);
          expect(shortfall?.assigned ?? entry.judgesNeeded).toBe(judges.length);
          if (!shortfall) return;
          const covering = coveringJudges(indexed, e);
          const eligible = covering.filter((j) => !isConflicted(indexed, e, j));
          expect(shortfall.covering).toBe(covering.length);
          expect(shortfall.covering - shortfall.conflicted).toBe(eligible.length);
          if (shortfall.reason === 'coverage') expect(covering.length).toBeLessThan(entry.judgesNeeded);
          if (shortfall.reason === 'conflicts') expect(eligible.length).toBeLessThan(entry.judgesNeeded);
          // Short for caps: every judge who could take it and does not is full, or it would have been given one.
          if (shortfall.reason === 'caps')
            for (const j of eligible) {
              const judge = instance.judges[j];
              if (!judges.includes(judge.id)) expect(loads.get(judge.id)).toBe(judge.cap);
            }
        });
        expect(result.objective.shortfall).toBe(result.shortfalls.reduce((sum, short) => sum + short.needed - short.assigned, 0));
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('staffs every entry fully on 1,000 instances built with a full assignment in them', async () => {
    await fc.assert(
      fc.asyncProperty(feasibleInstance, async ({ instance, options }) => {
        const result = await solveAssignment(instance, options);
        expect(result.shortfalls).toEqual([]);
        expect(result.pairs).toHaveLength(instance.entries.reduce((sum, entry) => sum + entry.judgesNeeded, 0));
        expect(brokenRules(instance, result.pairs)).toEqual([]);
      }),
      { numRuns: 1000, seed: 4 },
    );
  });

  it('allows a hand move exactly when the assignment it makes keeps every rule, on 1,000 random moves', async () => {
    const withMove = instanceInMode.chain(({ instance, options }) =>
      fc.record({
        instance: fc.constant(instance),
        options: fc.constant(options),
        entry: fc.nat(instance.entries.length - 1),
        from: fc.option(fc.nat(2), { nil: undefined }),
        to: fc.nat(instance.judges.length - 1),
      }),
    );
    await fc.assert(
      fc.asyncProperty(withMove, async ({ instance, options, entry, from, to }) => {
        const { pairs } = await solveAssignment(instance, options);
        const entryId = instance.entries[entry].id;
        const current = pairs.filter((pair) => pair.entry === entryId);
        const move = { entry: entryId, from: from === undefined ? undefined : current[from]?.judge, to: instance.judges[to].id };
        if (from !== undefined && move.from === undefined) return;
        const after = [...pairs.filter((pair) => pair.entry !== entryId || pair.judge !== move.from), { entry: entryId, judge: move.to }];
        const full = move.from === undefined && current.length >= instance.entries[entry].judgesNeeded;
        const problems = moveProblems(indexInstance(instance), pairs, move);
        // A move to the judge it comes from changes nothing and is refused as one to a judge already there.
        expect(problems.length === 0).toBe(brokenRules(instance, after).length === 0 && !full && move.from !== move.to);
      }),
      { numRuns: 1000, seed: 5 },
    );
  });
});
