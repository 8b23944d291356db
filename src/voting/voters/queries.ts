/** Every SQL statement of voters, their one-time codes and their sessions. */
import { sql, type Insertable } from 'kysely';
import type { Database } from '../../platform/db-types.ts';
import type { Executor } from '../../platform/transaction.ts';

export async function insertVoterCode(db: Executor, code: Insertable<Database['voter_codes']>): Promise<void> {
  await db.insertInto('voter_codes').values(code).execute();
}

/** The code sent last to a number: the only one that can prove it (an older one is replaced). */
export const latestCodeOf = (db: Executor, phone: string) =>
  db.selectFrom('voter_codes').selectAll().where('phone', '=', phone).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();

/**
 * Counts one attempt on a live code, in one statement so that parallel guesses cannot share an
 * attempt: the count after it, or undefined when the code is used or out of attempts.
 */
export async function countCodeAttempt(db: Executor, codeId: string, maxAttempts: number): Promise<number | undefined> {
  const row = await db
    .updateTable('voter_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', codeId)
    .where('used_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .returning('attempts')
    .executeTakeFirst();
  return row?.attempts;
}

/** Marks a code used; false when another request used it first. */
export async function markCodeUsed(db: Executor, codeId: string, at: Date): Promise<boolean> {
  const result = await db.updateTable('voter_codes').set({ used_at: at }).where('id', '=', codeId).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The voter of a number just proven: added on its first proof, else its verified_at moved to now.
 * `created` tells which (xmax is 0 only on a row this statement inserted rather than updated).
 */
export const upsertProvenVoter = (db: Executor, voter: Insertable<Database['voters']>) =>
  db
    .insertInto('voters')
    .values(voter)
    .onConflict((oc) => oc.column('phone').doUpdateSet((eb) => ({ verified_at: eb.ref('excluded.verified_at') })))
    .returningAll()
    .returning(sql<boolean>`xmax = 0`.as('created'))
    .executeTakeFirstOrThrow();

export async function insertVoterSession(db: Executor, session: Insertable<Database['voter_sessions']>): Promise<void> {
  await db.insertInto('voter_sessions').values(session).execute();
}

export async function deleteExpiredVoterSessionsOf(db: Executor, voterId: string, now: Date): Promise<void> {
  await db.deleteFrom('voter_sessions').where('voter_id', '=', voterId).where('expires_at', '<=', now).execute();
}

export async function deleteVoterSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('voter_sessions').where('id', '=', sessionId).execute();
}

/** The voters of the sessions that have not expired, with each session's id and expiry. */
export const votersOfLiveSessions = (db: Executor, sessionIds: readonly string[], now: Date) =>
  db
    .selectFrom('voter_sessions')
    .innerJoin('voters', 'voters.id', 'voter_sessions.voter_id')
    .select(['voter_sessions.id as session_id', 'voters.id', 'voters.phone', 'voters.created_at', 'voter_sessions.expires_at'])
    .where('voter_sessions.id', '=', sql<string>`any(${[...sessionIds]}::text[])`)
    .where('voter_sessions.expires_at', '>', now)
    .execute();
