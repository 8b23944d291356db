/**
 * The statements of a group commit: a batch of votes travels as one array per column, unnested in
 * one statement (as review/assignment's pairs do), so a batch of hundreds binds a dozen parameters
 * and its SQL is the same text every time.
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/transaction.ts';
import type { HoldReason } from '../hold-reason.ts';

export type VoteStatus = 'counted' | 'held' | 'rejected';

/** A vote as the batch writes it. */
export interface NewVote {
  id: string;
  contestId: string;
  phaseId: string;
  registrationId: string;
  divisionId: string;
  voterId: string;
  idempotencyKey: string;
  castAt: Date;
  address: string;
  subnet: string;
  device: string;
  status: 'counted' | 'held';
  holdReasons: HoldReason[];
}

/** One of a voter's votes in a phase, as stored. */
export interface CastVote {
  id: string;
  registrationId: string;
  divisionId: string;
  castAt: Date;
  idempotencyKey: string;
  status: VoteStatus;
}

interface CastVoteRow {
  id: string;
  voter_id: string;
  registration_id: string;
  division_id: string;
  /** cast_at in ms since the epoch: a number reads many times faster than a timestamp a batch of votes has hundreds of. */
  cast_ms: number;
  idempotency_key: string;
  status: VoteStatus;
}

const castVoteColumns = sql`id, voter_id, registration_id, division_id, (extract(epoch from cast_at) * 1000)::float8 as cast_ms, idempotency_key, status`;

const toCastVote = (row: CastVoteRow): CastVote => ({
  id: row.id,
  registrationId: row.registration_id,
  divisionId: row.division_id,
  castAt: new Date(row.cast_ms),
  idempotencyKey: row.idempotency_key,
  status: row.status,
});

/**
 * Locks the voters' rows until the transaction ends, in id order so two batches that share voters
 * wait for each other instead of deadlocking: another process's batch for the same voter commits
 * first, and the history read after this lock includes its votes.
 */
export async function lockVoters(db: Executor, voterIds: readonly string[]) {
  await sql`select id from voters where id = any(${[...voterIds]}::text[]) order by id for update`.execute(db);
}

export interface PhaseVoters {
  contestId: string;
  phaseId: string;
  voterIds: string[];
}

/** The votes of these voters in these phases, each voter's oldest first, by `contestId phaseId voterId`. */
export async function votesOfVoters(db: Executor, groups: readonly PhaseVoters[]): Promise<Map<string, CastVote[]>> {
  const byVoter = new Map<string, CastVote[]>();
  for (const { contestId, phaseId, voterIds } of groups) {
    const { rows } = await sql<CastVoteRow>`
      select ${castVoteColumns} from votes
      where contest_id = ${contestId} and phase_id = ${phaseId} and voter_id = any(${voterIds}::text[])
      order by cast_at, id`.execute(db);
    for (const row of rows) {
      const key = voterInPhase(contestId, phaseId, row.voter_id);
      const votes = byVoter.get(key);
      if (votes) votes.push(toCastVote(row));
      else byVoter.set(key, [toCastVote(row)]);
    }
  }
  return byVoter;
}

/** A map key of several ids (none holds a NUL: requests with one are refused before any handler). */
export const joinKey = (...ids: string[]) => ids.join('\u0000');

export const voterInPhase = (contestId: string, phaseId: string, voterId: string) => joinKey(contestId, phaseId, voterId);

/** One voter's votes in a phase, oldest first. */
export const votesOfVoter = async (db: Executor, contestId: string, phaseId: string, voterId: string): Promise<CastVote[]> =>
  (await votesOfVoters(db, [{ contestId, phaseId, voterIds: [voterId] }])).get(voterInPhase(contestId, phaseId, voterId)) ?? [];

/** What a vote adds to its entry's tally. */
export interface TallyDelta {
  contestId: string;
  phaseId: string;
  registrationId: string;
  counted: number;
  held: number;
}

