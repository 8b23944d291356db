/**
 * The statements of a group commit: a batch of votes travels as one array per column, unnested in
 * one statement (as review/assignment's pairs do), so a batch of hundreds binds a dozen parameters
 * and its SQL is the same text every time.
 */
import { sql, type QueryCreator, type Transaction } from 'kysely';
import { lockedHeadsQuery } from '../../audit/service.ts';
import type { InFront } from '../../platform/data-modifying-cte.ts';
import type { Database } from '../../platform/db-types.ts';
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
 * Locks the voters' rows and the audit chains' heads until the transaction ends, in one statement:
 * the voters in id order, then the heads in chain order, so two batches that share voters or chains
 * wait for each other instead of deadlocking, and another process's batch for the same voter commits
 * first: what is read after this lock includes its votes. Gives the heads found (a chain with none
 * yet is absent: audit takes its first-append lock).
 */
export async function lockVotersAndHeads(trx: Transaction<Database>, voterIds: readonly string[], chains: readonly string[]) {
  const rows = await trx
    .selectFrom((db) =>
      db
        .selectFrom((inner) =>
          inner
            .selectFrom('voters')
            .select('id')
            .where('id', 'in', [...voterIds])
            .orderBy('id')
            .forUpdate()
            .as('voter'),
        )
        .select((eb) => eb.fn.countAll<number>().as('voters'))
        .as('locked'),
    )
    .leftJoinLateral(lockedHeadsQuery(trx, chains).as('head'), (join) => join.onTrue())
    .select(['head.chain', 'head.seq', 'head.hash'])
    .execute();
  return new Map(rows.flatMap((row) => (row.chain === null ? [] : [[row.chain, { seq: Number(row.seq), hash: row.hash! }] as const])));
}

/** A voter's votes in a phase as this process knows them: how many (-1: none known, read them all). */
export interface KnownVotes {
  voterId: string;
  known: number;
}

/** The voters of one phase in a batch, and the keys they send with their votes. */
export interface PhaseVoters {
  contestId: string;
  phaseId: string;
  voters: KnownVotes[];
  keys: { voterId: string; idempotencyKey: string }[];
}

type CheckedRow = CastVoteRow & { phase_id: string; used: boolean };

/**
 * One statement per phase, under the voters' lock: the votes in the phase of each voter whose count
 * is not the `known` one (votes are never deleted, so the same count is the same votes: only those
 * read), each voter's oldest first, by `contestId phaseId voterId`; and the voters' keys used
 * already, in any phase, by `voterId key` (the phase they were used in).
 */
export async function votesToCheck(db: Executor, groups: readonly PhaseVoters[]) {
  const histories = new Map<string, CastVote[]>();
  const usedKeys = new Map<string, string>();
  for (const { contestId, phaseId, voters, keys } of groups) {
    const ids = voters.map((v) => v.voterId);
    const { rows } = await sql<CheckedRow>`
      with voted as materialized (
        select ${castVoteColumns}, phase_id from votes where contest_id = ${contestId} and phase_id = ${phaseId} and voter_id = any(${ids}::text[])
      ), stale as (
        select e.voter_id from unnest(${ids}::text[], ${voters.map((v) => v.known)}::integer[]) as e(voter_id, known)
        left join (select voter_id, count(*) as n from voted group by voter_id) counted using (voter_id)
        where coalesce(counted.n, 0) <> e.known
      )
      select * from (
        select id, voter_id, registration_id, division_id, cast_ms, idempotency_key, status, phase_id, false as used
        from voted join stale using (voter_id)
        order by cast_ms, id
      ) history
      union all
      select ${castVoteColumns}, phase_id, true as used from votes
      where (voter_id, idempotency_key) in (select * from unnest(${keys.map((k) => k.voterId)}::text[], ${keys.map((k) => k.idempotencyKey)}::text[]))`.execute(
      db,
    );
    for (const row of rows) {
      if (row.used) {
        usedKeys.set(joinKey(row.voter_id, row.idempotency_key), row.phase_id);
        continue;
      }
      const key = voterInPhase(contestId, phaseId, row.voter_id);
      const votes = histories.get(key);
      if (votes) votes.push(toCastVote(row));
      else histories.set(key, [toCastVote(row)]);
    }
  }
  return { histories, usedKeys };
}

