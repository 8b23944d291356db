/**
 * The held-votes statements: the organiser's list and decisions, the rescan's reading of a phase's
 * stream and its holds, and the timeline of counted and held votes. Tallies move through
 * ingest/queries.ts's addToTallies, the one statement that moves them.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db-types.ts';
import type { Executor } from '../../platform/transaction.ts';
import type { HoldReason } from '../hold-reason.ts';

export interface HeldFilter {
  /** A signal: held votes with a reason of this signal. */
  reason?: string;
  /** A registration id. */
  entry?: string;
}

/** Which held votes a decision or a page names: the given ids, or every held vote that matches a filter. */
export type HeldSelection = { voteIds: readonly string[] } | { filter: HeldFilter };

const heldIn = (contestId: string, phaseId: string, selection: HeldSelection) => (eb: ExpressionBuilder<Database, 'votes'>) => {
  const conditions: Expression<SqlBool>[] = [eb('votes.contest_id', '=', contestId), eb('votes.phase_id', '=', phaseId), eb('votes.status', '=', 'held')];
  if ('voteIds' in selection) conditions.push(eb('votes.id', 'in', selection.voteIds.length > 0 ? [...selection.voteIds] : ['']));
  else {
    const { reason, entry } = selection.filter;
    if (entry !== undefined) conditions.push(eb('votes.registration_id', '=', entry));
    if (reason !== undefined) conditions.push(sql<boolean>`votes.hold_reasons @> ${JSON.stringify([{ signal: reason }])}::jsonb`);
  }
  return eb.and(conditions);
};

