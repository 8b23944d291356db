/**
 * The parts of the objective (model.ts states it) for a given assignment, and the judges' loads:
 * what a run reports, what a hand move changes, and what the tests compare with an LP solver's optimum.
 */
import { affinityOf, type IndexedInstance, type JudgeEntryPair } from './model.ts';

export interface ObjectiveParts {
  /** Places left empty: Σ_e (judgesNeeded_e − judges_e). Least first. */
  shortfall: number;
  /** Σ_e empty_e·(empty_e + 1)/2: empty places spread over entries. Least next. */
  spread: number;
  /** Σ_j load_j·(load_j + 1)/2. Least next (when balancing). */
  balance: number;
  /** Σ score over the assigned pairs. Greatest last. */
  affinity: number;
}

export interface Measured {
  objective: ObjectiveParts;
  /** Load of each judge, in the instance's order. */
  loads: number[];
}

export function measure(indexed: IndexedInstance, pairs: readonly JudgeEntryPair[]): Measured {
  const { entries, judges } = indexed.instance;
  const loads = judges.map(() => 0);
  const staffed = entries.map(() => 0);
  let affinity = 0;
  for (const pair of pairs) {
    const entry = indexed.entryIndex.get(pair.entry) ?? -1;
    const judge = indexed.judgeIndex.get(pair.judge) ?? -1;
    loads[judge]++;
    staffed[entry]++;
    affinity += affinityOf(indexed, entry, judge);
  }
  const empty = entries.map((entry, e) => Math.max(0, entry.judgesNeeded - staffed[e]));
  const shortfall = empty.reduce((sum, places) => sum + places, 0);
  const spread = empty.reduce((sum, places) => sum + (places * (places + 1)) / 2, 0);
  const balance = loads.reduce((sum, load) => sum + (load * (load + 1)) / 2, 0);
  return { objective: { shortfall, spread, balance, affinity }, loads };
}