/** The insert of the votes as a statement's part, a voter's used idempotency key (in any phase) left out; returns what tallies need. */
function votesInsert(votes: readonly NewVote[]) {
  const column = <T>(pick: (vote: NewVote) => T) => votes.map(pick);
  return sql`
    insert into votes (id, contest_id, phase_id, registration_id, division_id, voter_id, idempotency_key, cast_at,
                       address, subnet, device, status, hold_reasons)
    select id, contest_id, phase_id, registration_id, division_id, voter_id, idempotency_key, cast_at::timestamptz,
           address, subnet, device, status, hold_reasons::jsonb
    from unnest(${column((v) => v.id)}::text[], ${column((v) => v.contestId)}::text[], ${column((v) => v.phaseId)}::text[],
                ${column((v) => v.registrationId)}::text[], ${column((v) => v.divisionId)}::text[], ${column((v) => v.voterId)}::text[],
                ${column((v) => v.idempotencyKey)}::text[], ${column((v) => v.castAt.toISOString())}::text[], ${column((v) => v.address)}::text[],
                ${column((v) => v.subnet)}::text[], ${column((v) => v.device)}::text[], ${column((v) => v.status)}::text[],
                ${column((v) => JSON.stringify(v.holdReasons))}::text[])
      as vote(id, contest_id, phase_id, registration_id, division_id, voter_id, idempotency_key, cast_at, address, subnet, device, status, hold_reasons)
    on conflict (voter_id, idempotency_key) do nothing
    returning id, contest_id, phase_id, registration_id, status`;
}

/** Inserts the votes (their tallies are not moved: see insertVotesWithTallies); returns the ids inserted. */
export async function insertVotes(db: Executor, votes: readonly NewVote[]): Promise<Set<string>> {
  if (votes.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`${votesInsert(votes)}`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/** What a vote adds to its entry's tally. */
export interface TallyDelta {
  contestId: string;
  phaseId: string;
  registrationId: string;
  counted: number;
  held: number;
}

/** The tallies' upsert: each row adds to its entry's counts; rows are taken in key order (see addToTallies). */
const talliesUpsert = sql`
  on conflict (contest_id, phase_id, registration_id)
  do update set counted = vote_tallies.counted + excluded.counted, held = vote_tallies.held + excluded.held`;

/**
 * Adds to the entries' tallies, one row per entry (the deltas must be one per entry), in key order
 * so two changes that touch the same entries wait for each other instead of deadlocking.
 */
export async function addToTallies(db: Executor, deltas: readonly TallyDelta[]) {
  if (deltas.length === 0) return;
  const sorted = [...deltas].sort((a, b) => tallyKey(a).localeCompare(tallyKey(b)));
  const column = <T>(pick: (delta: TallyDelta) => T) => sorted.map(pick);
  await sql`
    insert into vote_tallies (contest_id, phase_id, registration_id, counted, held)
    select * from unnest(${column((d) => d.contestId)}::text[], ${column((d) => d.phaseId)}::text[], ${column((d) => d.registrationId)}::text[],
                         ${column((d) => d.counted)}::integer[], ${column((d) => d.held)}::integer[])
    ${talliesUpsert}`.execute(db);
}

const tallyKey = (delta: TallyDelta) => joinKey(delta.contestId, delta.phaseId, delta.registrationId);

/**
 * Inserts the votes and adds those inserted to their entries' tallies, in one statement (one round
 * trip for a batch); returns the ids inserted. Tallies are taken in key order, as addToTallies does.
 */
export async function insertVotesWithTallies(db: Executor, votes: readonly NewVote[]): Promise<Set<string>> {
  if (votes.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    with vote as (${votesInsert(votes)}), tally as (
      insert into vote_tallies (contest_id, phase_id, registration_id, counted, held)
      select contest_id, phase_id, registration_id, count(*) filter (where status = 'counted'), count(*) filter (where status = 'held')
      from vote
      group by contest_id, phase_id, registration_id
      order by contest_id, phase_id, registration_id
      ${talliesUpsert}
    )
    select id from vote`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/** A phase's tallies, by entry. */
export const talliesOfPhase = (db: Executor, contestId: string, phaseId: string) =>
  db.selectFrom('vote_tallies').select(['registration_id', 'counted', 'held']).where('contest_id', '=', contestId).where('phase_id', '=', phaseId).execute();