/** A page of the phase's held votes that match the filter, oldest first, with each entry's reference and title and the voter's number. */
export const heldVotesPage = (db: Executor, contestId: string, phaseId: string, filter: HeldFilter, page: { limit: number; offset: number }) =>
  db
    .selectFrom('votes')
    .innerJoin('registrations', 'registrations.id', 'votes.registration_id')
    .innerJoin('voters', 'voters.id', 'votes.voter_id')
    .select([
      'votes.id',
      'votes.registration_id',
      'registrations.ref',
      'registrations.title',
      'voters.phone',
      'votes.cast_at',
      'votes.address',
      'votes.hold_reasons',
    ])
    .where(heldIn(contestId, phaseId, { filter }))
    .orderBy('votes.cast_at')
    .orderBy('votes.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

/** How many of the phase's held votes match the filter, by signal (a vote with two reasons counts under each). */
export async function heldVoteCounts(db: Executor, contestId: string, phaseId: string, filter: HeldFilter) {
  const where = heldIn(contestId, phaseId, { filter });
  const [total, bySignal] = await Promise.all([
    db
      .selectFrom('votes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('votes')
      .innerJoin(sql<{ signal: string }>`jsonb_array_elements(votes.hold_reasons)`.as('reason'), (join) => join.onTrue())
      .select([sql<string>`reason.value->>'signal'`.as('signal'), (eb) => eb.fn.countAll<string>().as('count')])
      .where(where)
      .groupBy(sql`reason.value->>'signal'`)
      .orderBy('signal')
      .execute(),
  ]);
  return { total: Number(total.count), bySignal: bySignal.map((row) => ({ signal: row.signal, count: Number(row.count) })) };
}

/** Counts or rejects the selected held votes (those still held: a vote is decided once). Returns the votes it decided. */
export const decideHeldVotes = (
  db: Executor,
  contestId: string,
  phaseId: string,
  selection: HeldSelection,
  decision: { status: 'counted' | 'rejected'; by: string; at: Date },
) =>
  db
    .updateTable('votes')
    .set({ status: decision.status, decided_by: decision.by, decided_at: decision.at })
    .where(heldIn(contestId, phaseId, selection))
    .returning(['id', 'registration_id'])
    .execute();

/** How many votes the phase has, and when the last was cast (ms since the epoch; null: none). */
export async function phaseStreamExtent(db: Executor, contestId: string, phaseId: string) {
  const { count, last } = await db
    .selectFrom('votes')
    .select((eb) => [eb.fn.countAll<string>().as('count'), sql<number | null>`(extract(epoch from max(cast_at)) * 1000)::float8`.as('last')])
    .where('contest_id', '=', contestId)
    .where('phase_id', '=', phaseId)
    .executeTakeFirstOrThrow();
  return { count: Number(count), lastCastMs: last };
}

/** A time as milliseconds since the epoch: a number reads many times faster than a timestamp. */
const msOf = (column: string) => sql<number>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;
const timestampOf = (ms: number) => sql<Date>`to_timestamp(${ms}::float8 / 1000)`;

/** Where a page of the stream ends: the next starts after this entry's votes of this instant. */
export interface StreamPageEnd {
  registrationId: string;
  castMs: number;
}

/**
 * A page of the phase's votes cast up to `untilMs`, as the signals read them, with each voter's
 * number and when it was first proven: entry by entry, each entry's in time order (one entry's
 * votes of one instant in no order), the order of the index on (entry, time), so a page costs its
 * own rows whatever the phase's size and whatever the planner knows of it. The rescan puts them
 * in time order (stream-columns.ts' inTimeOrder).
 */
export const phaseStreamPage = (db: Executor, contestId: string, phaseId: string, page: { untilMs: number; after?: StreamPageEnd; limit: number }) =>
  db
    .selectFrom('votes')
    .innerJoin('voters', 'voters.id', 'votes.voter_id')
    .select([
      'votes.id',
      'votes.registration_id as registrationId',
      'votes.voter_id as voterId',
      'voters.phone',
      msOf('voters.created_at').as('voterSinceMs'),
      'votes.address',
      'votes.subnet',
      'votes.device',
      msOf('votes.cast_at').as('castMs'),
    ])
    .where('votes.contest_id', '=', contestId)
    .where('votes.phase_id', '=', phaseId)
    .where('votes.cast_at', '<=', timestampOf(page.untilMs))
    .$if(page.after !== undefined, (qb) =>
      qb.where(sql<boolean>`(votes.registration_id, votes.cast_at) > (${page.after!.registrationId}, ${timestampOf(page.after!.castMs)})`),
    )
    .orderBy('votes.registration_id')
    .orderBy('votes.cast_at')
    .limit(page.limit)
    .execute();

/**
 * Holds these votes with their reasons, those still counted that no organiser decided (a vote an
 * organiser counted stays counted). Returns the votes it held.
 */
export async function holdCountedVotes(db: Executor, contestId: string, phaseId: string, holds: readonly { id: string; reasons: HoldReason[] }[]) {
  if (holds.length === 0) return [];
  const { rows } = await sql<{ id: string; registration_id: string }>`
    update votes set status = 'held', hold_reasons = hold.reasons::jsonb
    from unnest(${holds.map((h) => h.id)}::text[], ${holds.map((h) => JSON.stringify(h.reasons))}::text[]) as hold(id, reasons)
    where votes.id = hold.id and votes.contest_id = ${contestId} and votes.phase_id = ${phaseId}
      and votes.status = 'counted' and votes.decided_at is null
    returning votes.id, votes.registration_id`.execute(db);
  return rows;
}

/**
 * The phase's votes per entry, standing and bucket of time (minute or hour, in the time zone: a
 * zone half an hour off UTC has its hours on its own half hours), only the buckets with votes.
 */
export const timelineOf = (db: Executor, contestId: string, phaseId: string, query: { entry?: string; bucket: 'minute' | 'hour'; timeZone: string }) =>
  db
    .selectFrom('votes')
    .select([
      sql<Date>`date_trunc(${query.bucket}, votes.cast_at, ${query.timeZone})`.as('bucket'),
      'votes.registration_id',
      'votes.status',
      (eb) => eb.fn.countAll<string>().as('count'),
    ])
    .where('votes.contest_id', '=', contestId)
    .where('votes.phase_id', '=', phaseId)
    .$if(query.entry !== undefined, (qb) => qb.where('votes.registration_id', '=', query.entry!))
    .groupBy([sql`1`, 'votes.registration_id', 'votes.status'])
    .orderBy('votes.registration_id')
    .orderBy(sql`1`)
    .execute();

/** The references and titles of these entries. */
export const entriesNamed = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('registrations')
        .select(['id', 'ref', 'title'])
        .where('id', 'in', [...ids])
        .execute();

/** The vote phases that took votes at or after `since`, as contest and phase ids. */
export const phasesVotedSince = (db: Executor, since: Date) =>
  db.selectFrom('votes').select(['contest_id', 'phase_id']).distinct().where('cast_at', '>=', since).orderBy('contest_id').orderBy('phase_id').execute();
