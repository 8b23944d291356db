/**
 * A round's assignment as it stands in the database, loaded for the service: the round and its state,
 * its entries, the judges who serve it, their conflicts, the standing pairs and the scores. Reads only.
 */
import type { ReviewRound } from '../../contest/schema/index.ts';
import { getContest, type StoredContest } from '../../contest/service.ts';
import { notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/transaction.ts';
import { scheduleOf } from '../../schedule/service.ts';
import { conflictsOf, type ConflictScope } from '../conflicts/service.ts';
import { roundEntries, type RoundEntries } from '../round-entries.ts';
import { buildInstance, type InstanceJudge } from './instance.ts';
import type { JudgeEntryPair } from './model.ts';
import * as queries from './queries.ts';

export interface LoadedRound {
  contest: StoredContest;
  round: ReviewRound;
  state: 'open' | 'closed' | 'published';
}

export async function loadRound(db: Executor, contestId: string, roundId: string): Promise<LoadedRound> {
  const contest = await getContest(db, contestId);
  const round = contest.definition.review.rounds.find((r) => r.id === roundId);
  if (!round) throw notFound({ zh: `评审轮次 ${roundId}`, en: `Review round ${roundId}` }, 'round.not_found');
  const state = (await scheduleOf(db, contestId)).rounds.find((r) => r.id === roundId)!.state;
  return { contest, round, state };
}

export type AssignmentJudgeRow = Awaited<ReturnType<typeof queries.judgesForAssignment>>[number];

/** An active judge serves the rounds listed, or every round when none is. */
export const servesRound = (judge: AssignmentJudgeRow, roundId: string) =>
  judge.status === 'active' && (judge.rounds.length === 0 || judge.rounds.includes(roundId));

export const instanceJudge = (judge: AssignmentJudgeRow): InstanceJudge => ({ id: judge.id, covers: judge.covers, cap: judge.cap, expertise: judge.expertise });

const asPair = (pair: queries.StoredPair): JudgeEntryPair => ({ judge: pair.judge_id, entry: pair.registration_id });

/** The round's assignment as it stands: what the board shows. */
export interface RoundAssignment extends RoundEntries {
  judges: AssignmentJudgeRow[];
  /** The judges who serve the round. */
  serving: AssignmentJudgeRow[];
  pairs: JudgeEntryPair[];
  scores: Awaited<ReturnType<typeof queries.scoresOfRound>>;
}

/** The assignment and the conflicts a change to it must respect. */
export interface RoundProblem extends RoundAssignment {
  conflicts: JudgeEntryPair[];
}

export async function loadAssignment(db: Executor, { contest, round }: LoadedRound): Promise<RoundAssignment> {
  const contestId = contest.definition.id;
  const [entries, judges, pairs, scores] = await Promise.all([
    roundEntries(db, contest, round.id),
    queries.judgesForAssignment(db, contestId),
    queries.currentPairsOfRound(db, contestId, round.id),
    queries.scoresOfRound(db, contestId, round.id),
  ]);
  return { ...entries, judges, serving: judges.filter((judge) => servesRound(judge, round.id)), pairs: pairs.map(asPair), scores };
}

/** The assignment with the conflicts of the entries in scope (every entry's when none is named). */
export async function loadProblem(db: Executor, loaded: LoadedRound, scope: ConflictScope = {}): Promise<RoundProblem> {
  const [assignment, conflicts] = await Promise.all([loadAssignment(db, loaded), conflictsOf(db, loaded.contest.definition.id, scope)]);
  return { ...assignment, conflicts: conflicts.map((conflict) => ({ judge: conflict.judgeId, entry: conflict.registrationId })) };
}

/** The standing pairs a judge has scored (draft or submitted): a run keeps them, a move may not take them away. */
export const scoredPairs = (problem: RoundAssignment) => {
  const scored = new Set(problem.scores.map((score) => `${score.judge_id}\u0000${score.registration_id}`));
  return problem.pairs.filter((pair) => scored.has(`${pair.judge}\u0000${pair.entry}`));
};

/**
 * The round as the solver sees it. A run keeps the scored pairs and solves the rest; a hand move is
 * checked against the whole assignment (`kept` none), where every standing pair counts.
 */
export function problemInstance({ contest, round }: LoadedRound, problem: RoundProblem, kept: readonly JudgeEntryPair[]) {
  const trackNames = new Map(contest.definition.tracks.map((track) => [track.id, track.name]));
  return buildInstance({
    round,
    entries: problem.entries.map((entry) => ({ ...entry, text: `${entry.title} ${trackNames.get(entry.division.split('/')[0]) ?? ''}` })),
    judges: problem.serving.map(instanceJudge),
    conflicts: problem.conflicts,
    kept,
  });
}
