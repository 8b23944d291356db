/**
 * Solves an assignment (model.ts) to the optimum of its objective: one min-cost flow (flow.ts) per
 * connected part, the parts found from coverage (judges who cover no group an entry of another part
 * belongs to never compete for it), so a contest whose judges each cover one division solves each
 * division on its own. The run reports progress and stops at an aborted signal between steps, yielding
 * to the event loop between them so that a cancel can arrive. It only returns the assignment: storing
 * it, and undoing it, is the caller's.
 */
import { coveringJudges, indexInstance, isConflicted, type AssignmentInstance, type IndexedInstance, type JudgeEntryPair } from './model.ts';
import { measure, type ObjectiveParts } from './objective.ts';
import { PartSolver, partsOf } from './part.ts';

export interface SolveOptions {
  /** Balance the judges' loads (objective part 2); on unless false. */
  balance?: boolean;
  /**
   * How many of its cheapest pairs per place each entry starts with before pricing adds the rest that
   * could help (part.ts): a matter of speed only, the optimum is the same. 4 unless given.
   */
  startingPairsPerPlace?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { routed: number; total: number }) => void;
}

/** Why an entry has fewer judges than it needs, from the first cause that explains it. */
export type ShortfallReason =
  /** Fewer judges cover the entry than it needs. */
  | 'coverage'
  /** Enough cover it, but too many of them are conflicted. */
  | 'conflicts'
  /** Enough could judge it, but their caps are taken by other entries. */
  | 'caps';

export interface Shortfall {
  entry: string;
  needed: number;
  assigned: number;
  covering: number;
  conflicted: number;
  reason: ShortfallReason;
}

export interface AssignmentResult {
  /** Each entry's judges, entries in the instance's order. */
  pairs: JudgeEntryPair[];
  objective: ObjectiveParts;
  loads: { judge: string; load: number }[];
  shortfalls: Shortfall[];
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const turnMs = 25;

export async function solveAssignment(instance: AssignmentInstance, options: SolveOptions = {}): Promise<AssignmentResult> {
  const indexed = indexInstance(instance);
  const { signal, onProgress } = options;
  const solvers = partsOf(indexed).map((part) => new PartSolver(indexed, part, options.balance !== false, options.startingPairsPerPlace ?? 4));
  const total = solvers.reduce((sum, solver) => sum + solver.flow.totalUnits, 0);
  let routedBefore = 0;
  let turnStarted = performance.now();
  for (const solver of solvers) {
    signal?.throwIfAborted();
    while (solver.step()) {
      onProgress?.({ routed: routedBefore + solver.flow.routedUnits, total });
      if (performance.now() - turnStarted > turnMs) {
        await nextTurn();
        signal?.throwIfAborted();
        turnStarted = performance.now();
      }
    }
    routedBefore += solver.flow.totalUnits;
    onProgress?.({ routed: routedBefore, total });
  }
  return resultOf(indexed, solvers);
}

function resultOf(indexed: IndexedInstance, solvers: PartSolver[]): AssignmentResult {
  const { entries, judges } = indexed.instance;
  const judgesOf: number[][] = entries.map(() => []);
  for (const solver of solvers) solver.part.entries.forEach((e, local) => judgesOf[e].push(...solver.judgesOf(local).map((j) => solver.part.judges[j])));
  const pairs = judgesOf.flatMap((js, e) => js.map((j) => ({ entry: entries[e].id, judge: judges[j].id })));
  const { objective, loads } = measure(indexed, pairs);
  const shortfalls = entries.flatMap((entry, e): Shortfall[] => {
    if (judgesOf[e].length >= entry.judgesNeeded) return [];
    const covering = coveringJudges(indexed, e);
    const conflicted = covering.filter((j) => isConflicted(indexed, e, j)).length;
    const needed = entry.judgesNeeded;
    const reason = covering.length < needed ? 'coverage' : covering.length - conflicted < needed ? 'conflicts' : 'caps';
    return [{ entry: entry.id, needed, assigned: judgesOf[e].length, covering: covering.length, conflicted, reason }];
  });
  return { pairs, objective, loads: judges.map((judge, j) => ({ judge: judge.id, load: loads[j] })), shortfalls };
}
