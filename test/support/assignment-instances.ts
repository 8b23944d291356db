/**
 * Assignment instances for the solver's tests and benchmark: small random ones as a fast-check
 * arbitrary (shrunk to the smallest failing one), and a contest-sized one from a seed.
 */
import fc from 'fast-check';
import type { AssignmentInstance } from '../../src/review/assignment/model.ts';
import { seededRandom } from './test-images.ts';

const groupNames = ['division:A', 'division:B', 'track:C'];

/** Up to maxEntries entries and maxJudges judges over three groups, with conflicts and, when asked, affinity. */
export function smallInstance(maxEntries: number, maxJudges: number, withAffinity: boolean): fc.Arbitrary<AssignmentInstance> {
  const groups = fc.uniqueArray(fc.constantFrom(...groupNames), { minLength: 1, maxLength: 2 });
  return fc
    .record({
      entries: fc.array(fc.record({ groups, judgesNeeded: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: maxEntries }),
      judges: fc.array(fc.record({ covers: groups, cap: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: maxJudges }),
      pairSeed: fc.integer(),
      conflictRate: fc.constantFrom(0, 0.1, 0.3),
    })
    .map(({ entries, judges, pairSeed, conflictRate }) => {
      const random = seededRandom(pairSeed);
      const conflicts = [];
      const affinity = [];
      for (let e = 0; e < entries.length; e++)
        for (let j = 0; j < judges.length; j++) {
          if (random() < conflictRate) conflicts.push({ entry: `e${e}`, judge: `j${j}` });
          if (withAffinity && random() < 0.6) affinity.push({ entry: `e${e}`, judge: `j${j}`, score: Math.floor(random() * 6) });
        }
      return {
        entries: entries.map((entry, e) => ({ id: `e${e}`, ...entry })),
        judges: judges.map((judge, j) => ({ id: `j${j}`, ...judge })),
        conflicts,
        ...(withAffinity ? { affinity } : {}),
      };
    });
}

export interface ContestShape {
  entries: number;
  judges: number;
  perEntry: number;
  divisions: number;
  cap: number;
  conflicts: number;
  /** Judges of its division with an affinity score, per entry. */
  scoredPerEntry: number;
}

/**
 * Entries spread over divisions, each judge covering one division, conflicts drawn among the pairs of a
 * division (distinct), and each entry scored 1–100 by a few judges of its division (a topic match).
 */
export function contestInstance(shape: ContestShape, seed: number): AssignmentInstance {
  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const division = (i: number) => `division:${i % shape.divisions}`;
  const judgesOf: number[][] = Array.from({ length: shape.divisions }, () => []);
  for (let j = 0; j < shape.judges; j++) judgesOf[j % shape.divisions].push(j);
  const randomJudgeOf = (e: number) => {
    const judges = judgesOf[e % shape.divisions];
    return judges[below(judges.length)];
  };
  const conflicted = new Set<number>();
  while (conflicted.size < shape.conflicts) {
    const e = below(shape.entries);
    conflicted.add(e * shape.judges + randomJudgeOf(e));
  }
  const affinity = [];
  for (let e = 0; e < shape.entries; e++) {
    const scored = new Set<number>();
    for (let n = 0; n < shape.scoredPerEntry; n++) scored.add(randomJudgeOf(e));
    for (const j of scored) affinity.push({ entry: `e${e}`, judge: `j${j}`, score: 1 + below(100) });
  }
  return {
    entries: Array.from({ length: shape.entries }, (_, e) => ({ id: `e${e}`, groups: [division(e)], judgesNeeded: shape.perEntry })),
    judges: Array.from({ length: shape.judges }, (_, j) => ({ id: `j${j}`, covers: [division(j)], cap: shape.cap })),
    conflicts: [...conflicted].map((key) => ({ entry: `e${Math.floor(key / shape.judges)}`, judge: `j${key % shape.judges}` })),
    affinity,
  };
}