/**
 * Gives the planner the votes table's statistics now. Until autovacuum's first analyze (up to a
 * minute after the first votes) a new table has none, and votesToCheck's plan then takes the
 * entries' index and filters the whole phase for each batch: in a new contest's first minutes, its
 * opening rush, that was most of a batch's time.
 */
export async function analyzeVotes(db: Executor) {
  await sql`analyze votes`.execute(db);
}

/** A map key of several ids (none holds a NUL: requests with one are refused before any handler). */
export const joinKey = (...ids: string[]) => ids.join('\u0000');

export const voterInPhase = (contestId: string, phaseId: string, voterId: string) => joinKey(contestId, phaseId, voterId);

/** One voter's votes in a phase, oldest first. */
export const votesOfVoter = async (db: Executor, contestId: string, phaseId: string, voterId: string): Promise<CastVote[]> =>
  (await votesToCheck(db, [{ contestId, phaseId, voters: [{ voterId, known: -1 }], keys: [] }])).histories.get(voterInPhase(contestId, phaseId, voterId)) ?? [];

/** What a vote adds to its entry's tally. */
export interface TallyDelta {
  contestId: string;
  phaseId: string;
  registrationId: string;
  counted: number;
  held: number;
}

/**
 * The insert of the votes as a statement's part; returns what tallies need. `skipUsedKeys`: a
 * voter's used idempotency key (in any phase) is left out; otherwise it fails the statement.
 */
function votesInsert(votes: readonly NewVote[], skipUsedKeys: boolean) {
  const column = <T>(pick: (vote: NewVote) => T) => votes.map(pick);
  return sql<Record<string, unknown>>`
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
    ${skipUsedKeys ? sql`on conflict (voter_id, idempotency_key) do nothing` : sql``}
    returning id, contest_id, phase_id, registration_id, status`;
}

/** Inserts the votes (their tallies are not moved: see insertVotesWithTallies); returns the ids inserted. */
export async function insertVotes(db: Executor, votes: readonly NewVote[]): Promise<Set<string>> {
  if (votes.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`${votesInsert(votes, true)}`.execute(db);
  return new Set(rows.map((row) => row.id));
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

/** What the votes the CTE `vote` inserted add to their entries' tallies, taken in key order as addToTallies does. */
const talliesOfInserted = sql<Record<string, unknown>>`
  insert into vote_tallies (contest_id, phase_id, registration_id, counted, held)
  select contest_id, phase_id, registration_id, count(*) filter (where status = 'counted'), count(*) filter (where status = 'held')
  from vote
  group by contest_id, phase_id, registration_id
  order by contest_id, phase_id, registration_id
  ${talliesUpsert}`;

/**
 * Inserts the votes and adds those inserted to their entries' tallies, in one statement, a voter's
 * used key left out; returns the ids inserted.
 */
export async function insertVotesWithTallies(db: Executor, votes: readonly NewVote[]): Promise<Set<string>> {
  if (votes.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`with vote as (${votesInsert(votes, true)}), tally as (${talliesOfInserted}) select id from vote`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/**
 * The votes and their tallies as data-modifying CTEs in front of another statement (the batch's
 * audit event: audit/service.ts's `alongside`). The keys must be unused (votesToCheck): one used
 * fails the statement, and with it the batch, rather than write an event for a vote left out.
 */
export const votesWithTalliesInFront =
  (votes: readonly NewVote[]): InFront =>
  (start) =>
    // The names the CTEs add to the builder's type are dropped (the cast): nothing after reads them.
    start
      .with('vote', () => sql<Record<string, unknown>>`(${votesInsert(votes, false)})`)
      .with('tally', () => sql<Record<string, unknown>>`(${talliesOfInserted})`) as unknown as QueryCreator<Database>;

/** A phase's tallies, by entry. */
export const talliesOfPhase = (db: Executor, contestId: string, phaseId: string) =>
  db.selectFrom('vote_tallies').select(['registration_id', 'counted', 'held']).where('contest_id', '=', contestId).where('phase_id', '=', phaseId).execute();
