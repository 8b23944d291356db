/**
 * What the audit log vouches for of the schedule: each phase.* and round.* event records the
 * keyed digest of the row the change left (src/audit/rows.ts), and `audit verify` digests the
 * current rows the same way, so a window or a round's state changed in the database alone is caught.
 */
import { keyedDigest } from '../audit/key.ts';
import type { StateSource } from '../audit/service.ts';
import type { PhaseChangeRow, RoundStateRow } from '../platform/db-types.ts';
import type { Executor } from '../platform/transaction.ts';
import * as queries from './queries.ts';

const phaseSubject = (phaseId: string) => `phase_change:${phaseId}`;
const roundSubject = (roundId: string) => `round_state:${roundId}`;

const phaseDigest = (row: PhaseChangeRow) =>
  keyedDigest('schedule.phase', {
    contestId: row.contest_id,
    phaseId: row.phase_id,
    change: row.change,
    endExclusive: row.end_exclusive.toISOString(),
    reason: row.reason,
  });

const roundDigest = (row: RoundStateRow) =>
  keyedDigest('schedule.round', { contestId: row.contest_id, roundId: row.round_id, state: row.state, reason: row.reason });

/** The `state` of a phase event: read inside the transaction, after the change. */
export async function phaseState(db: Executor, contestId: string, phaseId: string): Promise<Record<string, string | null>> {
  const row = (await queries.phaseChangesOf(db, contestId)).find((r) => r.phase_id === phaseId);
  return { [phaseSubject(phaseId)]: row ? phaseDigest(row) : null };
}

export async function roundState(db: Executor, contestId: string, roundId: string): Promise<Record<string, string | null>> {
  const row = (await queries.roundStatesOf(db, contestId)).find((r) => r.round_id === roundId);
  return { [roundSubject(roundId)]: row ? roundDigest(row) : null };
}

export const scheduleStates: StateSource = {
  kinds: ['phase_change', 'round_state'],
  chains: (db) => queries.contestsWithScheduleChanges(db),
  async *rows(db, contestId) {
    for (const row of await queries.phaseChangesOf(db, contestId))
      yield { subject: phaseSubject(row.phase_id), label: `phase ${row.phase_id}`, digest: phaseDigest(row) };
    for (const row of await queries.roundStatesOf(db, contestId))
      yield { subject: roundSubject(row.round_id), label: `round ${row.round_id}`, digest: roundDigest(row) };
  },
};
