/**
 * The judge assignment problem, as plain data.
 *
 * An entry belongs to one or more groups (its division, track, topic: `division:小学组`, `track:AI`…)
 * and needs `judgesNeeded` judges (the round's count). A judge covers groups and may take at most
 * `cap` entries. A judge may be given an entry only when the judge covers one of its groups and has no
 * conflict with it. Affinity scores (integers 0–100, higher is a better match; a pair without one
 * scores 0) say how well a judge's expertise fits an entry.
 *
 * The objective, in strict order (each part counts only between solutions equal on the parts before):
 *   1. shortfall: the number of (entry, judge) places left empty, Σ_e (judgesNeeded_e − judges_e), is
 *      the least possible: no entry is left short that could be staffed by moving others;
 *   2. spread: Σ_e empty_e·(empty_e + 1)/2 is the least possible, so that the empty places fall on as
 *      many entries as they must and no entry is left with one judge where two could each have two;
 *   3. balance (when `balance` is on): Σ_j load_j·(load_j + 1)/2 is the least possible, i.e. the l-th
 *      entry of a judge costs l, rising with each extra entry; with every place filled this is
 *      Σ_j load_j² up to a constant, so loads are as even as coverage, conflicts and caps allow;
 *   4. affinity: Σ score(judge, entry) over the assigned pairs is the greatest possible.
 * Hard constraints, never broken: each entry gets at most judgesNeeded distinct judges, every one of
 * them covering it and not conflicted; no judge exceeds its cap.
 */
import { AppError, type Problem } from '../../platform/errors.ts';

export interface AssignmentEntry {
  id: string;
  groups: readonly string[];
  judgesNeeded: number;
}

export interface AssignmentJudge {
  id: string;
  covers: readonly string[];
  cap: number;
}

export interface JudgeEntryPair {
  judge: string;
  entry: string;
}

export interface AffinityScore extends JudgeEntryPair {
  score: number;
}

export interface AssignmentInstance {
  entries: readonly AssignmentEntry[];
  judges: readonly AssignmentJudge[];
  conflicts: readonly JudgeEntryPair[];
  affinity?: readonly AffinityScore[];
}

export const maxAffinityScore = 100;

/** The instance by index: what the solver and the checks read. */
export interface IndexedInstance {
  instance: AssignmentInstance;
  entryIndex: Map<string, number>;
  judgeIndex: Map<string, number>;
  /** Judges covering each group. */
  groupJudges: Map<string, number[]>;
  /** Each entry's conflicted judges. */
  conflictsOf: number[][];
  /** Each entry's scored judges and their scores. */
  scoresOf: { judge: number; score: number }[][];
  maxScore: number;
  /** Scratch for visiting each covering judge once: the visit number each judge was last seen in. */
  seen: { visit: number; judges: Int32Array };
}

const problem = (code: string, zh: string, en: string, path: string): Problem => ({ code, message: { zh, en }, path });

const isCount = (value: number) => Number.isInteger(value) && value >= 0;

function indexIds(items: readonly { id: string }[], what: 'entries' | 'judges', problems: Problem[]) {
  const index = new Map<string, number>();
  items.forEach(({ id }, i) => {
    if (index.has(id)) problems.push(problem('assignment.duplicate_id', `编号 ${id} 重复`, `${id} appears twice`, `${what}[${i}].id`));
    else index.set(id, i);
  });
  return index;
}

/** Checks the instance and indexes it; refuses it with every problem found at once. */
export function indexInstance(instance: AssignmentInstance): IndexedInstance {
  const problems: Problem[] = [];
  const entryIndex = indexIds(instance.entries, 'entries', problems);
  const judgeIndex = indexIds(instance.judges, 'judges', problems);
  instance.entries.forEach((entry, i) => {
    if (!isCount(entry.judgesNeeded) || entry.judgesNeeded === 0)
      problems.push(
        problem('assignment.invalid_count', '每件作品所需评委数须为正整数', 'judgesNeeded must be a positive integer', `entries[${i}].judgesNeeded`),
      );
  });
  const groupJudges = new Map<string, number[]>();
  instance.judges.forEach((judge, j) => {
    if (!isCount(judge.cap))
      problems.push(problem('assignment.invalid_cap', '评委上限须为非负整数', 'cap must be a whole number, 0 or more', `judges[${j}].cap`));
    for (const group of new Set(judge.covers)) {
      const judges = groupJudges.get(group) ?? [];
      judges.push(j);
      groupJudges.set(group, judges);
    }
  });
  const indexed: IndexedInstance = {
    instance,
    entryIndex,
    judgeIndex,
    groupJudges,
    conflictsOf: instance.entries.map(() => []),
    scoresOf: instance.entries.map(() => []),
    maxScore: 0,
    seen: { visit: 0, judges: new Int32Array(instance.judges.length) },
  };
  const pairOf = (pair: JudgeEntryPair, path: string) => {
    const entry = entryIndex.get(pair.entry);
    const judge = judgeIndex.get(pair.judge);
    if (entry !== undefined && judge !== undefined) return { entry, judge };
    problems.push(
      problem('assignment.unknown_pair', `未知的评委或作品：${pair.judge} / ${pair.entry}`, `Unknown judge or entry: ${pair.judge} / ${pair.entry}`, path),
    );
    return undefined;
  };
  instance.conflicts.forEach((pair, i) => {
    const found = pairOf(pair, `conflicts[${i}]`);
    if (found) indexed.conflictsOf[found.entry].push(found.judge);
  });
  const scored = new Set<number>();
  (instance.affinity ?? []).forEach((pair, i) => {
    const found = pairOf(pair, `affinity[${i}]`);
    if (!isCount(pair.score) || pair.score > maxAffinityScore)
      problems.push(
        problem('assignment.invalid_score', '匹配度须为 0–100 的整数', 'An affinity score is a whole number from 0 to 100', `affinity[${i}].score`),
      );
    else if (found && scored.has(found.entry * instance.judges.length + found.judge))
      problems.push(problem('assignment.duplicate_score', '同一评委与作品的匹配度重复', 'A judge and entry are scored twice', `affinity[${i}]`));
    else if (found) {
      scored.add(found.entry * instance.judges.length + found.judge);
      indexed.scoresOf[found.entry].push({ judge: found.judge, score: pair.score });
      indexed.maxScore = Math.max(indexed.maxScore, pair.score);
    }
  });
  if (problems.length > 0)
    throw new AppError('assignment.invalid_instance', { zh: '评审分配的输入有误', en: 'The assignment input is not valid' }, 400, problems);
  return indexed;
}

/** Calls visit once for each judge covering the entry (any of its groups), conflicted ones included. */
export function forEachCoveringJudge(indexed: IndexedInstance, entry: number, visit: (judge: number) => void) {
  const { seen } = indexed;
  const visitNumber = ++seen.visit;
  for (const group of indexed.instance.entries[entry].groups)
    for (const judge of indexed.groupJudges.get(group) ?? [])
      if (seen.judges[judge] !== visitNumber) {
        seen.judges[judge] = visitNumber;
        visit(judge);
      }
}

export function coveringJudges(indexed: IndexedInstance, entry: number): number[] {
  const judges: number[] = [];
  forEachCoveringJudge(indexed, entry, (judge) => judges.push(judge));
  return judges;
}

export const isConflicted = (indexed: IndexedInstance, entry: number, judge: number) => indexed.conflictsOf[entry].includes(judge);

export const affinityOf = (indexed: IndexedInstance, entry: number, judge: number) =>
  indexed.scoresOf[entry].find((scored) => scored.judge === judge)?.score ?? 0;
