/**
 * Publishing's rows: imported vote counts (imported_vote_counts) and a round's publications
 * (round_publications, each version kept), and the few registration columns a ranking names.
 */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { ImportedVoteCounts, RoundPublications } from '../../platform/db-generated.ts';
import type { Executor } from '../../platform/transaction.ts';

export type RoundPublicationRow = Selectable<RoundPublications>;
export type NewImportedVoteCount = Insertable<ImportedVoteCounts>;

/** Serialises the imports of one vote phase until the transaction ends (each replaces the phase's rows). */
export const lockVotePhase = (db: Executor, contestId: string, phaseId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`votes:${contestId}:${phaseId}`}))`.execute(db);

/** Serialises the publications of one round, so two never take the same version. */
export const lockRoundPublication = (db: Executor, contestId: string, roundId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`publication:${contestId}:${roundId}`}))`.execute(db);

/** The contest's registrations among these references or ids: what a vote import names. */
export const registrationsNamed = (db: Executor, contestId: string, refs: readonly string[], ids: readonly string[]) =>
  refs.length + ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('registrations')
        .select(['id', 'ref'])
        .where('contest_id', '=', contestId)
        // One array parameter each, not one parameter per entry: an import may name more entries than a statement takes parameters.
        .where(sql<boolean>`(ref = any(${[...refs]}::text[]) or id = any(${[...ids]}::text[]))`)
        .execute();

/** Every registration's reference and title in the contest: what a published ranking shows beside each entry. */
export const entryNamesOfContest = (db: Executor, contestId: string) =>
  db.selectFrom('registrations').select(['id', 'ref', 'title']).where('contest_id', '=', contestId).execute();

/** The many rows of a large import go in statements of this many (PostgreSQL takes at most 65,535 parameters a statement). */
const ROWS_PER_STATEMENT = 5000;

export async function replaceVoteCounts(db: Executor, contestId: string, phaseId: string, rows: NewImportedVoteCount[]) {
  await db.deleteFrom('imported_vote_counts').where('contest_id', '=', contestId).where('phase_id', '=', phaseId).execute();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('imported_vote_counts')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .execute();
  }
}

export const voteCountsOfPhase = (db: Executor, contestId: string, phaseId: string) =>
  db
    .selectFrom('imported_vote_counts as v')
    .innerJoin('registrations as r', 'r.id', 'v.registration_id')
    .select(['v.registration_id', 'r.ref', 'r.title', 'v.count', 'v.imported_at', 'v.imported_by'])
    .where('v.contest_id', '=', contestId)
    .where('v.phase_id', '=', phaseId)
    .orderBy('r.ref')
    .execute();

/** Any vote of the phase taken in Leitai (held and rejected ones too). */
const votesOfPhase = (db: Executor, contestId: string, phaseId: string) =>
  db
    .selectFrom('votes')
    .select(sql`1`.as('one'))
    .where('contest_id', '=', contestId)
    .where('phase_id', '=', phaseId);

/** Whether Leitai took votes in the phase: then its tallies are the phase's counts, and an import is refused. */
export const phaseVotedHere = async (db: Executor, contestId: string, phaseId: string) =>
  (await votesOfPhase(db, contestId, phaseId).limit(1).executeTakeFirst()) !== undefined;

/**
 * The phase's counts as the results engine reads them, and the one place that decides where they
 * come from: the counted votes of Leitai's tallies (vote_tallies.counted: held and rejected votes
 * never count) when Leitai took any vote in the phase, else the organiser's import. One statement,
 * so the choice and the counts are read together.
 */
export const countsOfPhase = (db: Executor, contestId: string, phaseId: string) =>
  db
    .selectFrom('vote_tallies')
    .select(['registration_id', 'counted as count'])
    .where('contest_id', '=', contestId)
    .where('phase_id', '=', phaseId)
    .where(({ exists }) => exists(votesOfPhase(db, contestId, phaseId)))
    .unionAll(
      db
        .selectFrom('imported_vote_counts')
        .select(['registration_id', 'count'])
        .where('contest_id', '=', contestId)
        .where('phase_id', '=', phaseId)
        .where(({ exists, not }) => not(exists(votesOfPhase(db, contestId, phaseId)))),
    )
    .execute();

export const publicationsOfRound = (db: Executor, contestId: string, roundId: string): Promise<RoundPublicationRow[]> =>
  db.selectFrom('round_publications').selectAll().where('contest_id', '=', contestId).where('round_id', '=', roundId).orderBy('version').execute();

/** Every publication of the contest, each round's versions in order. */
export const publicationsOfContest = (db: Executor, contestId: string): Promise<RoundPublicationRow[]> =>
  db.selectFrom('round_publications').selectAll().where('contest_id', '=', contestId).orderBy('round_id').orderBy('version').execute();

/** Contests with a published round: the chains whose publications `audit verify` checks. */
export const contestsWithPublications = async (db: Executor) =>
  (await db.selectFrom('round_publications').select('contest_id').distinct().execute()).map((r) => r.contest_id);

/** The newest version of each published round of the contest. */
export const latestPublicationsOfContest = (db: Executor, contestId: string): Promise<RoundPublicationRow[]> =>
  db
    .selectFrom('round_publications')
    .selectAll()
    .distinctOn('round_id')
    .where('contest_id', '=', contestId)
    .orderBy('round_id')
    .orderBy('version', 'desc')
    .execute();

export const insertPublication = (db: Executor, row: Insertable<RoundPublications>) => db.insertInto('round_publications').values(row).execute();
