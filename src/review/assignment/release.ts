/**
 * Taking a judge off entries the judge has a conflict with, at the moment the conflict becomes known
 * (a judge declares one: judges/conflicts call this in the same transaction). A conflict must not
 * wait for the organiser's next run, so the pairs go at once, as a 'hand' run per round they stood in:
 * the board shows why, and undo can give them back if the declaration was a mistake.
 */
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../../audit/service.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import * as queries from './queries.ts';
import type { AssignmentRunSummary } from './stored.ts';

/** A release run's summary: the solver's fields, and the pairs taken away and why. */
export interface ReleaseSummary extends AssignmentRunSummary {
  released: { judge: string; entries: string[]; reason: 'conflict' };
}

export interface ReleaseActor {
  accountId: string;
  clock: Clock;
}

/**
 * Removes the judge's standing pairs with these entries, in every round of the contest. Effects per
 * round that had any: a 'hand' run, done at once, whose summary lists the entries released; the
 * pairs' removed_by_run set to it; `assignment.released` {runId, roundId, judgeId, registrationIds}.
 * Returns how many pairs went (0 when none stood: no run, no event).
 */
export async function releaseConflictedPairs(
  trx: Executor,
  contestId: string,
  judgeId: string,
  registrationIds: string[],
  actor: ReleaseActor,
): Promise<number> {
  if (registrationIds.length === 0) return 0;
  return inTransaction(trx, async (tx) => {
    const standing = await queries.currentPairsOfJudge(tx, contestId, judgeId, registrationIds);
    const at = actor.clock.now();
    for (const roundId of new Set(standing.map((pair) => pair.round_id))) {
      await queries.lockRoundAssignment(tx, contestId, roundId);
      const entries = standing.filter((pair) => pair.round_id === roundId).map((pair) => pair.registration_id);
      const summary: ReleaseSummary = {
        entries: entries.length,
        judges: 1,
        pairs: 0,
        shortfalls: [],
        released: { judge: judgeId, entries, reason: 'conflict' },
      };
      const run = await queries.insertRun(tx, {
        id: randomUUID(),
        contest_id: contestId,
        round_id: roundId,
        kind: 'hand',
        status: 'done',
        progress: JSON.stringify({ routed: entries.length, total: entries.length }),
        summary: JSON.stringify(summary),
        started_by: actor.accountId,
        started_at: at,
        finished_at: at,
      });
      await queries.removeJudgePairs(tx, run.id, contestId, roundId, judgeId, entries);
      await appendAuditEvent(tx, {
        contestId,
        actor: actor.accountId,
        type: 'assignment.released',
        payload: { runId: run.id, roundId, judgeId, registrationIds: entries, reason: 'conflict' },
        at,
      });
    }
    return standing.length;
  });
}
