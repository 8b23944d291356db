import { sql } from 'kysely';
import type { PhaseChangeRow, RoundStateRow } from '../platform/db-types.ts';
import type { Executor } from '../platform/transaction.ts';

/** Serialises changes to one contest's schedule until the transaction ends (a round without a row has nothing to lock). */
export const lockSchedule = (db: Executor, contestId: string) => sql`select pg_advisory_xact_lock(hashtext(${`schedule:${contestId}`}))`.execute(db);

export const phaseChangesOf = (db: Executor, contestId: string): Promise<PhaseChangeRow[]> =>
  db.selectFrom('phase_changes').selectAll().where('contest_id', '=', contestId).orderBy('phase_id').execute();

export const phaseChangesOfContests = (db: Executor, contestIds: string[]): Promise<PhaseChangeRow[]> =>
  db.selectFrom('phase_changes').selectAll().where('contest_id', 'in', contestIds).orderBy('contest_id').orderBy('phase_id').execute();

export const roundStatesOf = (db: Executor, contestId: string): Promise<RoundStateRow[]> =>
  db.selectFrom('round_states').selectAll().where('contest_id', '=', contestId).orderBy('round_id').execute();

export const savePhaseChange = (db: Executor, row: PhaseChangeRow) =>
  db
    .insertInto('phase_changes')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['contest_id', 'phase_id'])
        .doUpdateSet({ change: row.change, end_exclusive: row.end_exclusive, reason: row.reason, changed_by: row.changed_by, changed_at: row.changed_at }),
    )
    .execute();

export const saveRoundState = (db: Executor, row: RoundStateRow) =>
  db
    .insertInto('round_states')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['contest_id', 'round_id']).doUpdateSet({ state: row.state, reason: row.reason, changed_by: row.changed_by, changed_at: row.changed_at }),
    )
    .execute();

/** For the audit state check: the contests that have any schedule row. */
export const contestsWithScheduleChanges = async (db: Executor) =>
  (await db.selectFrom('phase_changes').select('contest_id').union(db.selectFrom('round_states').select('contest_id')).execute()).map((r) => r.contest_id);
