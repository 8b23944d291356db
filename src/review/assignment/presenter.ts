/** The replies of the assignment routes, field by field (schema.ts names them). */
import { judgeCapIn } from './instance.ts';
import type { LoadedRound, RoundAssignment } from './problem.ts';
import type { AssignmentRunRow } from './queries.ts';
import type { ReleaseSummary } from './release.ts';
import type { BoardReply, RunView } from './schema.ts';
import type { AssignmentRunSummary } from './stored.ts';

const presentSummary = (summary: AssignmentRunSummary & Partial<Pick<ReleaseSummary, 'released'>>): NonNullable<RunView['summary']> => ({
  entries: summary.entries,
  judges: summary.judges,
  pairs: summary.pairs,
  ...(summary.objective ? { objective: summary.objective } : {}),
  shortfalls: summary.shortfalls,
  ...(summary.move ? { move: summary.move } : {}),
  ...(summary.released ? { released: summary.released } : {}),
  ...(summary.error ? { error: summary.error } : {}),
});

export const presentRun = (run: AssignmentRunRow): RunView => ({
  id: run.id,
  kind: run.kind,
  status: run.status,
  progress: { routed: run.progress.routed, total: run.progress.total },
  summary: run.summary && presentSummary(run.summary),
  startedAt: run.started_at.toISOString(),
  finishedAt: run.finished_at?.toISOString() ?? null,
  startedBy: run.started_by,
  undoneAt: run.undone_at?.toISOString() ?? null,
});

type ScoreStatus = 'none' | 'draft' | 'submitted';

/**
 * The board: every entry of the round with its judges and how far each has scored it, and every judge
 * who serves the round or holds a pair in it with their load, cap and scores. One pass over each list.
 */
export function presentBoard(loaded: LoadedRound, assignment: RoundAssignment, runs: AssignmentRunRow[], newestSolver?: AssignmentRunRow): BoardReply {
  const { round, state } = loaded;
  const status = new Map<string, ScoreStatus>();
  const scored = new Map<string, { submitted: number; drafts: number }>();
  for (const score of assignment.scores) {
    status.set(`${score.judge_id}\u0000${score.registration_id}`, score.status);
    const counts = scored.get(score.judge_id) ?? { submitted: 0, drafts: 0 };
    if (score.status === 'submitted') counts.submitted++;
    else counts.drafts++;
    scored.set(score.judge_id, counts);
  }
  const judgeOf = new Map(assignment.judges.map((judge) => [judge.id, judge]));
  const judgesOfEntry = new Map<string, { id: string; name: string; score: ScoreStatus }[]>();
  const load = new Map<string, number>();
  for (const pair of assignment.pairs) {
    const list = judgesOfEntry.get(pair.entry) ?? [];
    list.push({ id: pair.judge, name: judgeOf.get(pair.judge)?.name ?? '', score: status.get(`${pair.judge}\u0000${pair.entry}`) ?? 'none' });
    judgesOfEntry.set(pair.entry, list);
    load.set(pair.judge, (load.get(pair.judge) ?? 0) + 1);
  }
  const serving = new Set(assignment.serving.map((judge) => judge.id));
  const cap = (judgeCap: number | null) => {
    const lower = judgeCapIn(round, { cap: judgeCap }, Infinity);
    return Number.isFinite(lower) ? lower : null;
  };
  return {
    round: { id: round.id, name: round.name, mode: round.mode, state, judgesPerEntry: round.judgesPerEntry, judgeCap: round.judgeCap ?? null },
    runs: runs.map(presentRun),
    judges: assignment.judges
      .filter((judge) => serving.has(judge.id) || load.has(judge.id))
      .map((judge) => ({
        id: judge.id,
        name: judge.name,
        load: load.get(judge.id) ?? 0,
        cap: cap(judge.cap),
        submitted: scored.get(judge.id)?.submitted ?? 0,
        drafts: scored.get(judge.id)?.drafts ?? 0,
      })),
    entries: assignment.entries.map((entry) => ({
      id: entry.id,
      ref: entry.ref,
      title: entry.title,
      division: entry.division,
      judges: judgesOfEntry.get(entry.id) ?? [],
    })),
    shortfalls: newestSolver?.summary?.shortfalls ?? [],
    ...(assignment.waitingFor ? { waitingFor: assignment.waitingFor } : {}),
  };
}
