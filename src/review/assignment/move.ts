/**
 * An organiser's hand move of one entry: from one judge to another, or, without `from`, one judge
 * added to an entry that has fewer than it needs. The move must keep every hard constraint the solver
 * keeps (model.ts): the new judge covers the entry, has no conflict with it, and stays within the cap.
 */
import { AppError, type Problem } from '../../platform/errors.ts';
import { coveringJudges, isConflicted, type IndexedInstance, type JudgeEntryPair } from './model.ts';

export interface Move {
  entry: string;
  from?: string;
  to: string;
}

const problem = (code: string, zh: string, en: string, path: keyof Move): Problem => ({ code, message: { zh, en }, path });

/** How the messages name a judge: by name where the caller knows it (an organiser reads names, not ids). */
export type JudgeNames = ReadonlyMap<string, string>;

/** What the move would break in the current assignment; none when it may be made. */
export function moveProblems(indexed: IndexedInstance, pairs: readonly JudgeEntryPair[], move: Move, names: JudgeNames = new Map()): Problem[] {
  const entry = indexed.entryIndex.get(move.entry);
  const to = indexed.judgeIndex.get(move.to);
  const toName = names.get(move.to) ?? move.to;
  const fromName = move.from === undefined ? undefined : (names.get(move.from) ?? move.from);
  const problems: Problem[] = [];
  if (entry === undefined) problems.push(problem('assignment.unknown_entry', `未知的作品：${move.entry}`, `Unknown entry: ${move.entry}`, 'entry'));
  if (to === undefined) problems.push(problem('assignment.unknown_judge', `未知的评委：${move.to}`, `Unknown judge: ${move.to}`, 'to'));
  if (entry === undefined || to === undefined) return problems;
  const judgesOfEntry = pairs.filter((pair) => pair.entry === move.entry).map((pair) => pair.judge);
  const { judgesNeeded } = indexed.instance.entries[entry];
  const { cap } = indexed.instance.judges[to];
  if (move.from === undefined) {
    if (judgesOfEntry.length >= judgesNeeded)
      problems.push(problem('assignment.entry_full', `该作品已有 ${judgesNeeded} 位评委`, `The entry already has its ${judgesNeeded} judges`, 'entry'));
  } else if (!judgesOfEntry.includes(move.from))
    problems.push(problem('assignment.not_assigned', `${fromName} 并未评审该作品`, `${fromName} does not judge this entry`, 'from'));
  if (judgesOfEntry.includes(move.to))
    problems.push(problem('assignment.already_assigned', `${toName} 已在评审该作品`, `${toName} already judges this entry`, 'to'));
  if (!coveringJudges(indexed, entry).includes(to))
    problems.push(problem('assignment.not_covering', `${toName} 不负责该作品所在的组别`, `${toName} does not cover this entry's groups`, 'to'));
  if (isConflicted(indexed, entry, to))
    problems.push(problem('assignment.conflict', `${toName} 与该作品存在利益冲突`, `${toName} has a conflict of interest with this entry`, 'to'));
  const load = pairs.filter((pair) => pair.judge === move.to).length;
  if (load + 1 > cap)
    problems.push(problem('assignment.over_cap', `${toName} 已达评审上限 ${cap} 件`, `${toName} already has the most entries allowed (${cap})`, 'to'));
  return problems;
}

/** Refuses the move, with every reason, unless it keeps every hard constraint. */
export function checkMove(indexed: IndexedInstance, pairs: readonly JudgeEntryPair[], move: Move, names?: JudgeNames): void {
  const problems = moveProblems(indexed, pairs, move, names);
  if (problems.length > 0)
    throw new AppError('assignment.move_refused', { zh: '无法这样调整评审分配', en: 'This change to the assignment is not allowed' }, 409, problems);
}
